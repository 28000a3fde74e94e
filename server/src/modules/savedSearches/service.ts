/**
 * Saved searches and their alerts. A person saves any search with a name and how to hear of new
 * results: at once (IMMEDIATE), in the daily digest (DAILY), in the digest once a week (WEEKLY),
 * or not at all (NONE). The alert job runs each due search again for what was published since it
 * last looked and writes one notification with the count and the first titles.
 */
import { and, asc, count, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { SAVED_SEARCH_ALERTS, singleLineText } from '@keskusvaraamo/shared';
import { z } from 'zod';
import { queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, notFound, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { notify } from '../messaging/index.js';
import { checkFilter, search, type SearchFilter } from '../search/service.js';
import { savedSearches } from './tables.js';

export const MAX_SAVED_SEARCHES = 50;
type Row = typeof savedSearches.$inferSelect;

export function presentSavedSearch(row: Row) {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    alert: row.alert,
    checkedAt: row.checkedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
export type SavedSearchDto = ReturnType<typeof presentSavedSearch>;

const saveSchema = z.object({
  name: singleLineText(100),
  // The search page's own address: a relative path, never another site.
  path: singleLineText(2000).regex(/^\/search(\?[^\s]*)?$/, 'validation.invalid'),
  alert: z.enum(SAVED_SEARCH_ALERTS),
  filter: z.record(z.string(), z.unknown()),
});
const updateSchema = saveSchema.pick({ name: true, alert: true }).partial();

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Only the owner ever sees or changes a saved search: anyone else gets NOT_FOUND. */
async function loadOwn(db: Database, viewer: Viewer, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, assertId(id, 'No such saved search')), eq(savedSearches.userId, viewer.id)));
  if (!row) throw notFound('No such saved search');
  return row;
}

export async function mySavedSearches(deps: Deps, viewer: Viewer | null): Promise<SavedSearchDto[]> {
  const me = signedIn(viewer);
  const rows = await deps.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, me.id))
    .orderBy(desc(savedSearches.createdAt));
  return rows.map(presentSavedSearch);
}

export async function saveSearch(deps: Deps, viewer: Viewer | null, input: unknown): Promise<SavedSearchDto> {
  const me = signedIn(viewer);
  const data = parseInput(saveSchema, input);
  const filter = checkFilter(data.filter as SearchFilter);
  delete filter.publishedAfter;
  return deps.db.transaction(async (tx) => {
    // Counted under a lock on the person's row, so two saves at once cannot pass the limit.
    await tx.execute(sql`select id from users where id = ${me.id} for update`);
    const [mine] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, me.id));
    if ((mine?.n ?? 0) >= MAX_SAVED_SEARCHES) {
      throw new AppError('LIMIT_REACHED', 'Too many saved searches', { limit: MAX_SAVED_SEARCHES });
    }
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId: me.id, name: data.name, path: data.path, alert: data.alert, filter })
      .returning();
    return presentSavedSearch(row!);
  });
}

export async function updateSavedSearch(deps: Deps, viewer: Viewer | null, id: string, input: unknown) {
  const me = signedIn(viewer);
  const data = parseInput(updateSchema, input);
  await loadOwn(deps.db, me, id);
  const [row] = await deps.db
    .update(savedSearches)
    .set(data)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, me.id)))
    .returning();
  return presentSavedSearch(row!);
}

export async function deleteSavedSearch(deps: Deps, viewer: Viewer | null, id: string): Promise<boolean> {
  const me = signedIn(viewer);
  await loadOwn(deps.db, me, id);
  await deps.db.delete(savedSearches).where(and(eq(savedSearches.id, id), eq(savedSearches.userId, me.id)));
  return true;
}

const INTERVAL = { IMMEDIATE: '1 minute', DAILY: '1 day', WEEKLY: '7 days' } as const;

/**
 * Runs due saved searches again. Each is claimed by moving its `checked_at` forward in a
 * conditional UPDATE, so with several instances each search is checked once per period; the
 * notification is written in the same transaction as the claim.
 */
export async function checkSavedSearches(deps: Pick<Deps, 'db'>, limit = 200): Promise<number> {
  const due = await deps.db
    .select()
    .from(savedSearches)
    .where(
      and(
        ne(savedSearches.alert, 'NONE'),
        or(
          ...(Object.keys(INTERVAL) as (keyof typeof INTERVAL)[]).map((alert) =>
            and(eq(savedSearches.alert, alert), lt(savedSearches.checkedAt, sql`now() - ${INTERVAL[alert]}::interval`)),
          ),
        ),
      ),
    )
    .orderBy(asc(savedSearches.checkedAt))
    .limit(limit);
  let notified = 0;
  for (const saved of due) {
    await deps.db.transaction(async (tx) => {
      // The previous check time as text keeps its microseconds (a JS Date would round them off).
      const [claimed] = await queryRows<{ previous: string }>(
        tx,
        sql`update saved_searches s set checked_at = now()
            from (select id, checked_at::text as previous from saved_searches where id = ${saved.id} for update) old
            where s.id = old.id and s.alert = ${saved.alert}
              and s.checked_at < now() - ${INTERVAL[saved.alert as keyof typeof INTERVAL]}::interval
            returning old.previous`,
      );
      if (!claimed) return;
      let page;
      try {
        page = await search(
          { db: tx },
          { filter: { ...saved.filter, publishedAfter: claimed.previous }, sort: 'NEWEST', first: 5 },
        );
      } catch (error) {
        // A search saved before the filter's rules tightened (a topic since removed) finds nothing
        // rather than stopping every alert after it; the filter is checked before any SQL runs.
        if (error instanceof AppError && error.code === 'VALIDATION') return;
        throw error;
      }
      if (page.totalCount === 0) return;
      await notify(tx, [
        {
          userId: saved.userId,
          type: 'SAVED_SEARCH_RESULTS',
          digest: saved.alert !== 'IMMEDIATE',
          data: {
            savedSearchId: saved.id,
            name: saved.name,
            count: page.totalCount,
            titles: page.nodes.map((n) => n.title),
            path: saved.path,
          },
        },
      ]);
      notified++;
    });
  }
  return notified;
}
