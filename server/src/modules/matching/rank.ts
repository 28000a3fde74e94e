/**
 * Ranking one or more sources for a subject, as one statement per source in two stages:
 * candidates found through a GIN index on topics, scored on topics, period, distance and language,
 * the best TEXT_STAGE then scored on text too.
 */
import type { Locale, MatchItemKind, ScoredMatch } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { preparedRows, type Database } from '../../db/client.js';
import { helsinkiDate } from '../../lib/helsinki.js';
import {
  candidateTopics,
  distanceOf,
  overlapDays,
  partScores,
  relatedTopics,
  remoteWorkOf,
  textArray,
  textQuery,
  WEIGHTS,
  type Subject,
} from './scoring.js';
import { COLUMNS, type Source } from './sources.js';

/** How many of the best by the other parts are ranked on text too. */
const TEXT_STAGE = 100;

interface Row {
  id: string;
  item_kind: MatchItemKind;
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
  remote_work: boolean;
  seats_free: number | null;
  p_seats: number;
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
): Promise<ScoredMatch[]> {
  const topics = candidateTopics(subject);
  if (topics.length === 0) return [];
  const parts = partScores(subject, COLUMNS);
  const tsQuery = textQuery(subject);
  const related = [...new Set(subject.topics.flatMap(relatedTopics))];
  // ts_rank, not ts_rank_cd: the words' weights and frequency are enough for 5 points of 100, and
  // cover density took twice as long (a fifth of a course ranking's time). No words, no points.
  const text = sql`coalesce((select r / (r + 0.1) from (select ts_rank(coalesce(c.document, to_tsvector('simple', c.title)), ${tsQuery})::float8 as r) x), 0)`;
  // A session with room for fewer than the need's people keeps half its points and half in
  // proportion to the room; anything else keeps them all.
  const fit =
    source.seatsFree && subject.people
      ? sql`(0.5 + 0.5 * least(1.0, ${source.seatsFree}::float8 / ${subject.people}::float8))`
      : sql`1.0::float8`;
  // Prepared, one text per source (for placements, per set of kinds): parsing and planning were a
  // fifth of a ranking's time.
  const rows = await preparedRows<Row>(
    db,
    null,
    sql`
    with c as (${source.rows(textArray(topics))}),
    ranked as (
      select c.*, ${parts.topics} + ${parts.period} + ${parts.distance} + ${parts.language} as raw,
        (${parts.topics} + ${parts.period} + ${parts.distance} + ${parts.language}) * ${fit} as base
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
      ${distanceOf(subject, COLUMNS)} as distance_km, ${remoteWorkOf(subject, COLUMNS)} as remote_work,
      ${source.seatsFree ?? sql`null::int`} as seats_free,
      ${overlapDays(subject, COLUMNS)} as overlap_days,
      ${parts.topics} as p_topics, ${parts.period} as p_period, ${parts.distance} as p_distance,
      ${parts.language} as p_language, c.p_text, (c.raw + c.p_text) * (${fit} - 1) as p_seats,
      (c.raw + c.p_text) * ${fit} as score
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
      remoteWork: r.remote_work,
      seatsFree: r.seats_free === null ? null : Number(r.seats_free),
      overlapDays: r.overlap_days === null ? null : Number(r.overlap_days),
      sharedLanguages: r.languages.filter((l) => subject.languages.includes(l)) as Locale[],
      points: {
        topics: round1(r.p_topics),
        period: round1(r.p_period),
        distance: round1(r.p_distance),
        language: round1(r.p_language),
        text: round1(r.p_text),
        seats: round1(r.p_seats),
      },
    },
  }));
}

/** Several sources' rankings merged into one, best first. */
export async function rankAll(
  db: Database,
  subject: Subject,
  sources: Source[],
  limit: number,
  exclude: string[] = [],
) {
  const lists = await Promise.all(sources.map((s) => rank(db, subject, s, limit, exclude)));
  return lists
    .flat()
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}
