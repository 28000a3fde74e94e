/**
 * Needs' part of erasing a person: the needs they posted that are still open or drafts are closed,
 * as `closeNeed` closes them (state CLOSED, out of the search index). A need's title and
 * description are the company's business, not the person's data, so they stay, as do needs that
 * were filled, closed or expired (the cluster's record).
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { removeFromIndex } from '../search/index.js';
import { needs } from './tables.js';

const CLOSABLE = ['DRAFT', 'OPEN'] as const;

/** The person's needs erasure would close (for its preview). */
export async function closableNeedsCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(needs)
    .where(and(eq(needs.postedBy, userId), inArray(needs.state, [...CLOSABLE])));
  return row?.n ?? 0;
}

/** Closes the person's open and draft needs, each in one conditional update, and takes them out of search. */
export async function closeNeedsOf(db: Database, userId: string): Promise<number> {
  const closed = await db
    .update(needs)
    .set({ state: 'CLOSED', closedAt: new Date(), updatedAt: sql`now()` })
    .where(and(eq(needs.postedBy, userId), inArray(needs.state, [...CLOSABLE])))
    .returning({ id: needs.id });
  for (const { id } of closed) await removeFromIndex(db, id);
  return closed.length;
}
