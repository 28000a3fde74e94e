/**
 * Ranked, explained matches, read live from the tables (and the search index, which is written in
 * the same transaction as its source), so a new, edited, closed, archived or full item shows or
 * drops out at once. Directions:
 *
 *   need (COURSE)                  → published courses with a session taking registrations and
 *                                     seats free, and those sessions
 *   need (INTERNSHIP, SUMMER_JOB,  → student pools offering its kind, and discoverable students
 *         THESIS)
 *   offer (COURSE or STUDENT_POOL) → open needs it could answer (leads)
 *   student                        → open placements
 *
 * Each source is one statement in two stages: candidates found through a GIN index on topics,
 * scored on topics, period, distance and language, the best 100 then scored on text too.
 */
import {
  isPlacementKind,
  PLACEMENT_KINDS,
  SEARCH_KINDS,
  type Locale,
  type NeedKind,
  type SearchKind,
} from '@keskusvaraamo/shared';
import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, unauthenticated, validationError } from '../../errors.js';
import { helsinkiDate } from '../../lib/helsinki.js';
import { hasRole, type Viewer } from '../../lib/viewer.js';
import type { NeedDto } from '../needs/presenter.js';
import { mayManageNeed } from '../needs/service.js';
import type { OfferDto } from '../offers/presenter.js';
import { mayManageOffer, sessionsOfOffers } from '../offers/service.js';
import { myStudentProfile } from '../profiles/service.js';
import {
  candidateTopics,
  distanceOf,
  overlapDays,
  partScores,
  relatedTopics,
  textArray,
  textQuery,
  WEIGHTS,
  type CandidateColumns,
  type Subject,
} from './scoring.js';

export const MATCH_KINDS = ['OFFER', 'SESSION', 'STUDENT', 'NEED'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
/** How many of the best by the other parts are ranked on text too. */
const TEXT_STAGE = 100;
const MAX_MATCHES = 50;

export interface Match {
  kind: MatchKind;
  id: string;
  /** The need's kind, the offer's kind (COURSE or STUDENT_POOL), SESSION or STUDENT. */
  itemKind: string;
  title: string;
  /** The organisation, or for a student their institution and field. */
  subtitle: string | null;
  offerId: string | null;
  startsAt: string | null;
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  score: number;
  breakdown: {
    sharedTopics: string[];
    relatedTopics: string[];
    distanceKm: number | null;
    overlapDays: number | null;
    sharedLanguages: Locale[];
    points: { topics: number; period: number; distance: number; language: number; text: number };
  };
}

/**
 * A source of candidates: a subquery with the columns every ranking reads. Names of people and
 * organisations are scalar subqueries rather than joins (each a primary-key lookup of exactly one
 * row): not used for ranking, PostgreSQL looks them up only for the rows that survive the ranking,
 * not for every candidate (and a join would let it hash a whole table instead).
 */
interface Source {
  kind: MatchKind;
  /** Selects id, item_kind, title, subtitle, offer_id, starts_at, municipality_code, remote, period_start, period_end, languages, topics, topic_mask, document. */
  rows: (topics: SQL) => SQL;
  /** A condition on a candidate's id too costly for every candidate: checked best first, until the stage is full. */
  keep?: (id: SQL) => SQL;
}

const COLUMNS: CandidateColumns = {
  topics: sql`c.topics`,
  topicMask: sql`c.topic_mask`,
  municipalityCode: sql`c.municipality_code`,
  remote: sql`c.remote`,
  periodStart: sql`c.period_start`,
  periodEnd: sql`c.period_end`,
  languages: sql`c.languages`,
};

/**
 * Search index rows of the given kinds sharing a topic: one condition per kind, each the predicate
 * of that kind's partial topic index, so that only the kinds asked for are read. The kind is a
 * literal: a partial index is not used for a parameter.
 */
function ofKinds(kinds: readonly SearchKind[], topics: SQL): SQL {
  // In SEARCH_KINDS' order, each once: one statement text per set of kinds, however it is stored.
  const conditions = SEARCH_KINDS.filter((kind) => kinds.includes(kind)).map(
    (kind) => sql`(si.kind = ${sql.raw(`'${kind}'`)} and si.topics && ${topics})`,
  );
  return sql.join(conditions, sql` or `);
}

const SOURCES = {
  /**
   * Published courses still taking registrations with a free seat: the seat check is a probe of
   * the course's sessions, made in ranked order until the stage is full (a semi-join would hash
   * every open session instead, and a probe of every candidate costs a fifth of the statement).
   */
  courses: {
    kind: 'OFFER',
    rows: (topics) => sql`
      select si.id, 'COURSE' as item_kind, si.title, si.organisation_name as subtitle, null::uuid as offer_id,
        si.next_starts_at as starts_at, si.municipality_code, si.remote, si.period_start, si.period_end,
        si.languages, si.topics, si.topic_mask, si.document
      from search_items si
      where si.kind = 'COURSE' and si.topics && ${topics}
        and (si.visible_until is null or si.visible_until > now())`,
    keep: (id) => sql`(select true from course_sessions cs where cs.offer_id = ${id} and cs.cancelled_at is null
      and cs.registration_deadline > now() and cs.seats > cs.seats_taken limit 1)`,
  },
  /**
   * Sessions taking registrations with a free seat, of published courses: the course's row in the
   * search index (there while it is published, written in the same transaction as the offer) has
   * its title, organisation, topics and place, so the offers table is not read. Each candidate
   * course's sessions are looked up by key (the `offset 0` keeps the lateral subquery a lookup:
   * flattened into a join, the planner would rather hash every open session), and the outer
   * `offset 0` computes a session's dates once rather than at every use in the score.
   */
  sessions: {
    kind: 'SESSION',
    rows: (topics) => sql`
      select cs.id, 'SESSION' as item_kind, si.title, si.organisation_name as subtitle, si.id as offer_id, cs.starts_at,
        coalesce(cs.municipality_code, si.municipality_code) as municipality_code, (cs.online_url is not null) as remote,
        (cs.starts_at at time zone 'Europe/Helsinki')::date as period_start,
        (cs.ends_at at time zone 'Europe/Helsinki')::date as period_end,
        array[cs.language]::text[] as languages, si.topics, si.topic_mask, si.document
      from search_items si
      cross join lateral (
        select * from course_sessions cs where cs.offer_id = si.id
          and cs.cancelled_at is null and cs.registration_deadline > now() and cs.seats > cs.seats_taken
        offset 0) cs
      where si.kind = 'COURSE' and si.topics && ${topics}
      offset 0`,
  },
  /** Published student pools (the need's kind among theirs). */
  pools: (needKind: NeedKind): Source => ({
    kind: 'OFFER',
    rows: (topics) => sql`
      select si.id, 'STUDENT_POOL' as item_kind, si.title, si.organisation_name as subtitle, null::uuid as offer_id,
        null::timestamptz as starts_at, si.municipality_code, si.remote, si.period_start, si.period_end,
        si.languages, si.topics, si.topic_mask, si.document
      from search_items si join offers o on o.id = si.id
      where si.kind = 'STUDENT_POOL' and si.topics && ${topics} and ${needKind} = any(o.placement_kinds)`,
  }),
  /** Students who chose to be found. */
  students: {
    kind: 'STUDENT',
    rows: (topics) => sql`
      select sp.user_id as id, 'STUDENT' as item_kind, (select u.display_name from users u where u.id = sp.user_id) as title,
        sp.institution_name || ', ' || sp.field_of_study as subtitle, null::uuid as offer_id, null::timestamptz as starts_at,
        sp.home_municipality_code as municipality_code, false as remote,
        sp.available_from as period_start, sp.available_to as period_end, sp.languages, sp.topics, sp.topic_mask,
        sp.match_document as document
      from student_profiles sp
      where sp.discoverable and sp.topics && ${topics}`,
  },
  /**
   * Open COURSE needs (a course's leads), through their own partial topic index. COURSE needs are
   * not in the search index: their text is their own generated column.
   */
  courseNeeds: {
    kind: 'NEED',
    rows: (topics) => sql`
      select n.id, n.kind::text as item_kind, n.title,
        coalesce((select org.name from organisations org where org.id = n.organisation_id),
          (select u.display_name from users u where u.id = n.posted_by)) as subtitle,
        null::uuid as offer_id, null::timestamptz as starts_at, n.municipality_code, n.remote,
        n.period_start, n.period_end, n.languages, n.topics, n.topic_mask,
        n.match_document as document
      from needs n
      where n.state = 'OPEN' and n.kind = 'COURSE' and n.topics && ${topics}`,
  },
  /**
   * Open placements of the given kinds, as search shows them (a student's placements, a pool's
   * leads); the poster's name where the need is not a company's.
   */
  placements: (kinds: readonly NeedKind[]): Source => ({
    kind: 'NEED',
    rows: (topics) => sql`
      select si.id, si.kind::text as item_kind, si.title,
        coalesce(si.organisation_name,
          (select u.display_name from needs n join users u on u.id = n.posted_by where n.id = si.id)) as subtitle,
        null::uuid as offer_id, null::timestamptz as starts_at, si.municipality_code, si.remote, si.period_start, si.period_end,
        si.languages, si.topics, si.topic_mask, si.document
      from search_items si
      where (${ofKinds(kinds, topics)}) and (si.visible_until is null or si.visible_until > now())`,
  }),
} satisfies Record<string, Source | ((...args: never[]) => Source)>;

interface Row {
  id: string;
  item_kind: string;
  title: string;
  subtitle: string | null;
  offer_id: string | null;
  starts_at: Date | string | null;
  municipality_code: string | null;
  remote: boolean;
  period_start: string | null;
  period_end: string | null;
  languages: string[];
  shared_topics: string[];
  related_topics: string[];
  distance_km: number | null;
  overlap_days: number | null;
  p_topics: number;
  p_period: number;
  p_distance: number;
  p_language: number;
  p_text: number;
  score: number;
}

const round1 = (n: number) => Math.round(Number(n) * 10) / 10;
const day = (v: string | Date | null) =>
  v === null ? null : v instanceof Date ? helsinkiDate(v) : String(v).slice(0, 10);

/** Ranks one source for a subject: the best `limit`, each with its breakdown. */
async function rank(
  db: Database,
  subject: Subject,
  source: Source,
  limit: number,
  exclude: string[] = [],
): Promise<Match[]> {
  const topics = candidateTopics(subject);
  if (topics.length === 0) return [];
  const parts = partScores(subject, COLUMNS);
  const tsQuery = textQuery(subject);
  const related = [...new Set(subject.topics.flatMap(relatedTopics))];
  // ts_rank, not ts_rank_cd: the words' weights and frequency are enough for 5 points of 100, and
  // cover density took twice as long (a fifth of a course ranking's time). No words, no points.
  const text = sql`coalesce((select r / (r + 0.1) from (select ts_rank(coalesce(c.document, to_tsvector('simple', c.title)), ${tsQuery})::float8 as r) x), 0)`;
  // Prepared, one text per source (for placements, per set of kinds): parsing and planning were a
  // fifth of a ranking's time.
  const rows = await preparedRows<Row>(
    db,
    null,
    sql`
    with c as (${source.rows(textArray(topics))}),
    ranked as (
      select c.*, ${parts.topics} + ${parts.period} + ${parts.distance} + ${parts.language} as base
      from c
      where c.id <> all(${textArray(exclude)}::uuid[])
      order by base desc, c.id
      ${source.keep ? sql`` : sql`limit ${TEXT_STAGE}`}
    ),
    stage as (
      select * from ranked ${source.keep ? sql`where ${source.keep(sql`ranked.id`)}` : sql``}
      order by base desc, id
      limit ${TEXT_STAGE}
    )
    select c.id, c.item_kind, c.title, c.subtitle, c.offer_id, c.starts_at, c.municipality_code, c.remote,
      c.period_start::text as period_start, c.period_end::text as period_end, c.languages,
      array(select t from unnest(c.topics) t where t = any(${textArray(subject.topics)})) as shared_topics,
      array(select t from unnest(c.topics) t where t = any(${textArray(related)}) and not t = any(${textArray(subject.topics)})) as related_topics,
      ${distanceOf(subject, COLUMNS)} as distance_km,
      ${overlapDays(subject, COLUMNS)} as overlap_days,
      ${parts.topics} as p_topics, ${parts.period} as p_period, ${parts.distance} as p_distance,
      ${parts.language} as p_language, c.p_text, c.base + c.p_text as score
    from (select c.*, ${WEIGHTS.text} * ${text} as p_text from stage c offset 0) c
    order by score desc, c.id
    limit ${limit}`,
  );
  return rows.map((r) => ({
    kind: source.kind,
    id: r.id,
    itemKind: r.item_kind,
    title: r.title,
    subtitle: r.subtitle,
    offerId: r.offer_id,
    startsAt: r.starts_at === null ? null : new Date(r.starts_at).toISOString(),
    municipalityCode: r.municipality_code,
    remote: r.remote,
    periodStart: day(r.period_start),
    periodEnd: day(r.period_end),
    score: round1(r.score),
    breakdown: {
      sharedTopics: r.shared_topics,
      relatedTopics: r.related_topics,
      distanceKm: r.distance_km === null ? null : Math.round(Number(r.distance_km)),
      overlapDays: r.overlap_days === null ? null : Number(r.overlap_days),
      sharedLanguages: r.languages.filter((l) => subject.languages.includes(l)) as Locale[],
      points: {
        topics: round1(r.p_topics),
        period: round1(r.p_period),
        distance: round1(r.p_distance),
        language: round1(r.p_language),
        text: round1(r.p_text),
      },
    },
  }));
}

/** Several sources' rankings merged into one, best first. */
async function rankAll(db: Database, subject: Subject, sources: Source[], limit: number, exclude: string[] = []) {
  const lists = await Promise.all(sources.map((s) => rank(db, subject, s, limit, exclude)));
  return lists
    .flat()
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

function checkLimit(first: number | null | undefined): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
    throw validationError([{ field: 'first', message: 'validation.pageSize', params: { max: MAX_MATCHES } }]);
  }
  return first;
}

/** The kinds a need is matched with, and from where. */
function sourcesForNeed(kind: NeedKind, kinds: MatchKind[] | null): Source[] {
  const wanted = (k: MatchKind) => !kinds || kinds.includes(k);
  if (kind === 'COURSE') {
    return [...(wanted('OFFER') ? [SOURCES.courses] : []), ...(wanted('SESSION') ? [SOURCES.sessions] : [])];
  }
  return [...(wanted('OFFER') ? [SOURCES.pools(kind)] : []), ...(wanted('STUDENT') ? [SOURCES.students] : [])];
}

/**
 * The best matches for a need: for its company's side and coordinators only (discoverable
 * students are shown to them, and to nobody else).
 */
export async function matchesForNeed(
  deps: Deps,
  viewer: Viewer | null,
  need: NeedDto,
  args: { first?: number | null; kinds?: MatchKind[] | null },
): Promise<Match[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!(await mayManageNeed(deps, viewer, need))) throw forbidden();
  const subject: Subject = {
    topics: need.topics,
    municipalityCode: need.municipalityCode,
    remote: need.remote,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    languages: need.languages,
    text: need.title,
  };
  const sources = sourcesForNeed(need.kind, args.kinds ?? null);
  // The person who posted a placement need never appears as a student for it.
  return rankAll(deps.db, subject, sources, limit, [need.postedBy]);
}

/**
 * Leads for an offer: open needs it could answer (a course: COURSE needs; a student pool: the
 * placement kinds it offers). For the offering organisation and coordinators.
 */
export async function leadsForOffer(
  deps: Deps,
  viewer: Viewer | null,
  offer: OfferDto,
  args: { first?: number | null },
): Promise<Match[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!(await mayManageOffer(deps, viewer, offer))) throw forbidden();
  let periodStart = offer.periodStart;
  let periodEnd = offer.periodEnd;
  if (offer.kind === 'COURSE') {
    const now = new Date();
    const [sessions = []] = await sessionsOfOffers(deps, [offer.id]);
    const open = sessions.filter((s) => !s.cancelledAt && new Date(s.registrationDeadline) > now);
    const starts = open.map((s) => helsinkiDate(new Date(s.startsAt))).sort();
    const ends = open.map((s) => helsinkiDate(new Date(s.endsAt))).sort();
    periodStart = starts[0] ?? null;
    periodEnd = ends.at(-1) ?? null;
  }
  const subject: Subject = {
    topics: offer.topics,
    municipalityCode: offer.municipalityCode,
    remote: offer.online,
    periodStart,
    periodEnd,
    languages: offer.languages,
    text: offer.title,
  };
  if (offer.kind === 'COURSE') return rankAll(deps.db, subject, [SOURCES.courseNeeds], limit);
  const kinds = ((offer.placementKinds ?? []) as NeedKind[]).filter(isPlacementKind);
  if (!kinds.length) return [];
  return rankAll(deps.db, subject, [SOURCES.placements(kinds)], limit);
}

/** Open placements for the signed-in student, from their profile (none without one). */
export async function placementsForStudent(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null },
): Promise<Match[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!hasRole(viewer, 'STUDENT')) throw forbidden();
  const profile = await myStudentProfile(deps, viewer);
  if (!profile) return [];
  const subject: Subject = {
    topics: profile.topics,
    municipalityCode: profile.homeMunicipalityCode,
    remote: false,
    periodStart: profile.availableFrom,
    periodEnd: profile.availableTo,
    languages: profile.languages,
    text: profile.fieldOfStudy,
  };
  return rankAll(deps.db, subject, [SOURCES.placements(PLACEMENT_KINDS)], limit);
}
