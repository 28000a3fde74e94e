/** Bookings' scheduled work, run by the maintenance plugin in every instance. */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { lockSession, sessionsPastDecision } from '../offers/index.js';
import { cancelLocked, cancelSessionLocked } from './commands/lifecycle.js';
import { bookings } from './tables.js';

/**
 * Offers whose claim window closed pass to the next in line. Run by a job in every instance:
 * each expiry re-checks the booking under the session lock, so two instances never double it.
 */
export async function expireOffers(db: Database): Promise<number> {
  const due = await db
    .select({ id: bookings.id, sessionId: bookings.sessionId })
    .from(bookings)
    .where(and(eq(bookings.state, 'OFFERED'), lt(bookings.offeredUntil, sql`now()`)))
    .orderBy(asc(bookings.offeredUntil))
    .limit(100);
  let expired = 0;
  for (const { id, sessionId } of due) {
    await db.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const [current] = await tx.select().from(bookings).where(eq(bookings.id, id));
      if (current?.state !== 'OFFERED' || current.offeredUntil! > new Date()) return;
      await cancelLocked(tx, session, id, 'CLAIM_EXPIRED');
      expired++;
    });
  }
  return expired;
}

/** Sessions that did not reach their minimum by the decision time are cancelled. Safe in every instance. */
export async function enforceMinimums(db: Database): Promise<number> {
  let cancelled = 0;
  for (const id of await sessionsPastDecision(db)) {
    await db.transaction(async (tx) => {
      const session = await lockSession(tx, id);
      if (session.cancelledAt || !session.minParticipants || !session.decisionAt || session.decisionAt > new Date())
        return;
      if (session.seatsTaken >= session.minParticipants) return;
      await cancelSessionLocked(tx, session, 'MINIMUM_NOT_REACHED');
      cancelled++;
    });
  }
  return cancelled;
}
