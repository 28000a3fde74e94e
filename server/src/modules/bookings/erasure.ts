/**
 * Bookings' part of erasing a person, and of the retention of participants' details. The person's
 * bookings of sessions still ahead are cancelled the way a booker's cancellation is (under each
 * session's lock, seats freed and passed down the waitlist, the promoted told), whatever the
 * cancellation deadline; every participant row naming them (by e-mail, in anyone's booking) loses
 * its name and address; their personal calendar feeds are deleted. Bookings themselves stay: the
 * organiser's records and the cluster's figures rest on them (the figures on facts that hold no
 * person, migrations/0011).
 */
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { lockSession } from '../offers/index.js';
import { courseSessions } from '../offers/tables.js';
import { ACTIVE, cancelLocked } from './commands/lifecycle.js';
import { bookings, calendarFeeds, participants, sessionMessages } from './tables.js';

/** The person's bookings (confirmed, offered or waitlisted) of sessions that have not started. */
async function futureBookingsOf(db: Database, userId: string) {
  return db
    .select({ id: bookings.id, sessionId: bookings.sessionId })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .where(and(eq(bookings.bookedBy, userId), inArray(bookings.state, ACTIVE), gt(courseSessions.startsAt, sql`now()`)))
    .orderBy(asc(bookings.sessionId), asc(bookings.id));
}

/** How many of the person's bookings erasure would cancel (for its preview). */
export async function futureBookingsCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .where(
      and(eq(bookings.bookedBy, userId), inArray(bookings.state, ACTIVE), gt(courseSessions.startsAt, sql`now()`)),
    );
  return row?.n ?? 0;
}

/**
 * Cancels the person's bookings of sessions still ahead, in the caller's transaction: sessions are
 * locked one at a time in id order (as every seat change locks them), each booking re-read under
 * its session's lock and cancelled unless it was cancelled meanwhile; freed seats go down the
 * waitlist and the promoted are told. The caller holds the person's account row lock, taken
 * before any session's. Returns how many were cancelled.
 */
export async function cancelFutureBookingsOf(db: Database, userId: string): Promise<number> {
  const due = await futureBookingsOf(db, userId);
  let cancelled = 0;
  for (const sessionId of [...new Set(due.map((b) => b.sessionId))]) {
    const session = await lockSession(db, sessionId);
    const ids = due.filter((b) => b.sessionId === sessionId).map((b) => b.id);
    const current = await db
      .select({ id: bookings.id, state: bookings.state })
      .from(bookings)
      .where(and(inArray(bookings.id, ids), inArray(bookings.state, ACTIVE)));
    for (const booking of current) {
      // A seat offered and not yet claimed is declined, as the booker's own cancellation of it is.
      await cancelLocked(db, session, booking.id, booking.state === 'OFFERED' ? 'DECLINED' : 'BY_BOOKER');
      cancelled++;
    }
  }
  return cancelled;
}

/** Removes the name and address of participant rows `where` picks; returns how many changed. */
async function anonymise(db: Database, where: ReturnType<typeof and>): Promise<number> {
  const changed = await db
    .update(participants)
    .set({
      name: ERASED_TEXT,
      // Unique and undeliverable, as an erased account's address (shared's erasedEmail, by the row's id).
      email: sql`'erased-' || ${participants.id}::text || '@erased.invalid'`,
      anonymisedAt: sql`now()`,
    })
    .where(and(where, isNull(participants.anonymisedAt)))
    .returning({ id: participants.id });
  return changed.length;
}

/** Anonymises every participant row with this e-mail address, in anyone's booking (idempotent). */
export function anonymiseParticipantsByEmail(db: Database, email: string): Promise<number> {
  return anonymise(db, eq(participants.email, email.trim().toLowerCase()));
}

/**
 * Retention: anonymises the participants of bookings whose session ended more than `months` ago.
 * Attendance stays (the organiser's and the cluster's figures). Returns how many changed.
 */
export function anonymisePastParticipants(db: Database, months: number): Promise<number> {
  return anonymise(
    db,
    and(
      sql`${participants.bookingId} in (
        select ${bookings.id} from ${bookings} join ${courseSessions} on ${courseSessions.id} = ${bookings.sessionId}
        where ${courseSessions.endsAt} < now() - make_interval(months => ${months}))`,
    ),
  );
}

/** Deletes the person's personal calendar feeds (idempotent). */
export async function deleteCalendarFeedsOf(db: Database, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/**
 * Forgets who wrote the person's messages to sessions' participants (idempotent). The text stays:
 * it is the organisation's notice to the people booked on its session, sent in its name (the
 * e-mail says the organisation writes), which its other organisers may need to see later and which
 * every recipient already holds. A conversation's message is the person's own side of a thread, so
 * conversations erase its text instead; here only the link to the person goes.
 */
export async function forgetSessionMessageAuthor(db: Database, userId: string): Promise<number> {
  const changed = await db
    .update(sessionMessages)
    .set({ authorId: null })
    .where(eq(sessionMessages.authorId, userId))
    .returning({ id: sessionMessages.id });
  return changed.length;
}
