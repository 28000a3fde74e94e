/**
 * What happens to bookings when seats move: promotion from the waitlist and cancellation, inside a
 * transaction that holds the session's row lock (offers' `lockSession`). Seats are counted by
 * offers (`takeSeats` / `releaseSeats`); who holds them is decided here.
 */
import {
  type BookingState,
  type CancelReason,
  type SessionCancelReason,
  type WaitlistEvent,
} from '@keskusvaraamo/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { invalidState } from '../../../errors.js';
import { mailNotices, notify, type NotificationType } from '../../messaging/index.js';
import {
  lockSession,
  markSessionCancelled,
  releaseSeats,
  takeSeats,
  type BookableSession,
} from '../../offers/index.js';
import type { BookingRow } from '../rows.js';
import { bookings } from '../tables.js';

import { ACTIVE, BOOKINGS_PATH, manageSessionPath } from './paths.js';
import {
  bookingEvent,
  notifyParticipantsConfirmed,
  notifySessionChanged,
  organiserBookedInput,
  organiserNotices,
  participantNotices,
  whereData,
} from './notices.js';

export {
  ACTIVE,
  BOOKINGS_PATH,
  manageSessionPath,
  bookingEvent,
  notifySessionChanged,
  organiserBookedInput,
  organiserNotices,
};

const HOLDS_SEATS: readonly BookingState[] = ['CONFIRMED', 'OFFERED'];

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
    if (!paid) await notifyParticipantsConfirmed(db, row, session);
    await notify(db, [
      bookingEvent(row, session, paid ? 'BOOKING_OFFERED' : 'BOOKING_PROMOTED'),
      ...(await organiserNotices(db, session, 'COURSE_WAITLIST_CHANGED', {
        count: row.seats,
        event: paid ? 'OFFERED' : 'PROMOTED',
      })),
    ]);
    promoted++;
  }
  return promoted;
}

/** What an organiser is told of a cancelled booking: a waitlist move, or a booking cancelled. */
function organiserNoticeOfCancel(
  before: BookingState,
  reason: CancelReason,
): ['COURSE_WAITLIST_CHANGED', WaitlistEvent] | ['COURSE_BOOKING_CANCELLED', CancelReason] {
  if (reason === 'CLAIM_EXPIRED') return ['COURSE_WAITLIST_CHANGED', 'CLAIM_EXPIRED'];
  if (reason === 'DECLINED' || before === 'OFFERED') return ['COURSE_WAITLIST_CHANGED', 'DECLINED'];
  if (before === 'WAITLISTED') return ['COURSE_WAITLIST_CHANGED', 'LEFT'];
  return ['COURSE_BOOKING_CANCELLED', reason];
}

const SESSION_REASONS: readonly CancelReason[] = ['SESSION_CANCELLED', 'MINIMUM_NOT_REACHED'];

/**
 * Why a session was cancelled, for its notices: the reason, where it was, and for a minimum not
 * reached, the minimum and the decision time it was not reached by.
 */
function sessionCancelData(session: BookableSession, reason: SessionCancelReason) {
  return {
    event: reason,
    cancelReason: reason,
    ...whereData(session),
    ...(reason === 'MINIMUM_NOT_REACHED'
      ? { minParticipants: session.minParticipants, decisionAt: session.decisionAt?.toISOString() ?? null }
      : {}),
  };
}

/**
 * Cancels one booking inside a transaction that holds its session's lock; frees and passes on its
 * seats. The booker is told, and the session's organisers (except `actorId`, who did it), unless the
 * whole session is being cancelled (`cancelSessionLocked` tells them once).
 */
export async function cancelLocked(
  db: Database,
  session: BookableSession,
  bookingId: string,
  reason: CancelReason,
  promote = true,
  actorId: string | null = null,
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
  const ofSession = SESSION_REASONS.includes(reason);
  const type: NotificationType =
    reason === 'CLAIM_EXPIRED' ? 'BOOKING_CLAIM_EXPIRED' : ofSession ? 'SESSION_CANCELLED' : 'BOOKING_CANCELLED';
  const notices = [
    bookingEvent(row!, session, type, {
      // What the booking was: a waitlist place is told, but it never was a calendar event.
      previousState: before.state,
      ...(ofSession ? sessionCancelData(session, reason as SessionCancelReason) : {}),
    }),
  ];
  if (!ofSession) {
    // Named participants of a confirmed booking lose their seats too (the calendar removes the event).
    if (before.state === 'CONFIRMED') {
      const { inApp, byEmail } = await participantNotices(
        db,
        [row!],
        'BOOKING_CANCELLED',
        (b) => bookingEvent(b, session, 'BOOKING_CANCELLED', { previousState: before.state }).data,
        session.offerId,
      );
      notices.push(...inApp);
      await mailNotices(db, byEmail);
    }
    const [organiserType, event] = organiserNoticeOfCancel(before.state, reason);
    notices.push(...(await organiserNotices(db, session, organiserType, { count: before.seats, event }, actorId)));
  }
  await notify(db, notices);
  if (promote && HOLDS_SEATS.includes(before.state)) await promoteWaitlist(db, session);
  return row!;
}

/**
 * Cancels a session (offers marks it and bumps its calendar sequence) and every booking on it:
 * each booker is told (with the calendar's cancellation for a confirmed seat), so are their named
 * participants, and the session's organisers once (except `actorId`, who cancelled it), with the
 * reason: the organiser's, or the minimum not reached by the decision time. The caller holds the lock.
 */
export async function cancelSessionLocked(
  db: Database,
  session: BookableSession,
  reason: SessionCancelReason,
  actorId: string | null = null,
) {
  // The seats as they were at the decision: the organisers' notice says how many were booked.
  const seatsTaken = session.seatsTaken;
  await markSessionCancelled(db, session, reason);
  const active = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), inArray(bookings.state, ACTIVE)))
    .orderBy(asc(bookings.queueNumber));
  for (const { id } of active) await cancelLocked(db, session, id, reason, false);
  const { inApp, byEmail } = await participantNotices(
    db,
    active,
    'SESSION_CANCELLED',
    (b) =>
      bookingEvent(b, session, 'SESSION_CANCELLED', { previousState: b.state, ...sessionCancelData(session, reason) })
        .data,
    session.offerId,
  );
  const organisers = await organiserNotices(
    db,
    { ...session, seatsTaken },
    'COURSE_SESSION_CANCELLED',
    // `count`: the bookings cancelled with it (their bookers are told).
    { ...sessionCancelData(session, reason), count: active.length },
    actorId,
  );
  await notify(db, [...inApp, ...organisers]);
  await mailNotices(db, byEmail);
}
