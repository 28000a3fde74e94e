/** Reads of saved searches: only ever the viewer's own. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { notFound, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { savedSearchPolicy as policy } from './policy.js';
import { presentSavedSearch, type SavedSearchDto } from './presenter.js';
import { savedSearches } from './tables.js';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

export function signedIn(viewer: Viewer | null): Viewer {
  if (!policy.save(viewer)) throw unauthenticated();
  return viewer!;
}

/** The viewer's saved search; NOT_FOUND for anyone else's, as if it did not exist. */
export async function loadOwn(db: Database, viewer: Viewer, id: string): Promise<SavedSearchRow> {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, assertId(id, 'No such saved search')), eq(savedSearches.userId, viewer.id)));
  if (!row || !policy.own(viewer, row)) throw notFound('No such saved search');
  return row;
}

/** The viewer's saved searches, newest first (a person keeps at most MAX_SAVED_SEARCHES: one page). */
export async function mySavedSearches(deps: Deps, viewer: Viewer | null): Promise<SavedSearchDto[]> {
  const me = signedIn(viewer);
  const rows = await deps.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, me.id))
    .orderBy(desc(savedSearches.createdAt));
  return rows.map(presentSavedSearch);
}
