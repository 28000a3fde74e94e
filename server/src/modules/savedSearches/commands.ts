/**
 * Saved search use cases that change state. A person saves any search with a name and how to hear
 * of new results: at once (IMMEDIATE), in the daily digest (DAILY), in the digest once a week
 * (WEEKLY), or not at all (NONE).
 */
import { MAX_SAVED_SEARCHES, SAVED_SEARCH_ALERTS, SAVED_SEARCH_NAME_MAX, singleLineText } from '@keskusvaraamo/shared';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { AppError, parseInput, unauthenticated } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { lockUser } from '../accounts/index.js';
import { checkFilter, type SearchFilter } from '../search/index.js';
import { presentSavedSearch, type SavedSearchDto } from './presenter.js';
import { loadOwn, signedIn } from './queries.js';
import { savedSearches } from './tables.js';

const saveSchema = z.object({
  name: singleLineText(SAVED_SEARCH_NAME_MAX),
  // The search page's own address: a relative path, never another site.
  path: singleLineText(2000).regex(/^\/search(\?[^\s]*)?$/, 'validation.invalid'),
  alert: z.enum(SAVED_SEARCH_ALERTS),
  filter: z.record(z.string(), z.unknown()),
});
const updateSchema = saveSchema.pick({ name: true, alert: true }).partial();

export async function saveSearch(deps: Deps, viewer: Viewer | null, input: unknown): Promise<SavedSearchDto> {
  const me = signedIn(viewer);
  const data = parseInput(saveSchema, input);
  const filter = checkFilter(data.filter as SearchFilter);
  delete filter.publishedAfter;
  return deps.db.transaction(async (tx) => {
    // Counted under a lock on the person's account row, so two saves at once cannot pass the limit.
    // An account erased while this waited saves nothing.
    if (!(await lockUser(tx, me.id))) throw unauthenticated();
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
