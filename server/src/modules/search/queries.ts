/**
 * Public search over published courses and pools and open placements: reads only `search_items`,
 * with full text stemmed per language, filters, keyset pagination and facets.
 */
import { distanceKm, type Locale, type SearchKind, type SearchSort } from '@keskusvaraamo/shared';
import { and, asc, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { validationError } from '../../errors.js';
import { keyset, type KeyPart } from '../../lib/pagination.js';
import {
  checkFilter,
  conditions,
  distanceExpression,
  textMatch,
  type Facet,
  type SearchFilter,
  type TextMatch,
} from './filter.js';
import { searchItems } from './tables.js';

const FAR_FUTURE = '9999-12-31T00:00:00Z';

/** Each sort's key: expressions computed once per row (as `k0`, `k1`, …), all in one direction. */
function sortKey(sort: SearchSort, text: TextMatch | null, near: string | null): (KeyPart & { expr: SQL })[] {
  const t = searchItems;
  const startsKey = sql`coalesce(${t.startsOn}, ${FAR_FUTURE}::timestamptz)`;
  const parts: (Omit<KeyPart, 'column'> & { expr: SQL })[] =
    sort === 'RELEVANCE'
      ? [
          { expr: text!.rank, type: 'number', descending: true },
          { expr: sql`${t.id}`, type: 'uuid', descending: true },
        ]
      : sort === 'NEWEST'
        ? [
            { expr: sql`${t.publishedAt}`, type: 'timestamp', descending: true },
            { expr: sql`${t.id}`, type: 'uuid', descending: true },
          ]
        : sort === 'SOONEST'
          ? [
              { expr: startsKey, type: 'timestamp' },
              { expr: sql`${t.id}`, type: 'uuid' },
            ]
          : [
              { expr: distanceExpression(near!), type: 'number' },
              { expr: startsKey, type: 'timestamp' },
              { expr: sql`${t.id}`, type: 'uuid' },
            ];
  return parts.map((part, i) => ({ ...part, column: sql.raw(`k${i}`) }));
}

/**
 * A page of public results: the filter checked with the shared schema, sorted by relevance (newest
 * without words), start, publication or distance, paged on that sort's key.
 */
export async function search(
  deps: Pick<Deps, 'db'>,
  args: { filter?: SearchFilter | null; sort?: SearchSort | null; first?: number | null; after?: string | null },
) {
  const filter = checkFilter(args.filter ?? {});
  const text = textMatch(filter.text);
  let sort: SearchSort = args.sort ?? 'RELEVANCE';
  if (sort === 'RELEVANCE' && !text) sort = 'NEWEST';
  if (sort === 'NEAREST' && !filter.near) throw validationError([{ field: 'near', message: 'validation.required' }]);

  const t = searchItems;
  const key = sortKey(sort, text, filter.near ?? null);
  const page = keyset(args, key);
  const where = conditions(filter, text);

  // One statement reads the matches once: the keys are computed once per row, and the window
  // count gives the total before the cursor cuts the page.
  const pageRows = await queryRows<Record<string, unknown> & { cursor: string }>(
    deps.db,
    sql`select *, ${page.cursor} as cursor from (
      select ${t.id} as id, ${t.kind} as kind, ${t.title} as title, ${t.excerpt} as excerpt, ${t.language} as language,
        ${t.topics} as topics, ${t.municipalityCode} as municipality_code, ${t.remote} as remote,
        ${t.periodStart}::text as period_start, ${t.periodEnd}::text as period_end, ${t.organisationName} as organisation_name,
        ${t.priceCents} as price_cents, ${t.seatsFree} as seats_free, ${t.nextStartsAt} as next_starts_at,
        ${t.applicationDeadline}::text as application_deadline, ${t.publishedAt} as published_at,
        ${sql.join(
          key.map((part) => sql`${part.expr} as ${part.column}`),
          sql`, `,
        )},
        count(*) over ()::int as total_count
      from ${t}
      where ${and(...where)}
    ) matches
    ${page.where ? sql`where ${page.where}` : sql``}
    order by ${sql.join(page.orderBy, sql`, `)}
    limit ${page.limit}`,
  );
  // Past the last page there is no row to carry the total: count it.
  const total =
    (pageRows[0]?.total_count as number | undefined) ??
    (page.where
      ? ((await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from ${t} where ${and(...where)}`))[0]
          ?.n ?? 0)
      : 0);

  return {
    ...page.connection(pageRows, total, (r) => presentResult(r, filter.near ?? null)),
    /** Facet counts are computed only when asked for (SearchConnection.facets). */
    facetQuery: { filter, text },
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
export async function facets(deps: Pick<Deps, 'db'>, query: { filter: SearchFilter; text: TextMatch | null }) {
  const t = searchItems;
  const count = async (facet: Facet, value: SQL) => {
    return queryRows<{ value: string; count: number }>(
      deps.db,
      sql`
      select v as value, count(*)::int as count
      from ${t}, lateral (select ${value} as v) f
      where ${and(...conditions(query.filter, query.text, facet))} and v is not null
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
