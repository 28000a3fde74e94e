/** Saved searches' part of erasing a person: their saved searches (names, filters, alerts) are deleted. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { savedSearches } from './tables.js';

/** Deletes every saved search of the person (idempotent); returns how many there were. */
export async function deleteSavedSearchesOf(db: Database, userId: string): Promise<number> {
  const deleted = await db
    .delete(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .returning({ id: savedSearches.id });
  return deleted.length;
}
