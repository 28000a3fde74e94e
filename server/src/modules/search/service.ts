/**
 * Public search over published courses and pools and open placements. The needs and offers
 * modules write documents with `indexDocument` in their own transactions; searching reads only
 * `search_items`, with full text stemmed per language, filters, keyset pagination and facets.
 */
import {
  distanceKm,
  expandTopics,
  MUNICIPALITIES,
  searchFilterSchema,
  topicById,
  type Locale,
  type SearchKind,
  type SearchSort,
} from '@keskusvaraamo/shared';
import { and, asc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { parseInput, validationError } from '../../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../lib/pagination.js';
import { searchItems } from './tables.js';

/** What a module hands to the index for one public item. */
export interface SearchDocument {
  id: string;
  kind: SearchKind;
  title: string;
  description: string;
  language: Locale;
  organisationName: string | null;
  topics: string[];
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  languages: string[];
  priceCents: number | null;
  seatsFree: number | null;
  nextStartsAt: Date | null;
  applicationDeadline: string | null;
  startsOn: Date | null;
  visibleUntil: Date | null;
  publishedAt: Date;
  /** When the document goes stale and its module must index it again; null if never. */
  refreshAt: Date | null;
}

const TEXT_CONFIG: Record<Locale, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };
const EXCERPT_LENGTH = 240;

function excerptOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH - 40))}…`;
}

/** Adds or replaces an item in the index. Call inside the transaction of the change. */
export async function indexDocument(db: Database, doc: SearchDocument): Promise<void> {
  const config = TEXT_CONFIG[doc.language];
  const document = sql`setweight(to_tsvector(${config}::regconfig, ${doc.title}), 'A')
    || setweight(to_tsvector(${config}::regconfig, ${doc.description}), 'B')
    || setweight(to_tsvector('simple', ${doc.organisationName ?? ''}), 'C')`;
  const values = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    excerpt: excerptOf(doc.description),
    language: doc.language,
    document,
    topics: doc.topics,
    facetTopics: [...new Set(doc.topics.flatMap((id) => [id, topicById(id)?.parent ?? id]))],
    municipalityCode: doc.municipalityCode,
    remote: doc.remote,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    languages: doc.languages,
    organisationName: doc.organisationName,
    priceCents: doc.priceCents,
    seatsFree: doc.seatsFree,
    nextStartsAt: doc.nextStartsAt,
    applicationDeadline: doc.applicationDeadline,
    startsOn: doc.startsOn,
    visibleUntil: doc.visibleUntil,
    publishedAt: doc.publishedAt,
    refreshAt: doc.refreshAt,
  };
  await db.insert(searchItems).values(values).onConflictDoUpdate({ target: searchItems.id, set: values });
}

/** Asks for a document to be indexed again by the next refresh (within a minute). */
export async function markStale(db: Database, id: string): Promise<void> {
  // Already due: nothing to write (a busy course is booked many times a minute).
  await db
    .update(searchItems)
    .set({ refreshAt: sql`now()` })
    .where(and(eq(searchItems.id, id), sql`(${searchItems.refreshAt} is null or ${searchItems.refreshAt} > now())`));
}

/** Ids of documents that went stale, oldest first; their modules index them again. */
export async function staleDocuments(db: Database, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: searchItems.id })
    .from(searchItems)
    .where(lte(searchItems.refreshAt, sql`now()`))
    .orderBy(asc(searchItems.refreshAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function removeFromIndex(db: Database, id: string): Promise<void> {
  await db.delete(searchItems).where(eq(searchItems.id, id));
}

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
  /** Internal (saved-search alerts): only what was published after this instant (ISO). */
  publishedAfter?: string | null;
}

/**
 * The words of a query as a prefix tsquery ("aurinko:* & asennus:*"): each word is stemmed by
 * the language's dictionary, and the prefix also finds compounds that start with it.
 */
export function toPrefixQuery(text: string | null | undefined): string | null {
  const words =
    (text ?? '')
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 8)
    .map((w) => `${w}:*`)
    .join(' & ');
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

type Facet = 'kinds' | 'topics' | 'municipalities' | 'languages';

/** A text[] literal with one bound parameter per element (drizzle would otherwise expand a JS array into a list). */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** The WHERE conditions of a filter; `except` leaves out one facet's own filter (for its counts). */
function conditions(filter: SearchFilter, tsQuery: SQL | null, except?: Facet): SQL[] {
  const t = searchItems;
  const where: SQL[] = [sql`(${t.visibleUntil} is null or ${t.visibleUntil} > now())`];
  if (tsQuery) where.push(sql`${t.document} @@ ${tsQuery}`);
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
  if (filter.maxPriceCents != null) where.push(sql`${t.priceCents} <= ${filter.maxPriceCents}`);
  if (filter.publishedAfter) where.push(sql`${t.publishedAt} > ${filter.publishedAfter}::timestamptz`);
  return where;
}

/** Kilometres from a municipality to each item's; remote and online items count as right here. */
function distanceExpression(near: string): SQL {
  // Two array parameters rather than a CASE with a branch per municipality: less to build and to plan.
  const codes = `{${MUNICIPALITIES.map((m) => m.code).join(',')}}`;
  const km = `{${MUNICIPALITIES.map((m) => Math.round(distanceKm(near, m.code)! * 10) / 10).join(',')}}`;
  return sql`(case when ${searchItems.remote} then 0::float8 else coalesce((${km}::float8[])[array_position(${codes}::text[], ${searchItems.municipalityCode})], 100000::float8) end)`;
}

/**
 * The query in every language, each stemmed by its own dictionary; identical stems are merged so
 * that the index is not searched four times for one word.
 */
function tsQueryOf(prefixQuery: string): SQL {
  return sql`(select string_agg(distinct '(' || q || ')', ' | ')::tsquery from unnest(array[
    to_tsquery('finnish', ${prefixQuery})::text, to_tsquery('swedish', ${prefixQuery})::text,
    to_tsquery('english', ${prefixQuery})::text, to_tsquery('simple', ${prefixQuery})::text]) q where q <> '')`;
}

const FAR_FUTURE = '9999-12-31T00:00:00Z';
/** How a cursor's part is checked, by the SQL type it is compared as. */
const CURSOR_FIELD = { float8: 'number', timestamptz: 'timestamp', uuid: 'uuid' } as const;

export async function search(
  deps: Pick<Deps, 'db'>,
  args: { filter?: SearchFilter | null; sort?: SearchSort | null; first?: number | null; after?: string | null },
) {
  const filter = checkFilter(args.filter ?? {});
  const size = pageSize(args.first);
  const prefixQuery = toPrefixQuery(filter.text);
  const tsQuery = prefixQuery ? tsQueryOf(prefixQuery) : null;
  let sort: SearchSort = args.sort ?? 'RELEVANCE';
  if (sort === 'RELEVANCE' && !tsQuery) sort = 'NEWEST';
  if (sort === 'NEAREST' && !filter.near) throw validationError([{ field: 'near', message: 'validation.required' }]);

  const t = searchItems;
  const startsKey = sql`coalesce(${t.startsOn}, ${FAR_FUTURE}::timestamptz)`;
  // Each sort is a tuple of keys, compared as a whole for keyset pagination.
  const keys: { expr: SQL; desc: boolean; cast: keyof typeof CURSOR_FIELD }[] =
    sort === 'RELEVANCE'
      ? [
          { expr: sql`ts_rank_cd(${t.document}, ${tsQuery!})::float8`, desc: true, cast: 'float8' },
          { expr: sql`${t.id}`, desc: true, cast: 'uuid' },
        ]
      : sort === 'NEWEST'
        ? [
            { expr: sql`${t.publishedAt}`, desc: true, cast: 'timestamptz' },
            { expr: sql`${t.id}`, desc: true, cast: 'uuid' },
          ]
        : sort === 'SOONEST'
          ? [
              { expr: startsKey, desc: false, cast: 'timestamptz' },
              { expr: sql`${t.id}`, desc: false, cast: 'uuid' },
            ]
          : [
              { expr: distanceExpression(filter.near!), desc: false, cast: 'float8' },
              { expr: startsKey, desc: false, cast: 'timestamptz' },
              { expr: sql`${t.id}`, desc: false, cast: 'uuid' },
            ];

  const where = conditions(filter, tsQuery);
  const cursor = decodeCursor(
    args.after,
    keys.map((k) => CURSOR_FIELD[k.cast]),
  );
  const keyNames = keys.map((_, i) => sql.raw(`k${i}`));
  // All keys of one sort run the same direction, so one row comparison pages through them.
  const afterCursor = cursor
    ? sql`where (${sql.join(keyNames, sql`, `)}) ${sql.raw(keys[0]!.desc ? '<' : '>')} (${sql.join(
        keys.map((k, i) => sql`${cursor[i]}::${sql.raw(k.cast)}`),
        sql`, `,
      )})`
    : sql``;
  const order = keys.map((k, i) => sql`${keyNames[i]} ${sql.raw(k.desc ? 'desc' : 'asc')}`);

  // One statement reads the matches once: the keys are computed once per row, and the window
  // count gives the total before the cursor cuts the page.
  const pageRows = await queryRows<Record<string, unknown>>(
    deps.db,
    sql`select * from (
      select ${t.id} as id, ${t.kind} as kind, ${t.title} as title, ${t.excerpt} as excerpt, ${t.language} as language,
        ${t.topics} as topics, ${t.municipalityCode} as municipality_code, ${t.remote} as remote,
        ${t.periodStart}::text as period_start, ${t.periodEnd}::text as period_end, ${t.organisationName} as organisation_name,
        ${t.priceCents} as price_cents, ${t.seatsFree} as seats_free, ${t.nextStartsAt} as next_starts_at,
        ${t.applicationDeadline}::text as application_deadline, ${t.publishedAt} as published_at,
        ${sql.join(
          keys.map((k, i) => sql`${k.expr} as ${keyNames[i]}`),
          sql`, `,
        )},
        count(*) over ()::int as total_count
      from ${t}
      where ${and(...where)}
    ) matches
    ${afterCursor}
    order by ${sql.join(order, sql`, `)}
    limit ${size + 1}`,
  );
  // Past the last page there is no row to carry the total: count it.
  const total =
    (pageRows[0]?.total_count as number | undefined) ??
    (cursor
      ? ((await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from ${t} where ${and(...where)}`))[0]
          ?.n ?? 0)
      : 0);

  const rows = pageRows.slice(0, size);
  const last = rows.at(-1);
  const keyValue = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'number' ? v : String(v));
  return {
    nodes: rows.map((r) => presentResult(r, filter.near ?? null)),
    totalCount: total,
    pageInfo: {
      hasNextPage: pageRows.length > size,
      endCursor: last ? encodeCursor(keys.map((_, i) => keyValue(last[`k${i}`]))) : null,
    },
    /** Facet counts are computed only when asked for (SearchConnection.facets). */
    facetQuery: { filter, tsQuery },
  };
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function presentResult(r: Record<string, unknown>, near: string | null) {
  const municipalityCode = (r.municipality_code as string | null) ?? null;
  const remote = Boolean(r.remote);
  return {
    id: r.id as string,
    kind: r.kind as SearchKind,
    title: r.title as string,
    excerpt: r.excerpt as string,
    language: r.language as Locale,
    topics: r.topics as string[],
    municipalityCode,
    remote,
    periodStart: (r.period_start as string | null) ?? null,
    periodEnd: (r.period_end as string | null) ?? null,
    organisationName: (r.organisation_name as string | null) ?? null,
    priceCents: (r.price_cents as number | null) ?? null,
    seatsFree: (r.seats_free as number | null) ?? null,
    nextStartsAt: iso(r.next_starts_at),
    applicationDeadline: (r.application_deadline as string | null) ?? null,
    distanceKm: near ? (remote ? 0 : municipalityCode ? Math.round(distanceKm(near, municipalityCode)!) : null) : null,
    publishedAt: iso(r.published_at)!,
  };
}

/** Counts per value of each facet, each with every other filter applied. */
export async function facets(deps: Pick<Deps, 'db'>, query: { filter: SearchFilter; tsQuery: SQL | null }) {
  const t = searchItems;
  const count = async (facet: Facet, value: SQL) => {
    return queryRows<{ value: string; count: number }>(
      deps.db,
      sql`
      select v as value, count(*)::int as count
      from ${t}, lateral (select ${value} as v) f
      where ${and(...conditions(query.filter, query.tsQuery, facet))} and v is not null
      group by v order by count desc, v`,
    );
  };
  const [kinds, topics, municipalities, languages] = await Promise.all([
    count('kinds', sql`${t.kind}::text`),
    count('topics', sql`unnest(${t.facetTopics})`),
    count('municipalities', sql`${t.municipalityCode}`),
    count('languages', sql`unnest(${t.languages})`),
  ]);
  return { kinds, topics, municipalities, languages };
}
