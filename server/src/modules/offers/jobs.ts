/** Offers' scheduled work. */
import type { Database } from '../../db/client.js';
import { staleDocuments } from '../search/index.js';
import { syncIndex } from './searchDocument.js';

/** Indexes again the courses whose next registration has closed. Safe in every instance. */
export async function refreshStaleCourses(db: Database): Promise<number> {
  const ids = await staleDocuments(db, 1000);
  for (const id of ids) await db.transaction((tx) => syncIndex(tx, id));
  return ids.length;
}
