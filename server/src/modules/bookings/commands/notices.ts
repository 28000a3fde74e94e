/** The notices a booking's or a session's change sends: to bookers, named participants and the organisers. */
/**
 * What happens to bookings when seats move: promotion from the waitlist and cancellation, inside a
 * transaction that holds the session's row lock (offers' `lockSession`). Seats are counted by
 * offers (`takeSeats` / `releaseSeats`); who holds them is decided here.
 */
import {
  DEFAULT_CHANNEL,
  type CancelReason,
  type Locale,
  type SessionChange,
  type WaitlistEvent,
} from '@keskusvaraamo/shared';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { accountsByEmails, usersByIds } from '../../accounts/index.js';
import {
  mailNotices,
  notify,
  type EmailOnlyNotice,
  type NewNotification,
  type NotificationType,
} from '../../messaging/index.js';
import { type BookableSession } from '../../offers/index.js';
import { memberIdsOf, memberIdsOfSql } from '../../organisations/index.js';
import type { BookingRow } from '../rows.js';
import { bookings, participants } from '../tables.js';

import { ACTIVE, BOOKINGS_PATH, manageSessionPath } from './paths.js';

type EventSession = Pick<BookableSession, 'id' | 'offerId' | 'offerTitle' | 'startsAt'> &
  Partial<Pick<BookableSession, 'endsAt' | 'place' | 'municipalityCode' | 'onlineUrl'>>;

/** Where a session is, for a notice that must say it (a cancellation): only what is known. */
export function whereData(session: EventSession) {
  return {
    ...(session.endsAt ? { endsAt: session.endsAt.toISOString() } : {}),
    ...(session.place !== undefined ? { place: session.place } : {}),
    ...(session.municipalityCode !== undefined ? { municipalityCode: session.municipalityCode } : {}),
    ...(session.onlineUrl !== undefined ? { onlineUrl: session.onlineUrl } : {}),
  };
}

/** The notification of a change to a booking, for its booker. */
export function bookingEvent(
  booking: BookingRow,
  session: EventSession,
  type: NotificationType,
  extra: Record<string, unknown> = {},
): NewNotification {
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
      ...extra,
    },
  };
}

/**
 * Notices for the members of the organisation that runs the session (its educators) of what
 * happened to its bookings; `except` is who did it, when they are a member. The data names no
 * booker: seats, the session's fill and the kind of event.
 */
export async function organiserNotices(
  db: Database,
  session: EventSession & Pick<BookableSession, 'organisationId' | 'seats' | 'seatsTaken'>,
  type: Extract<
    NotificationType,
    'COURSE_BOOKING_RECEIVED' | 'COURSE_BOOKING_CANCELLED' | 'COURSE_WAITLIST_CHANGED' | 'COURSE_SESSION_CANCELLED'
  >,
  data: { count: number; event?: WaitlistEvent | CancelReason } & Record<string, unknown>,
  except: string | null = null,
): Promise<NewNotification[]> {
  const members = (await memberIdsOf(db, [session.organisationId])).get(session.organisationId) ?? [];
  return members
    .filter((userId) => userId !== except)
    .map((userId) => ({
      userId,
      type,
      data: {
        sessionId: session.id,
        offerId: session.offerId,
        title: session.offerTitle,
        startsAt: session.startsAt.toISOString(),
        seatsTaken: session.seatsTaken,
        seatsTotal: session.seats,
        path: manageSessionPath(session.id),
        ...data,
      },
    }));
}

/**
 * The booking fast path's notices for the course's organisers (book.ts, composed into its
 * `n_input` with `union all`): COURSE_BOOKING_RECEIVED for every member of the organisation but the
 * booker, with the same data as `organiserNotices`. Reads the statement's `booked` and `taken` CTEs.
 */
export function organiserBookedInput(): SQL {
  return sql`select m.user_id, 'COURSE_BOOKING_RECEIVED' as type,
          jsonb_build_object(
            'sessionId', taken.id, 'offerId', taken.offer_id, 'title', taken.title,
            'startsAt', to_char(taken.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'seatsTaken', taken.seats_taken, 'seatsTotal', taken.seats, 'count', booked.seats,
            'path', '/sessions/' || taken.id || '/manage'
          ) as data,
          ${DEFAULT_CHANNEL.COURSE_BOOKING_RECEIVED}::text as default_channel, false as digest
        from booked, taken, lateral (${memberIdsOfSql(sql`taken.organisation_id`)}) m
        where m.user_id <> booked.booked_by`;
}

/**
 * A notice about a whole session (it moved, it was cancelled, it is soon, its organiser wrote) for the named participants of
 * `list`'s bookings who are not their bookers: a participant with a live, confirmed account gets it
 * as a notification (in the app and as they chose, in their language), one without only by e-mail,
 * in their booker's language. Each person is told once, however many bookings name them.
 */
export async function participantNotices(
  db: Database,
  list: BookingRow[],
  type: Extract<
    NotificationType,
    | 'SESSION_CHANGED'
    | 'SESSION_CANCELLED'
    | 'SESSION_REMINDER'
    | 'SESSION_MESSAGE'
    | 'BOOKING_CONFIRMED'
    | 'BOOKING_CANCELLED'
  >,
  dataOf: (booking: BookingRow) => Record<string, unknown>,
  offerId: string,
  onlyParticipantId: string | null = null,
): Promise<{ inApp: NewNotification[]; byEmail: EmailOnlyNotice[] }> {
  const inApp: NewNotification[] = [];
  const byEmail: EmailOnlyNotice[] = [];
  if (!list.length) return { inApp, byEmail };
  const named = await db
    .select({ id: participants.id, bookingId: participants.bookingId, email: participants.email })
    .from(participants)
    .where(
      and(
        inArray(
          participants.bookingId,
          list.map((b) => b.id),
        ),
        isNull(participants.anonymisedAt),
        onlyParticipantId ? eq(participants.id, onlyParticipantId) : undefined,
      ),
    )
    .orderBy(asc(participants.bookingId), asc(participants.position));
  if (!named.length) return { inApp, byEmail };
  const bookers = await usersByIds(
    { db },
    list.map((b) => b.bookedBy),
  );
  const accounts = await accountsByEmails(
    db,
    named.map((p) => p.email),
  );
  const told = new Set<string>(list.map((b) => b.bookedBy));
  const toldEmails = new Set<string>([...bookers.values()].map((u) => u.email.toLowerCase()));
  const byId = new Map(list.map((b) => [b.id, b]));
  for (const p of named) {
    const email = p.email.toLowerCase();
    if (toldEmails.has(email)) continue;
    toldEmails.add(email);
    const booking = byId.get(p.bookingId)!;
    // `event` says what applies to the reader: a participant, not the booker (`state` stays the booking's).
    // `participantId` names their own seat: their calendar event and the link that cancels it.
    const data = {
      ...dataOf(booking),
      event: 'PARTICIPANT',
      role: 'PARTICIPANT',
      participantId: p.id,
      path: `/offers/${offerId}`,
    };
    const account = accounts.get(email);
    if (account) {
      if (told.has(account.id)) continue;
      told.add(account.id);
      inApp.push({ userId: account.id, type, data });
    } else {
      const locale: Locale = bookers.get(booking.bookedBy)?.locale ?? 'fi';
      byEmail.push({ to: p.email, locale, type, data });
    }
  }
  return { inApp, byEmail };
}

/**
 * Tells everyone booked on a session that its time, place or online link changed (`changes`,
 * before and after): each booker of a confirmed, offered or waitlisted booking with what applies
 * to their booking (`event` is its state; a confirmed booking's e-mail carries the calendar update),
 * and their named participants. Cancelled bookings are not told. The caller holds the session's
 * lock, after the change was written (the session's calendar sequence already bumped).
 */
export async function notifySessionChanged(
  db: Database,
  session: BookableSession,
  changes: SessionChange[],
): Promise<number> {
  if (!changes.length) return 0;
  const active = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), inArray(bookings.state, ACTIVE)))
    .orderBy(asc(bookings.queueNumber));
  const dataOf = (b: BookingRow) => ({ event: b.state, state: b.state, changes, ...whereData(session) });
  const bookerNotices = active.map((b) => bookingEvent(b, session, 'SESSION_CHANGED', dataOf(b)));
  const { inApp, byEmail } = await participantNotices(
    db,
    active,
    'SESSION_CHANGED',
    (b) => ({
      ...bookingEvent(b, session, 'SESSION_CHANGED', dataOf(b)).data,
    }),
    session.offerId,
  );
  await notify(db, [...bookerNotices, ...inApp]);
  await mailNotices(db, byEmail);
  return bookerNotices.length + inApp.length + byEmail.length;
}

/**
 * Gives freed seats to the waitlist in arrival order: every waiting booking that fits, on a free
 * course confirmed at once, on a paid course offered for the course's claim window. The caller
 * holds the session lock (or this takes it).
 */

/**
 * A confirmed booking's named participants (not its booker; or only `onlyParticipantId`, a seat given
 * to someone new) are told that they have a seat, each
 * with their own calendar invitation and the link that cancels their seat only (bookings' e-mail
 * port adds both). Called wherever a booking becomes confirmed, in its transaction.
 */
export async function notifyParticipantsConfirmed(
  db: Database,
  booking: BookingRow,
  session: EventSession,
  onlyParticipantId: string | null = null,
): Promise<void> {
  const { inApp, byEmail } = await participantNotices(
    db,
    [booking],
    'BOOKING_CONFIRMED',
    (b) => bookingEvent(b, session, 'BOOKING_CONFIRMED', whereData(session)).data,
    session.offerId,
    onlyParticipantId,
  );
  await notify(db, inApp);
  await mailNotices(db, byEmail);
}
