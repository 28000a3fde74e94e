/**
 * The score of a match, as SQL over a candidate's columns, built from what is being matched for
 * (the subject: a need, an offer or a student). Points, 100 in all:
 *
 *   topics    45  each of the subject's topics the candidate has counts 1; each topic of the
 *                 candidate that is not ours but in the same group as one of ours (or the group
 *                 itself) counts 0.4, for at most as many of ours as it lacks; divided by the
 *                 number of the subject's topics. An exact topic counts more than the same group.
 *   period    20  days the two periods overlap, over the shorter of them (a missing period: half).
 *   distance  20  falling linearly from 0 km to 600 km between municipal centres; remote work and
 *                 online courses count as right here (unknown place: a quarter). Only the side where
 *                 it happens counts as remote: an on-site course is as far from a need that would
 *                 also take an online one as it is.
 *
 * A session with room for fewer than a course need's people keeps half its points plus half in
 * proportion to the room (2 seats for 6 people: two thirds), so that one that fits ranks first.
 *   language  10  the two share a working language.
 *   text       5  the candidate's text against the subject's title words (only the best 100 by the
 *                 other parts are ranked on it, so no full-text work is spent on the rest).
 *
 * A candidate must share a topic, or a group one of them is tagged with: that is what the GIN
 * indexes on topics find, so a ranking reads the candidates, not the table. Topics are counted on
 * the candidates' topic bits (topic_mask), two ANDs instead of a containment test per topic.
 */
import { distanceKm, MUNICIPALITIES, TOPICS, topicById } from '@keskusvaraamo/shared';
import { sql, type SQL } from 'drizzle-orm';

export const WEIGHTS = { topics: 45, period: 20, distance: 20, language: 10, text: 5 } as const;
export const RELATED_TOPIC_WEIGHT = 0.4;
export const FAR_KM = 600;

export interface Subject {
  topics: string[];
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  languages: string[];
  /** Words for the text part: the subject's title. */
  text: string;
  /**
   * The subject is where the thing happens (a course offer, a placement need) rather than the
   * candidate (a course for a course need, a workplace for a student): whose place and whose
   * "remote" decide the travel.
   */
  hosts: boolean;
  /** People to fit (a course need's): a session with fewer free seats ranks lower. */
  people: number | null;
}

/** The columns of a candidate the score reads, as SQL expressions. */
export interface CandidateColumns {
  topics: SQL;
  /** The topics as bits (a topic_mask column). */
  topicMask: SQL;
  municipalityCode: SQL;
  remote: SQL;
  periodStart: SQL;
  periodEnd: SQL;
  languages: SQL;
}

/**
 * A text[] as one parameter (an array literal), so that a statement's text does not depend on how
 * many values there are: each ranking statement is prepared once.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
}

/** Topics that count as "the same group" for a topic: its group and the group's other topics; for a group, its topics. */
export function relatedTopics(id: string): string[] {
  const topic = topicById(id);
  if (!topic) return [];
  if (topic.parent === null) return TOPICS.filter((t) => t.parent === id).map((t) => t.id);
  return [topic.parent, ...TOPICS.filter((t) => t.parent === topic.parent && t.id !== id).map((t) => t.id)];
}

/**
 * What a candidate must share to be one: a topic of the subject, the group of one (a candidate
 * tagged with the group), or a topic of a group the subject is tagged with.
 */
export function candidateTopics(subject: Pick<Subject, 'topics'>): string[] {
  const out = new Set<string>();
  for (const id of subject.topics) {
    out.add(id);
    const topic = topicById(id);
    if (!topic) continue;
    if (topic.parent) out.add(topic.parent);
    else for (const t of TOPICS) if (t.parent === id) out.add(t.id);
  }
  return [...out];
}

const TOPIC_BIT = new Map(TOPICS.map((t, i) => [t.id, BigInt(i)]));

/** Topics as bits, as the database's topic_mask computes them from a row's topics (bit i: TOPICS[i]). */
export function topicMask(ids: readonly string[]): bigint {
  let mask = 0n;
  for (const id of ids) {
    const bit = TOPIC_BIT.get(id);
    if (bit !== undefined) mask |= 1n << bit;
  }
  return mask;
}

/** How many of the given topics the candidate has: its topic bits and theirs, counted. */
function countOf(c: CandidateColumns, ids: readonly string[]): SQL {
  return sql`bit_count((${c.topicMask} & ${topicMask(ids).toString()}::bigint)::bit(64))`;
}

function topicPart(subject: Subject, c: CandidateColumns): SQL {
  if (subject.topics.length === 0) return sql`0::float8`;
  const exact = countOf(c, subject.topics);
  // The candidate's topics in the same groups as ours but not ours, each standing in for one of
  // our topics it lacks (never more than those).
  const related = [...new Set(subject.topics.flatMap(relatedTopics))].filter((t) => !subject.topics.includes(t));
  return sql`((${exact} + ${RELATED_TOPIC_WEIGHT}::float8 * least(${countOf(c, related)}, ${subject.topics.length} - ${exact}))::float8 / ${subject.topics.length})`;
}

/*
 * The parts below take what varies from one subject to the next as parameters, nulls included, and
 * decide in SQL, so that a ranking statement has one text per source whatever the subject lacks:
 * it is prepared once (see rank in service.ts), not once per combination.
 */

/** Days the periods overlap (null when either is missing). */
export function overlapDays(subject: Subject, c: CandidateColumns): SQL {
  const start = sql`${subject.periodStart}::date`;
  const end = sql`${subject.periodEnd}::date`;
  return sql`(case when ${c.periodStart} is null or ${c.periodEnd} is null or ${start} is null or ${end} is null then null
    else greatest(0, least(${c.periodEnd}::date, ${end}) - greatest(${c.periodStart}::date, ${start}) + 1) end)`;
}

/** The overlap over the shorter period; a half when either has none. */
function periodPart(subject: Subject, c: CandidateColumns): SQL {
  const shorter = sql`least(${c.periodEnd}::date - ${c.periodStart}::date, ${subject.periodEnd}::date - ${subject.periodStart}::date) + 1`;
  return sql`coalesce(least(1.0, ${overlapDays(subject, c)}::float8 / greatest(1, ${shorter})), 0.5)`;
}

const MUNICIPALITY_CODES = `{${MUNICIPALITIES.map((m) => m.code).join(',')}}`;

/**
 * Whether it happens remotely, so that nobody travels: the host side's remote (an online course,
 * remote work). A course need that would also take an online course is still 300 km from an
 * on-site one.
 */
export function remoteWorkOf(subject: Subject, c: CandidateColumns): SQL {
  return subject.hosts ? sql`${subject.remote}::boolean` : sql`coalesce(${c.remote}, false)`;
}

/**
 * Kilometres between the subject's municipality and the candidate's; 0 when it happens remotely
 * (remoteWorkOf); null when unknown. The distances from the subject's municipality go as an array
 * parameter beside the codes (empty when it has none): less to build and to plan than a CASE per
 * municipality.
 */
export function distanceOf(subject: Subject, c: CandidateColumns): SQL {
  const from = subject.municipalityCode;
  const km = from
    ? `{${MUNICIPALITIES.map((m) => Math.round((distanceKm(from, m.code) ?? FAR_KM) * 10) / 10).join(',')}}`
    : '{}';
  return sql`(case when ${remoteWorkOf(subject, c)} then 0::float8
    else (${km}::float8[])[array_position(${MUNICIPALITY_CODES}::text[], ${c.municipalityCode})] end)`;
}

function distancePart(subject: Subject, c: CandidateColumns): SQL {
  return sql`coalesce(greatest(0, 1 - ${distanceOf(subject, c)} / ${FAR_KM}), 0.25)`;
}

function languagePart(subject: Subject, c: CandidateColumns): SQL {
  return sql`(case when ${c.languages} && ${textArray(subject.languages)} then 1.0 else 0 end)::float8`;
}

/** Each part's points but text's: their sum ranks the first stage, and each is in the breakdown. */
export function partScores(subject: Subject, c: CandidateColumns) {
  return {
    topics: sql`${WEIGHTS.topics} * ${topicPart(subject, c)}`,
    period: sql`${WEIGHTS.period} * ${periodPart(subject, c)}`,
    distance: sql`${WEIGHTS.distance} * ${distancePart(subject, c)}`,
    language: sql`${WEIGHTS.language} * ${languagePart(subject, c)}`,
  };
}

/**
 * The subject's title words, any of them, as a prefix tsquery in every language (a null tsquery
 * when it has none: the text part then gives no points).
 * Each language's query is an OR of its words' prefixes; a word most languages leave as it is
 * (a name, a Finnish compound in Swedish or English) would otherwise appear up to four times: the
 * rank's work grows with the number of operands, and a repeated one would count twice. So the
 * operands are taken once each (splitting only at the top level, outside any parentheses).
 */
export function textQuery(subject: Subject): SQL {
  const words = subject.text
    .toLowerCase()
    .match(/[\p{L}\p{N}]{3,}/gu)
    ?.slice(0, 12);
  const q = words?.length ? words.map((w) => `${w}:*`).join(' | ') : null;
  return sql`(select string_agg(distinct operand, ' | ')::tsquery from unnest(array[
    to_tsquery('finnish', ${q}::text)::text, to_tsquery('swedish', ${q}::text)::text,
    to_tsquery('english', ${q}::text)::text, to_tsquery('simple', ${q}::text)::text]) q,
    regexp_split_to_table(q, ' \\| (?![^(]*\\))') operand where q <> '')`;
}
