/**
 * Where matches come from: one subquery per kind of candidate, each read through a GIN index on
 * topics, with the columns every ranking reads. The tables are other modules' (search's index,
 * offers' sessions, profiles, needs, accounts' names, organisations): matching only reads them,
 * through their `tables.ts` objects under short aliases, so a renamed table or column is a type
 * error here and the statements' text stays what it was (the rankings are benchmarked).
 */
import { SEARCH_KINDS, type MatchKind, type NeedKind, type SearchKind } from '@keskusvaraamo/shared';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import { organisations } from '../organisations/tables.js';
import { studentProfiles } from '../profiles/tables.js';
import { searchItems } from '../search/tables.js';
import type { CandidateColumns } from './scoring.js';

const si = alias(searchItems, 'si');
const cs = alias(courseSessions, 'cs');
const o = alias(offers, 'o');
const sp = alias(studentProfiles, 'sp');
const u = alias(users, 'u');
const n = alias(needs, 'n');
const org = alias(organisations, 'org');

/**
 * A source of candidates: a subquery with the columns every ranking reads. Names of people and
 * organisations are scalar subqueries rather than joins (each a primary-key lookup of exactly one
 * row): not used for ranking, PostgreSQL looks them up only for the rows that survive the ranking,
 * not for every candidate (and a join would let it hash a whole table instead).
 */
export interface Source {
  kind: MatchKind;
  /** Selects id, item_kind, title, subtitle, offer_id, starts_at, municipality_code, remote, period_start, period_end, languages, topics, topic_mask, document. */
  rows: (topics: SQL) => SQL;
  /** A condition on a candidate's id too costly for every candidate: checked best first, until the stage is full. */
  keep?: (id: SQL) => SQL;
  /** A session's free seats, as the ranking's `c` has them (sessions only). */
  seatsFree?: SQL;
}

/** The candidate's columns, as the ranking's `c` (the source's rows) has them. */
export const COLUMNS: CandidateColumns = {
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
    (kind) => sql`(${si.kind} = ${sql.raw(`'${kind}'`)} and ${si.topics} && ${topics})`,
  );
  return sql.join(conditions, sql` or `);
}

export const SOURCES = {
  /**
   * Published courses still taking registrations with a free seat: the seat check is a probe of
   * the course's sessions, made in ranked order until the stage is full (a semi-join would hash
   * every open session instead, and a probe of every candidate costs a fifth of the statement).
   */
  courses: {
    kind: 'OFFER',
    rows: (topics) => sql`
      select ${si.id}, 'COURSE' as item_kind, ${si.title}, ${si.organisationName} as subtitle, null::uuid as offer_id,
        ${si.nextStartsAt} as starts_at, ${si.municipalityCode}, ${si.remote}, ${si.periodStart}, ${si.periodEnd},
        ${si.languages}, ${si.topics}, ${si.topicMask}, ${si.document}
      from ${searchItems} ${si}
      where ${si.kind} = 'COURSE' and ${si.topics} && ${topics}
        and (${si.visibleUntil} is null or ${si.visibleUntil} > now())`,
    keep: (
      id,
    ) => sql`(select true from ${courseSessions} ${cs} where ${cs.offerId} = ${id} and ${cs.cancelledAt} is null
      and ${cs.registrationDeadline} > now() and ${cs.seats} > ${cs.seatsTaken} limit 1)`,
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
      select ${cs.id}, 'SESSION' as item_kind, ${si.title}, ${si.organisationName} as subtitle, ${si.id} as offer_id, ${cs.startsAt},
        coalesce(${cs.municipalityCode}, ${si.municipalityCode}) as municipality_code, (${cs.onlineUrl} is not null) as remote,
        (${cs.startsAt} at time zone 'Europe/Helsinki')::date as period_start,
        (${cs.endsAt} at time zone 'Europe/Helsinki')::date as period_end,
        array[${cs.language}]::text[] as languages, ${si.topics}, ${si.topicMask}, ${si.document},
        ${cs.seats} - ${cs.seatsTaken} as seats_free
      from ${searchItems} ${si}
      cross join lateral (
        select * from ${courseSessions} ${cs} where ${cs.offerId} = ${si.id}
          and ${cs.cancelledAt} is null and ${cs.registrationDeadline} > now() and ${cs.seats} > ${cs.seatsTaken}
        offset 0) ${cs}
      where ${si.kind} = 'COURSE' and ${si.topics} && ${topics}
      offset 0`,
    seatsFree: sql`c.seats_free`,
  },
  /** Published student pools (the need's kind among theirs). */
  pools: (needKind: NeedKind): Source => ({
    kind: 'OFFER',
    rows: (topics) => sql`
      select ${si.id}, 'STUDENT_POOL' as item_kind, ${si.title}, ${si.organisationName} as subtitle, null::uuid as offer_id,
        null::timestamptz as starts_at, ${si.municipalityCode}, ${si.remote}, ${si.periodStart}, ${si.periodEnd},
        ${si.languages}, ${si.topics}, ${si.topicMask}, ${si.document}
      from ${searchItems} ${si} join ${offers} ${o} on ${o.id} = ${si.id}
      where ${si.kind} = 'STUDENT_POOL' and ${si.topics} && ${topics} and ${needKind} = any(${o.placementKinds})`,
  }),
  /** Students who chose to be found. */
  students: {
    kind: 'STUDENT',
    rows: (topics) => sql`
      select ${sp.userId} as id, 'STUDENT' as item_kind, (select ${u.displayName} from ${users} ${u} where ${u.id} = ${sp.userId}) as title,
        ${sp.institutionName} || ', ' || ${sp.fieldOfStudy} as subtitle, null::uuid as offer_id, null::timestamptz as starts_at,
        ${sp.homeMunicipalityCode} as municipality_code, false as remote,
        ${sp.availableFrom} as period_start, ${sp.availableTo} as period_end, ${sp.languages}, ${sp.topics}, ${sp.topicMask},
        ${sp.matchDocument} as document
      from ${studentProfiles} ${sp}
      where ${sp.discoverable} and ${sp.topics} && ${topics}`,
  },
  /**
   * Open COURSE needs (a course's leads), through their own partial topic index. COURSE needs are
   * not in the search index: their text is their own generated column.
   */
  courseNeeds: {
    kind: 'NEED',
    rows: (topics) => sql`
      select ${n.id}, ${n.kind}::text as item_kind, ${n.title},
        coalesce((select ${org.name} from ${organisations} ${org} where ${org.id} = ${n.organisationId}),
          (select ${u.displayName} from ${users} ${u} where ${u.id} = ${n.postedBy})) as subtitle,
        null::uuid as offer_id, null::timestamptz as starts_at, ${n.municipalityCode}, ${n.remote},
        ${n.periodStart}, ${n.periodEnd}, ${n.languages}, ${n.topics}, ${n.topicMask},
        ${n.matchDocument} as document
      from ${needs} ${n}
      where ${n.state} = 'OPEN' and ${n.kind} = 'COURSE' and ${n.topics} && ${topics}`,
  },
  /**
   * Open placements of the given kinds, as search shows them (a student's placements, a pool's
   * leads); the poster's name where the need is not a company's.
   */
  placements: (kinds: readonly NeedKind[]): Source => ({
    kind: 'NEED',
    rows: (topics) => sql`
      select ${si.id}, ${si.kind}::text as item_kind, ${si.title},
        coalesce(${si.organisationName},
          (select ${u.displayName} from ${needs} ${n} join ${users} ${u} on ${u.id} = ${n.postedBy} where ${n.id} = ${si.id})) as subtitle,
        null::uuid as offer_id, null::timestamptz as starts_at, ${si.municipalityCode}, ${si.remote}, ${si.periodStart}, ${si.periodEnd},
        ${si.languages}, ${si.topics}, ${si.topicMask}, ${si.document}
      from ${searchItems} ${si}
      where (${ofKinds(kinds, topics)}) and (${si.visibleUntil} is null or ${si.visibleUntil} > now())`,
  }),
} satisfies Record<string, Source | ((...args: never[]) => Source)>;
