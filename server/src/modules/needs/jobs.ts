/** Scheduled work on needs. */
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { removeFromIndex } from '../search/index.js';
import { needs } from './tables.js';

/**
 * OPEN → EXPIRED for needs whose application deadline (a Helsinki date) has passed. Run by a job
 * in every instance: the conditional update makes it safe to run anywhere, any number of times.
 */
export async function expireNeeds(db: Database, today: string = todayInHelsinki()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(needs)
      .set({ state: 'EXPIRED', updatedAt: sql`now()` })
      .where(and(eq(needs.state, 'OPEN'), isNotNull(needs.applicationDeadline), lt(needs.applicationDeadline, today)))
      .returning({ id: needs.id });
    for (const { id } of expired) await removeFromIndex(tx, id);
    return expired.length;
  });
}
