/**
 * One named participant of a booking, as a person: their seat is cancelled on its own (by the
 * booker, the session's organisers, or the participant through the link in their confirmation) or
 * given to someone else (by the booker or the organisers). Under the session's lock: a seat freed
 * goes to the waitlist; the last participant's cancellation cancels the booking. Everyone affected is
 * told: the person who lost the seat (the calendar removes their event), the new person (their own
 * invitation and cancel link), the booker when someone else did it, and the organisers.
 */
import { participantSchema, type Locale } from '@keskusvaraamo/shared';
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
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
import { hit } from '../../../lib/rateLimit.js';
import type { Viewer } from '../../../lib/viewer.js';
import { accountsByEmails, usersByIds } from '../../accounts/index.js';
import { mailNotices, notify, type NewNotification } from '../../messaging/index.js';
import {
  bookableSessions,
  lockSession,
  organisesSession,
  releaseSeats,
  type BookableSession,
} from '../../offers/index.js';
import { participantOfCancelToken } from '../links.js';
import { bookingPolicy as policy } from '../policy.js';
import { presentBooking, type BookingDto } from '../presenter.js';
import { loadBooking, type BookingRow } from '../rows.js';
import { bookings, participants } from '../tables.js';
import { cancelLocked, promoteWaitlist } from './lifecycle.js';
import { bookingEvent, notifyParticipantsConfirmed, organiserNotices, whereData } from './notices.js';

type ParticipantRow = typeof participants.$inferSelect;
/** Who changes a seat: the booking's booker, the session's organisers, or the participant by their link. */
type Actor = { kind: 'BOOKER' | 'ORGANISER'; userId: string } | { kind: 'PARTICIPANT' };

const ACTIVE_STATES = ['CONFIRMED', 'OFFERED', 'WAITLISTED'] as const;

/** The participant and their booking, as the viewer may change them; NOT_FOUND when hidden from them. */
async function seatFor(deps: Deps, viewer: Viewer, bookingId: string, participantId: string) {
  const [found] = await deps.db
    .select({ participant: participants, booking: bookings })
    .from(participants)
    .innerJoin(bookings, eq(bookings.id, participants.bookingId))
    .where(
      and(
        eq(participants.id, assertId(participantId, 'No such participant')),
        eq(bookings.id, assertId(bookingId, 'No such booking')),
      ),
    );
  if (!found) throw notFound('No such participant');
  const session = (await bookableSessions(deps.db, [found.booking.sessionId])).get(found.booking.sessionId)!;
  const organiser = await organisesSession(deps.db, session, viewer.id);
  const as = policy.cancelAs(viewer, found.booking, organiser);
  if (as === 'NOT_FOUND') throw notFound('No such participant');
  if (as === 'FORBIDDEN') throw forbidden();
  const actor: Actor = { kind: as === 'BY_BOOKER' ? 'BOOKER' : 'ORGANISER', userId: viewer.id };
  return { ...found, actor };
}

/**
 * Re-reads the booking and participant under the session's lock and checks that the seat may
 * change now: the booking is live, the person still on it, the session not started or cancelled,
 * and for the booker or participant, a confirmed seat's cancellation deadline not passed.
 */
async function lockedSeat(tx: Database, bookingId: string, participantId: string, actor: Actor) {
  const { session, booking: current } = await lockedBooking(tx, bookingId);
  const [participant] = await tx
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.bookingId, bookingId)));
  if (!participant || participant.anonymisedAt) throw notFound('No such participant');
  if (actor.kind !== 'ORGANISER' && !policy.bookerDeadlineOpen(current!, session.cancellationDeadline, new Date())) {
    throw new AppError('CANCELLATION_CLOSED', 'The cancellation deadline has passed', {
      deadline: session.cancellationDeadline.toISOString(),
    });
  }
  return { session, booking: current, participant };
}

/** The booking, re-read under its session's lock: live, its session neither cancelled nor started. */
async function lockedBooking(tx: Database, bookingId: string) {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, bookingId));
  const session = await lockSession(tx, booking!.sessionId);
  const [current] = await tx.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!(ACTIVE_STATES as readonly string[]).includes(current!.state)) throw invalidState('a booking', current!.state);
  if (session.cancelledAt) throw invalidState('a session', 'CANCELLED');
  if (session.startsAt <= new Date()) throw new AppError('SESSION_STARTED', 'The session has started');
  return { session, booking: current! };
}

/** The notice for a person who lost their seat (an account's, or an e-mail to the address). */
async function toldOfLostSeat(
  tx: Database,
  session: BookableSession,
  booking: BookingRow,
  participant: ParticipantRow,
  bookerLocale: Locale,
) {
  const data = {
    ...bookingEvent(booking, session, 'BOOKING_CANCELLED', { previousState: booking.state }).data,
    role: 'PARTICIPANT',
    event: 'SEAT_CANCELLED',
    seatCancelled: true,
    participantId: participant.id,
    path: `/offers/${session.offerId}`,
  };
  const account = (await accountsByEmails(tx, [participant.email])).get(participant.email.toLowerCase());
  if (account?.id === booking.bookedBy) return;
  if (account) await notify(tx, [{ userId: account.id, type: 'BOOKING_CANCELLED', data }]);
  else await mailNotices(tx, [{ to: participant.email, locale: bookerLocale, type: 'BOOKING_CANCELLED', data }]);
}

/** The booker's notice of a change to their booking that someone else made. */
function bookerNotice(booking: BookingRow, session: BookableSession, event: 'SEAT_CANCELLED' | 'SEAT_REPLACED') {
  return bookingEvent(booking, session, 'BOOKING_CHANGED', { event, ...whereData(session) });
}

async function cancelSeat(deps: Deps, bookingId: string, participantId: string, actor: Actor): Promise<BookingDto> {
  return deps.db.transaction(async (tx) => {
    const { session, booking, participant } = await lockedSeat(tx, bookingId, participantId, actor);
    const by = actor.kind === 'ORGANISER' ? 'BY_ORGANISER' : 'BY_BOOKER';
    const actorId = actor.kind === 'PARTICIPANT' ? null : actor.userId;
    // The last one named (or the last seat): the booking goes (its booker and organisers are told as
    // for any cancellation). A booking may hold seats not yet named (a match's hold names its booker).
    const [named] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(participants)
      .where(eq(participants.bookingId, booking.id));
    if (booking.seats <= 1 || (named?.n ?? 0) <= 1) {
      return presentBooking(
        await cancelLocked(tx, session, booking.id, booking.state === 'OFFERED' ? 'DECLINED' : by, true, actorId),
      );
    }
    const bookerLocale = (await usersByIds({ db: tx }, [booking.bookedBy])).get(booking.bookedBy)?.locale ?? 'fi';
    await toldOfLostSeat(tx, session, booking, participant, bookerLocale);
    await tx.delete(participants).where(eq(participants.id, participant.id));
    const [row] = await tx
      .update(bookings)
      .set({ seats: sql`${bookings.seats} - 1`, updatedAt: sql`now()` })
      .where(eq(bookings.id, booking.id))
      .returning();
    const notices: NewNotification[] = [];
    if (actor.kind !== 'BOOKER') notices.push(bookerNotice(row!, session, 'SEAT_CANCELLED'));
    if (booking.state !== 'WAITLISTED') {
      notices.push(
        ...(await organiserNotices(tx, session, 'COURSE_BOOKING_CANCELLED', { count: 1, event: by }, actorId)),
      );
    }
    await notify(tx, notices);
    if (booking.state !== 'WAITLISTED') {
      await releaseSeats(tx, session, 1);
      await promoteWaitlist(tx, session);
    }
    return presentBooking(row!);
  });
}

/** The booker or an organiser cancels one participant's seat. */
export async function cancelParticipant(
  deps: Deps,
  viewer: Viewer | null,
  bookingId: string,
  participantId: string,
): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const { booking, participant, actor } = await seatFor(deps, viewer, bookingId, participantId);
  return cancelSeat(deps, booking.id, participant.id, actor);
}

/** The participant's own link (in their confirmation): cancels their seat, with the booker's deadline. */
export async function cancelParticipantWithToken(deps: Deps, token: string): Promise<BookingDto> {
  const id = participantOfCancelToken(deps, token);
  if (!id) throw new AppError('TOKEN_INVALID', 'The link is invalid');
  const [row] = await deps.db.select().from(participants).where(eq(participants.id, id));
  // A seat cancelled or changed already: the link has done its work.
  if (!row) throw new AppError('TOKEN_INVALID', 'The link is no longer valid');
  return cancelSeat(deps, row.bookingId, row.id, { kind: 'PARTICIPANT' });
}

const replacementSchema = z.object({ participant: participantSchema });

/**
 * Naming people sends each of them e-mail: one person names at most PARTICIPANT_CHANGES_PER_HOUR
 * (replacements and additions together), so that no booking becomes a way to mail anyone at will.
 */
export const PARTICIPANT_CHANGES_PER_HOUR = 30;

async function countChange(deps: Deps, viewerId: string): Promise<void> {
  const result = await hit(deps.db, `participant-change:${viewerId}`, 3600, PARTICIPANT_CHANGES_PER_HOUR);
  if (!result.allowed) {
    throw new AppError('RATE_LIMITED', 'Too many participant changes; try again later', {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

/**
 * The booker or an organiser gives a participant's seat to someone else: the old person is told
 * their seat is gone, the new one gets their own confirmation (for a confirmed booking). A person
 * already on the booking cannot be added twice (VALIDATION on participant.email).
 */
export async function replaceParticipant(
  deps: Deps,
  viewer: Viewer | null,
  bookingId: string,
  participantId: string,
  input: unknown,
): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const { participant: next } = parseInput(replacementSchema, { participant: input });
  const { booking: found, participant: old, actor } = await seatFor(deps, viewer, bookingId, participantId);
  await countChange(deps, viewer.id);
  return deps.db.transaction(async (tx) => {
    const { session, booking, participant } = await lockedSeat(tx, found.id, old.id, actor);
    const [twin] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(
        and(
          eq(participants.bookingId, booking.id),
          ne(participants.id, participant.id),
          sql`lower(${participants.email}) = ${next.email}`,
        ),
      );
    if (twin) throw validationError([{ field: 'participant.email', message: 'validation.participantTwice' }]);
    const sameEmail = participant.email.toLowerCase() === next.email;
    const bookerLocale = (await usersByIds({ db: tx }, [booking.bookedBy])).get(booking.bookedBy)?.locale ?? 'fi';
    if (!sameEmail) await toldOfLostSeat(tx, session, booking, participant, bookerLocale);
    await tx
      .update(participants)
      .set({ name: next.name, email: next.email, ...(sameEmail ? {} : { attended: null }) })
      .where(eq(participants.id, participant.id));
    // The new person gets their own confirmation (their event and cancel link), as the others did.
    if (!sameEmail && booking.state === 'CONFIRMED') {
      await notifyParticipantsConfirmed(tx, booking, session, participant.id);
    }
    if (actor.kind !== 'BOOKER') await notify(tx, [bookerNotice(booking, session, 'SEAT_REPLACED')]);
    return presentBooking(booking);
  });
}

/**
 * The booker or the session's organisers name a seat the booking holds but names nobody for (a
 * match's hold names only its booker), until the start. The person gets their own confirmation
 * for a confirmed booking. VALIDATION on participant.email for someone already on the booking, and
 * on participant (validation.noUnnamedSeat) when every seat is named.
 */
export async function addParticipant(
  deps: Deps,
  viewer: Viewer | null,
  bookingId: string,
  input: unknown,
): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const { participant: next } = parseInput(replacementSchema, { participant: input });
  const found = await loadBooking(deps.db, bookingId);
  const session = (await bookableSessions(deps.db, [found.sessionId])).get(found.sessionId)!;
  const as = policy.cancelAs(viewer, found, await organisesSession(deps.db, session, viewer.id));
  if (as === 'NOT_FOUND') throw notFound('No such booking');
  if (as === 'FORBIDDEN') throw forbidden();
  await countChange(deps, viewer.id);
  return deps.db.transaction(async (tx) => {
    const { session: locked, booking } = await lockedBooking(tx, found.id);
    const named = await tx
      .select({ email: participants.email, position: participants.position })
      .from(participants)
      .where(eq(participants.bookingId, booking.id));
    if (named.length >= booking.seats) {
      throw validationError([{ field: 'participant', message: 'validation.noUnnamedSeat' }]);
    }
    if (named.some((p) => p.email.toLowerCase() === next.email)) {
      throw validationError([{ field: 'participant.email', message: 'validation.participantTwice' }]);
    }
    const position = Math.max(-1, ...named.map((p) => p.position)) + 1;
    const [row] = await tx
      .insert(participants)
      .values({ bookingId: booking.id, position, name: next.name, email: next.email })
      .returning({ id: participants.id });
    if (booking.state === 'CONFIRMED') await notifyParticipantsConfirmed(tx, booking, locked, row!.id);
    return presentBooking(booking);
  });
}
