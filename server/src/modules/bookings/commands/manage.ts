/**
 * Changes to bookings after they are made: the booker cancels or claims, the organiser cancels a
 * booking or the whole session, edits a session (more seats move the waitlist up) and marks
 * attendance. Each change of seats runs under the session's row lock.
 */
import { billingRequired, claimBookingSchema, type CancelReason } from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../../deps.js';
import {
  AppError,
  forbidden,
  invalidState,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../../errors.js';
import { assertId } from '../../../lib/ids.js';
import type { Viewer } from '../../../lib/viewer.js';
import { notify } from '../../messaging/index.js';
import {
  bookableSessions,
  lockSession,
  organisesSession,
  updateSession as editSession,
  type SessionDto,
} from '../../offers/index.js';
import { assertMayBillFor, hasBilling, saveBilling } from '../billing.js';
import { bookingOfCancelToken } from '../links.js';
import { bookingPolicy as policy } from '../policy.js';
import { presentBooking, presentParticipant, type BookingDto, type ParticipantDto } from '../presenter.js';
import { loadBooking, type BookingRow } from '../rows.js';
import { bookings, participants } from '../tables.js';
import {
  bookingEvent,
  cancelLocked,
  cancelSessionLocked,
  notifySessionChanged,
  organiserNotices,
  promoteWaitlist,
} from './lifecycle.js';
import { notifyParticipantsConfirmed } from './notices.js';

export async function cancelBooking(deps: Deps, viewer: Viewer | null, id: string): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const booking = await loadBooking(deps.db, id);
  const session = (await bookableSessions(deps.db, [booking.sessionId])).get(booking.sessionId)!;
  const as = policy.cancelAs(viewer, booking, await organisesSession(deps.db, session, viewer.id));
  if (as === 'FORBIDDEN') throw forbidden();
  if (as === 'NOT_FOUND') throw notFound('No such booking');
  return cancelWithRules(deps, booking, as, viewer.id);
}

/** The e-mail link: cancels as the booker would, with the booker's deadline. */
export async function cancelBookingWithToken(deps: Deps, token: string): Promise<BookingDto> {
  const id = bookingOfCancelToken(deps, token);
  if (!id) throw new AppError('TOKEN_INVALID', 'The link is invalid');
  return cancelWithRules(deps, await loadBooking(deps.db, id), 'BY_BOOKER');
}

async function cancelWithRules(
  deps: Deps,
  booking: BookingRow,
  reason: CancelReason,
  actorId: string | null = null,
): Promise<BookingDto> {
  return deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, booking.sessionId);
    const [current] = await tx.select().from(bookings).where(eq(bookings.id, booking.id));
    if (reason === 'BY_BOOKER' && !policy.bookerDeadlineOpen(current!, session.cancellationDeadline, new Date())) {
      throw new AppError('CANCELLATION_CLOSED', 'The cancellation deadline has passed', {
        deadline: session.cancellationDeadline.toISOString(),
      });
    }
    const offered = current!.state === 'OFFERED';
    return presentBooking(
      await cancelLocked(
        tx,
        session,
        booking.id,
        offered && reason === 'BY_BOOKER' ? 'DECLINED' : reason,
        true,
        actorId,
      ),
    );
  });
}

/**
 * The booker takes the seats held for them, within the claim window. A paid booking that needs
 * billing details (shared's `billingRequired`, as when booking) and has none gets them here, in the
 * claim's transaction: a match holds seats for a company that may have had none saved.
 */
export async function claimBooking(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown = {},
): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const booking = await loadBooking(deps.db, id);
  if (!policy.claim(viewer, booking)) throw notFound('No such booking');
  const { billing } = parseInput(claimBookingSchema, input);
  await assertMayBillFor(deps.db, viewer, billing);
  return deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, booking.sessionId);
    const [row] = await tx
      .update(bookings)
      .set({ state: 'CONFIRMED', confirmedAt: sql`now()`, offeredUntil: null, updatedAt: sql`now()` })
      .where(and(eq(bookings.id, booking.id), eq(bookings.state, 'OFFERED'), sql`${bookings.offeredUntil} > now()`))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(bookings).where(eq(bookings.id, booking.id));
      if (current!.state === 'OFFERED') throw new AppError('CLAIM_EXPIRED', 'The claim window has closed');
      throw invalidState('a booking', current!.state);
    }
    if (billingRequired(session.priceCents, row.seats, false) && !(await hasBilling(tx, row.id))) {
      // Thrown in the transaction: the claim is undone with it.
      if (!billing) throw validationError([{ field: 'billing', message: 'validation.billingRequired' }]);
      await saveBilling(tx, row.id, viewer.id, session.priceCents, billing);
    }
    await notifyParticipantsConfirmed(tx, row, session);
    await notify(tx, [
      bookingEvent(row, session, 'BOOKING_CONFIRMED'),
      ...(await organiserNotices(tx, session, 'COURSE_WAITLIST_CHANGED', { count: row.seats, event: 'CLAIMED' })),
    ]);
    return presentBooking(row);
  });
}

/** Cancels a session and every booking on it, for its organisers and coordinators; everyone booked is told. */
export async function cancelSession(deps: Deps, viewer: Viewer | null, sessionId: string): Promise<void> {
  if (!viewer) throw unauthenticated();
  const session = (await bookableSessions(deps.db, [assertId(sessionId, 'No such session')])).get(sessionId);
  if (!session) throw notFound('No such session');
  if (!policy.manageSession(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  await deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.cancelledAt) throw invalidState('a session', 'CANCELLED');
    await cancelSessionLocked(tx, locked, 'SESSION_CANCELLED', viewer.id);
  });
}

/**
 * Offers' session edit, with its consequences for bookings: more seats move the waitlist up at
 * once, and a new time, place or online link is told to everyone booked (after the promotion, so
 * that a booking promoted by the edit is told as what it now is).
 */
export async function updateSession(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<SessionDto> {
  return editSession(deps, viewer, id, input, async (tx, edit) => {
    const session = await lockSession(tx, edit.sessionId);
    if (edit.seatsAdded) await promoteWaitlist(tx, session);
    if (edit.changes.length && !session.cancelledAt) await notifySessionChanged(tx, session, edit.changes);
  });
}

export async function markAttendance(
  deps: Deps,
  viewer: Viewer | null,
  participantId: string,
  attended: boolean | null,
): Promise<ParticipantDto> {
  if (!viewer) throw unauthenticated();
  const [row] = await deps.db
    .select({ participant: participants, sessionId: bookings.sessionId, state: bookings.state })
    .from(participants)
    .innerJoin(bookings, eq(bookings.id, participants.bookingId))
    .where(eq(participants.id, assertId(participantId, 'No such participant')));
  if (!row) throw notFound('No such participant');
  const session = (await bookableSessions(deps.db, [row.sessionId])).get(row.sessionId)!;
  if (!policy.manageSession(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  if (row.state !== 'CONFIRMED') throw invalidState('a participant whose booking', row.state);
  assertStarted(session);
  const [updated] = await deps.db
    .update(participants)
    .set({ attended })
    .where(eq(participants.id, participantId))
    .returning();
  return presentParticipant(updated!);
}

/** Who came is known once the session has started: marking before it would record a guess. */
function assertStarted(session: { startsAt: Date }) {
  if (session.startsAt > new Date()) {
    throw new AppError('SESSION_NOT_STARTED', 'Attendance is marked once the session has started');
  }
}

/** How many participants one call marks at most: a session's whole list, with room to spare. */
export const ATTENDANCE_BATCH_MAX = 500;

/**
 * Marks many of a session's participants at once ("all present"), for its organisers and
 * coordinators: every one must be of a confirmed booking of this session, or none is marked
 * (one statement, in a transaction that is rolled back if any is not).
 */
export async function markSessionAttendance(
  deps: Deps,
  viewer: Viewer | null,
  sessionId: string,
  participantIds: string[],
  attended: boolean | null,
): Promise<ParticipantDto[]> {
  if (!viewer) throw unauthenticated();
  const id = assertId(sessionId, 'No such session');
  const session = (await bookableSessions(deps.db, [id])).get(id);
  if (!session) throw notFound('No such session');
  if (!policy.manageSession(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  // The list's length first: nothing is done per item of a list that is too long.
  if (participantIds.length === 0) throw validationError([{ field: 'participantIds', message: 'validation.required' }]);
  if (participantIds.length > ATTENDANCE_BATCH_MAX) {
    throw validationError([
      { field: 'participantIds', message: 'validation.tooManyItems', params: { max: ATTENDANCE_BATCH_MAX } },
    ]);
  }
  const ids = [...new Set(participantIds.map((p) => assertId(p, 'No such participant')))];
  assertStarted(session);
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(participants)
      .set({ attended })
      .where(
        and(
          inArray(participants.id, ids),
          inArray(
            participants.bookingId,
            tx
              .select({ id: bookings.id })
              .from(bookings)
              .where(and(eq(bookings.sessionId, id), eq(bookings.state, 'CONFIRMED'))),
          ),
        ),
      )
      .returning();
    if (updated.length !== ids.length) throw notFound("No such participant among this session's confirmed bookings");
    return updated.map(presentParticipant);
  });
}
