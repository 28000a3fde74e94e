/**
 * The saved-search alert job: it runs each due search again for what was published since it last
 * looked and writes one notification with the count and the first titles.
 */
import { and, asc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { notify } from '../messaging/index.js';
import { search } from '../search/index.js';
import { savedSearches } from './tables.js';

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
