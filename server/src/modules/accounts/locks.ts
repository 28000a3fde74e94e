import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from './tables.js';

/**
 * Locks the person's account row until the transaction ends, so that another module can make one
 * person's concurrent requests take turns (saved searches count theirs against a limit under it).
 * Returns whether the account is there and not erased (an erasure that held the lock has committed
 * by the time this returns).
 */
export async function lockUser(db: Database, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.anonymisedAt)))
    .for('update');
  return rows.length > 0;
}
