/** A search's filter: checked with the shared schema, turned into WHERE conditions over `search_items`. */
import { distanceKm, expandTopics, MUNICIPALITIES, searchFilterSchema } from '@keskusvaraamo/shared';
import { and, sql, type SQL } from 'drizzle-orm';
import { parseInput } from '../../errors.js';
import { searchItems } from './tables.js';
import { topicsNamed, wordsOf } from './topicText.js';

export interface SearchFilter {
  text?: string | null;
  kinds?: string[] | null;
  topics?: string[] | null;
  municipalityCodes?: string[] | null;
  near?: string | null;
  withinKm?: number | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  remote?: boolean | null;
  freeSeats?: boolean | null;
  languages?: string[] | null;
  maxPriceCents?: number | null;
  organisationId?: string | null;
  /** Internal (saved-search alerts): only what was published after this instant (ISO). */
  publishedAfter?: string | null;
}

/** At most this many words of a search text count. */
const MAX_WORDS = 8;

/**
 * The words of a query as a prefix tsquery ("aurinko:* & asennus:*"): each word is stemmed by
 * the language's dictionary, and the prefix also finds compounds that start with it.
 */
export function toPrefixQuery(text: string | null | undefined): string | null {
  const words = wordsOf(text ?? '');
  if (words.length === 0) return null;
  return words
    .slice(0, MAX_WORDS)
    .map((w) => `${w}:*`)
    .join(' & ');
}

/** What a topic's name counts for in relevance: about one mention in a description. */
const TOPIC_RANK = 0.5;

/** A search text as a condition on `search_items` and its relevance. */
export interface TextMatch {
  /** The text matches the document, or the item has the topics the text names. */
  condition: SQL;
  /** Full-text rank, plus `TOPIC_RANK` for an item with the named topics (both rank above either). */
  rank: SQL;
}

/**
 * A search text's condition: every word matches the document (stemmed per language, as a prefix),
 * or the item has, for each word that names a topic (topicText.ts: a topic's name in Finnish,
 * Swedish or English, a group's name for its topics), one of those topics, and the other words
 * match the document. One statement either way: `document @@` and `topics &&` both use their GIN
 * indexes. Null without words.
 */
export function textMatch(text: string | null | undefined): TextMatch | null {
  const prefixQuery = toPrefixQuery(text);
  if (!prefixQuery) return null;
  const t = searchItems;
  const fullText = sql`${t.document} @@ ${tsQueryOf(prefixQuery)}`;
  const textRank = sql`ts_rank_cd(${t.document}, ${tsQueryOf(prefixQuery)})::float8`;
  const words = wordsOf(text ?? '').slice(0, MAX_WORDS);
  const named = topicsNamed(text, MAX_WORDS);
  if (named.every((ids) => ids === null)) return { condition: fullText, rank: textRank };
  const rest = toPrefixQuery(words.filter((_, i) => named[i] === null).join(' '));
  const byTopic = and(
    ...named.flatMap((ids) => (ids ? [sql`${t.topics} && ${textArray(ids)}`] : [])),
    ...(rest ? [sql`${t.document} @@ ${tsQueryOf(rest)}`] : []),
  )!;
  return {
    condition: sql`(${fullText} or (${byTopic}))`,
    rank: sql`(${textRank} + case when ${byTopic} then ${TOPIC_RANK}::float8 else 0::float8 end)`,
  };
}

/**
 * Checks a filter with the shared schema (values from the shared data, lists bounded, real dates,
 * clean text); returns it normalised. Errors name the field. `publishedAfter` is the server's own
 * (saved-search alerts) and passes as it is.
 */
export function checkFilter(filter: SearchFilter): SearchFilter {
  const { publishedAfter, ...asked } = filter ?? {};
  const checked: SearchFilter = parseInput(searchFilterSchema, asked);
  return publishedAfter ? { ...checked, publishedAfter } : checked;
}

export type Facet = 'kinds' | 'topics' | 'municipalities' | 'languages';

/** A text[] literal with one bound parameter per element (drizzle would otherwise expand a JS array into a list). */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** The WHERE conditions of a filter; `except` leaves out one facet's own filter (for its counts). */
export function conditions(filter: SearchFilter, text: TextMatch | null, except?: Facet): SQL[] {
  const t = searchItems;
  const where: SQL[] = [sql`(${t.visibleUntil} is null or ${t.visibleUntil} > now())`];
  if (text) where.push(text.condition);
  if (filter.kinds?.length && except !== 'kinds') where.push(sql`${t.kind}::text = any(${textArray(filter.kinds)})`);
  if (filter.topics?.length && except !== 'topics')
    where.push(sql`${t.topics} && ${textArray(expandTopics(filter.topics))}`);
  if (filter.municipalityCodes?.length && except !== 'municipalities') {
    where.push(sql`${t.municipalityCode} = any(${textArray(filter.municipalityCodes)})`);
  }
  if (filter.near && filter.withinKm != null) {
    const within = MUNICIPALITIES.filter((m) => (distanceKm(filter.near!, m.code) ?? Infinity) <= filter.withinKm!).map(
      (m) => m.code,
    );
    where.push(sql`(${t.remote} or ${t.municipalityCode} = any(${textArray(within)}))`);
  }
  if (filter.periodFrom) where.push(sql`(${t.periodEnd} is null or ${t.periodEnd} >= ${filter.periodFrom}::date)`);
  if (filter.periodTo) where.push(sql`(${t.periodStart} is null or ${t.periodStart} <= ${filter.periodTo}::date)`);
  if (filter.remote === true) where.push(sql`${t.remote}`);
  if (filter.remote === false) where.push(sql`not ${t.remote}`);
  if (filter.freeSeats) where.push(sql`${t.seatsFree} > 0`);
  if (filter.languages?.length && except !== 'languages')
    where.push(sql`${t.languages} && ${textArray(filter.languages)}`);
  if (filter.organisationId) where.push(sql`${t.organisationId} = ${filter.organisationId}`);
  if (filter.maxPriceCents != null) where.push(sql`${t.priceCents} <= ${filter.maxPriceCents}`);
  if (filter.publishedAfter) where.push(sql`${t.publishedAt} > ${filter.publishedAfter}::timestamptz`);
  return where;
}

/** Kilometres from a municipality to each item's; remote and online items count as right here. */
export function distanceExpression(near: string): SQL {
  // Two array parameters rather than a CASE with a branch per municipality: less to build and to plan.
  const codes = `{${MUNICIPALITIES.map((m) => m.code).join(',')}}`;
  const km = `{${MUNICIPALITIES.map((m) => Math.round(distanceKm(near, m.code)! * 10) / 10).join(',')}}`;
  return sql`(case when ${searchItems.remote} then 0::float8 else coalesce((${km}::float8[])[array_position(${codes}::text[], ${searchItems.municipalityCode})], 100000::float8) end)`;
}

/**
 * The query in every language, each stemmed by its own dictionary; identical stems are merged so
 * that the index is not searched four times for one word.
 */
export function tsQueryOf(prefixQuery: string): SQL {
  return sql`(select string_agg(distinct '(' || q || ')', ' | ')::tsquery from unnest(array[
    to_tsquery('finnish', ${prefixQuery})::text, to_tsquery('swedish', ${prefixQuery})::text,
    to_tsquery('english', ${prefixQuery})::text, to_tsquery('simple', ${prefixQuery})::text]) q where q <> '')`;
}
