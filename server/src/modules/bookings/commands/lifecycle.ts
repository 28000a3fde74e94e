/**
 * What happens to bookings when seats move: promotion from the waitlist and cancellation, inside a
 * transaction that holds the session's row lock (offers' `lockSession`). Seats are counted by
 * offers (`takeSeats` / `releaseSeats`); who holds them is decided here.
 */
import type { BookingState, CancelReason, SessionCancelReason } from '@keskusvaraamo/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { invalidState } from '../../../errors.js';
import { notify, type NewNotification, type NotificationType } from '../../messaging/index.js';
import {
  lockSession,
  markSessionCancelled,
  releaseSeats,
  takeSeats,
  type BookableSession,
} from '../../offers/index.js';
import type { BookingRow } from '../rows.js';
import { bookings } from '../tables.js';

const HOLDS_SEATS: readonly BookingState[] = ['CONFIRMED', 'OFFERED'];
/** What counts against a booker's cap on a session: every booking that holds or waits for seats. */
export const ACTIVE: BookingState[] = ['CONFIRMED', 'OFFERED', 'WAITLISTED'];

export const BOOKINGS_PATH = '/my/bookings';

type EventSession = Pick<BookableSession, 'id' | 'offerId' | 'offerTitle' | 'startsAt'>;

/** The notification of a change to a booking, for its booker. */
export function bookingEvent(booking: BookingRow, session: EventSession, type: NotificationType): NewNotification {
  return {
    userId: booking.bookedBy,
    type,
    data: {
      bookingId: booking.id,
      sessionId: session.id,
      offerId: session.offerId,
      title: session.offerTitle,
      startsAt: session.startsAt.toISOString(),
      seats: booking.seats,
      offeredUntil: booking.offeredUntil?.toISOString() ?? null,
      path: BOOKINGS_PATH,
    },
  };
}

/**
 * Gives freed seats to the waitlist in arrival order: every waiting booking that fits, on a free
 * course confirmed at once, on a paid course offered for the course's claim window. The caller
 * holds the session lock (or this takes it).
 */
export async function promoteWaitlist(db: Database, sessionOrId: BookableSession | string): Promise<number> {
  const session = typeof sessionOrId === 'string' ? await lockSession(db, sessionOrId) : sessionOrId;
  if (session.cancelledAt || session.startsAt <= new Date()) return 0;
  const waiting = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), eq(bookings.state, 'WAITLISTED')))
    .orderBy(asc(bookings.queueNumber));
  let promoted = 0;
  for (const booking of waiting) {
    const free = session.seats - session.seatsTaken;
    if (free <= 0) break;
    if (booking.seats > free) continue;
    const paid = session.priceCents > 0;
    const [row] = await db
      .update(bookings)
      .set(
        paid
          ? {
              state: 'OFFERED',
              offeredAt: sql`now()`,
              offeredUntil: sql`now() + make_interval(hours => ${session.claimWindowHours})`,
              updatedAt: sql`now()`,
            }
          : { state: 'CONFIRMED', confirmedAt: sql`now()`, updatedAt: sql`now()` },
      )
      .where(and(eq(bookings.id, booking.id), eq(bookings.state, 'WAITLISTED')))
      .returning();
    if (!row) continue;
    await takeSeats(db, session, booking.seats);
    await notify(db, [bookingEvent(row, session, paid ? 'BOOKING_OFFERED' : 'BOOKING_PROMOTED')]);
    promoted++;
  }
  return promoted;
}

/** Cancels one booking inside a transaction that holds its session's lock; frees and passes on its seats. */
export async function cancelLocked(
  db: Database,
  session: BookableSession,
  bookingId: string,
  reason: CancelReason,
  promote = true,
): Promise<BookingRow> {
  const [before] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!before || before.state === 'CANCELLED') throw invalidState('a booking', 'CANCELLED');
  const [row] = await db
    .update(bookings)
    .set({
      state: 'CANCELLED',
      cancelledAt: sql`now()`,
      cancelReason: reason,
      offeredUntil: null,
      updatedAt: sql`now()`,
    })
    .where(eq(bookings.id, bookingId))
    .returning();
  if (HOLDS_SEATS.includes(before.state)) await releaseSeats(db, session, before.seats);
  const type: NotificationType =
    reason === 'CLAIM_EXPIRED'
      ? 'BOOKING_CLAIM_EXPIRED'
      : reason === 'SESSION_CANCELLED' || reason === 'MINIMUM_NOT_REACHED'
        ? 'SESSION_CANCELLED'
        : 'BOOKING_CANCELLED';
  await notify(db, [bookingEvent(row!, session, type)]);
  if (promote && HOLDS_SEATS.includes(before.state)) await promoteWaitlist(db, session);
  return row!;
}

/** Cancels a session (offers marks it) and every booking on it; everyone booked is told. The caller holds the lock. */
export async function cancelSessionLocked(db: Database, session: BookableSession, reason: SessionCancelReason) {
  await markSessionCancelled(db, session, reason);
  const active = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), inArray(bookings.state, ACTIVE)));
  for (const { id } of active) await cancelLocked(db, session, id, reason, false);
}
