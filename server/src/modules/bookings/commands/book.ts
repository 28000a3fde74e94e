/**
 * Booking seats. Every change to a session's seats happens in a transaction holding that
 * session's row lock (offers' `lockSession`): bookings, cancellations, claims and promotions on one
 * session therefore run one after another, in arrival order, and the CHECK on seats_taken makes
 * overselling impossible even for a bug in this file. One booker holds at most the session's
 * `maxSeatsPerBooker` seats (confirmed, offered and waitlisted together), counted under that lock.
 */
import { billingRequired, bookSeatsWithBillingSchema, DEFAULT_CHANNEL, type BookingState } from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isUniqueViolation, preparedRows, type Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated, validationError } from '../../../errors.js';
import { assertId } from '../../../lib/ids.js';
import type { Viewer } from '../../../lib/viewer.js';
import { getUser, liveAccountCte, lockLiveAccount } from '../../accounts/index.js';
import { NOTIFY_CTES, notify } from '../../messaging/index.js';
import { getNeed } from '../../needs/index.js';
import {
  bookableSessions,
  lockSession,
  takeFreeSeatsCtes,
  takeSeats,
  touchSession,
  type BookableSession,
} from '../../offers/index.js';
import { roleIn } from '../../organisations/index.js';
import { assertMayBillFor, saveBilling } from '../billing.js';
import { bookingPolicy as policy } from '../policy.js';
import { presentBooking, type BookingDto } from '../presenter.js';
import { bookings, participants } from '../tables.js';
import { ACTIVE, BOOKINGS_PATH, bookingEvent, organiserBookedInput, organiserNotices } from './lifecycle.js';
import { notifyParticipantsConfirmed } from './notices.js';
import { findByKey, requestHash, sameRequest } from './idempotency.js';

export type BookSeatsData = ReturnType<typeof bookSeatsWithBillingSchema.parse>;
type People = { name: string; email: string }[];

const overCap = (session: Pick<BookableSession, 'maxSeatsPerBooker'>, held: number, asked: number) =>
  new AppError('SEATS_PER_BOOKER', `One booker may hold at most ${session.maxSeatsPerBooker} seats on this session`, {
    maxSeatsPerBooker: session.maxSeatsPerBooker,
    seatsHeld: held,
    seatsAsked: asked,
  });

/** Seats the booker holds or waits for on the session; under the session lock, exact. */
async function seatsHeldBy(db: Database, sessionId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ seats: sql<number>`coalesce(sum(${bookings.seats}), 0)::int` })
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), eq(bookings.bookedBy, userId), inArray(bookings.state, ACTIVE)));
  return row?.seats ?? 0;
}

/** A booking confirmed at once: the session had the seats free (see `bookIfFree`). */
interface FreeSeatsBooking {
  id: string;
  session_id: string;
  booked_by: string;
  state: BookingState;
  seats: number;
  queue_number: string | number;
  idempotency_key: string;
  request_hash: string | null;
  need_id: string | null;
  offered_until: Date | string | null;
  confirmed_at: Date | string | null;
  offered_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null) => (v === null ? null : date(v));

/**
 * The common case in one statement, so one round trip and its own transaction: when the session
 * has the seats free and the booker stays within the session's cap, take them with a conditional
 * UPDATE (offers' `takeFreeSeatsCtes`, which locks the session's row, as `lockSession` does, and
 * marks the course due for re-indexing), insert the booking and its participants and record the
 * confirmation (notification and e-mail, messaging's `NOTIFY_CTES`, as `notify` does). Returns
 * null, having changed nothing, when the seats are not free, the cap would be passed, registration
 * is closed, or the session's row changed after this statement's snapshot: `bookUnderLock` then
 * decides under the lock. A repeated idempotency key violates the unique index, which undoes the
 * whole statement, and returns the first booking.
 *
 * The booker's account row is held first (`booker`, FOR KEY SHARE, as the booking's foreign key
 * would hold it), before the session's: `held` has a row only while the account is live, so a
 * booking that waited for an erasure books nothing, and an erasure waits for a booking in flight
 * and then cancels it (privacy's erasure locks the account first, then sessions).
 *
 * Why the row's version: the booker's seats are counted in the statement's snapshot, and a
 * statement that waits for the row lock goes on with that snapshot, re-checking only the session's
 * row (READ COMMITTED). A booking by the same booker that committed meanwhile would go uncounted,
 * and parallel requests could pass the cap together. Every booking writes the session's row (its
 * seats, or `touchSession` for the waitlist), so an unchanged `xmin` proves that none came in.
 */
async function bookIfFree(
  deps: Deps,
  viewerId: string,
  data: BookSeatsData,
  people: People,
): Promise<BookingDto | null> {
  const sessionId = assertId(data.sessionId, 'No such session');
  try {
    const [row] = await preparedRows<FreeSeatsBooking>(
      deps.db,
      'book-if-free',
      sql`
      with ${liveAccountCte('booker', viewerId)},
      held as (
        select coalesce(sum(b.seats), 0) as seats from booker
        left join bookings b on b.session_id = ${sessionId} and b.booked_by = booker.id
          and b.state in ('CONFIRMED', 'OFFERED', 'WAITLISTED')
        group by booker.id
      ),
      ${takeFreeSeatsCtes(sessionId, people.length, { from: sql`held`, seats: sql`held.seats` })},
      booked as (
        insert into bookings (session_id, booked_by, state, seats, idempotency_key, request_hash, need_id, confirmed_at)
        select id, ${viewerId}, 'CONFIRMED', ${people.length}, ${data.idempotencyKey}, ${requestHash(data)},
          ${data.needId}::uuid, now()
        from taken
        returning *
      ),
      named as (
        insert into booking_participants (booking_id, position, name, email)
        select booked.id, p.ord - 1, p.value ->> 'name', p.value ->> 'email'
        from booked, jsonb_array_elements(${JSON.stringify(people)}::jsonb) with ordinality as p(value, ord)
      ),
      n_input as (
        select booked.booked_by as user_id, 'BOOKING_CONFIRMED' as type,
          jsonb_build_object(
            'bookingId', booked.id, 'sessionId', taken.id, 'offerId', taken.offer_id, 'title', taken.title,
            'startsAt', to_char(taken.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'seats', booked.seats, 'offeredUntil', null, 'path', ${BOOKINGS_PATH}::text
          ) as data,
          ${DEFAULT_CHANNEL.BOOKING_CONFIRMED}::text as default_channel, false as digest
        from booked, taken
        union all
        ${organiserBookedInput()}
      ),
      ${NOTIFY_CTES}
      select booked.* from booked`,
    );
    if (!row) return null;
    return presentBooking({
      id: row.id,
      sessionId: row.session_id,
      bookedBy: row.booked_by,
      state: row.state,
      seats: row.seats,
      queueNumber: Number(row.queue_number),
      idempotencyKey: row.idempotency_key,
      requestHash: row.request_hash,
      needId: row.need_id,
      offeredUntil: dateOrNull(row.offered_until),
      confirmedAt: dateOrNull(row.confirmed_at),
      offeredAt: dateOrNull(row.offered_at),
      cancelledAt: dateOrNull(row.cancelled_at),
      cancelReason: row.cancel_reason,
      createdAt: date(row.created_at),
      updatedAt: date(row.updated_at),
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'bookings_idempotency_unique')) throw error;
    const first = await findByKey(deps.db, viewerId, data.idempotencyKey);
    if (!first) throw error;
    return presentBooking(sameRequest(first, data));
  }
}

/**
 * Books seats on a session for named participants (the booker alone by default). When fewer seats
 * are free than asked, `whenShort` decides: TAKE_AVAILABLE books the first participants that fit,
 * JOIN_WAITLIST queues them all; without it the answer is SEATS_EXHAUSTED with the free count.
 * One booker holds at most the session's `maxSeatsPerBooker` seats, whatever is free:
 * SEATS_PER_BOOKER with the cap and what they hold. The same idempotency key with the same
 * request returns the first booking, however often it is repeated; with another request it is
 * IDEMPOTENCY_KEY_REUSED. With `needId`, the booking answers that COURSE need (see
 * `bookingPolicy.bookForNeed`): once confirmed, at once or from the waitlist, it is a match made.
 */
export async function bookSeats(deps: Deps, viewer: Viewer | null, input: unknown): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(bookSeatsWithBillingSchema, input);
  if (data.needId) {
    const refusal = await needRefusal(deps, viewer, data.needId);
    if (refusal) {
      // A retry of a booking made while the need could still be booked for gets that booking.
      const first = await findByKey(deps.db, viewer.id, data.idempotencyKey);
      if (first) return presentBooking(sameRequest(first, data));
      throw refusal;
    }
  }
  const name = viewer.displayName ?? (await getUser(deps, viewer.id))?.displayName ?? viewer.email;
  const people = data.participants ?? [{ name, email: viewer.email }];
  await assertMayBillFor(deps.db, viewer, data.billing);
  // Billing details are written in the booking's transaction, and whether a booking needs them is
  // decided on the locked session's price: such bookings take the locked path. (A one-seat booking
  // without them never needs them.)
  const sessionId = data.sessionId.toLowerCase();
  const mayNeedBilling =
    data.billing !== null ||
    (people.length > 1 && (await bookableSessions(deps.db, [sessionId])).get(sessionId)?.priceCents !== 0);
  // A booking that names others takes the locked path too: each participant is told of their seat.
  const selfOnly = people.every((p) => p.email.toLowerCase() === viewer.email.toLowerCase());
  if (!mayNeedBilling && selfOnly) {
    const booked = await bookIfFree(deps, viewer.id, data, people);
    if (booked) return booked;
  }
  return bookUnderLock(deps, viewer, data, people);
}

/**
 * VALIDATION when a booking of this session needs billing details and has none (shared's
 * `billingRequired`): on the `billing` field, so that the form asks for them.
 */
function checkBilling(session: BookableSession, data: BookSeatsData, seatsAsked: number): void {
  if (data.billing === null && billingRequired(session.priceCents, seatsAsked, false)) {
    throw validationError([{ field: 'billing', message: 'validation.billingRequired' }]);
  }
}

/** Why the viewer may not book a course for this need, or null when they may. */
async function needRefusal(deps: Deps, viewer: Viewer, needId: string): Promise<AppError | null> {
  // Null when there is no such need or the viewer may not read it (needs' rule).
  const need = await getNeed(deps, viewer, needId);
  const member =
    need?.organisationId && need.postedBy !== viewer.id
      ? (await roleIn(deps.db, need.organisationId, viewer.id)) !== null
      : false;
  switch (policy.bookForNeed(viewer, need, member)) {
    case 'ALLOWED':
      return null;
    case 'NOT_FOUND':
      return notFound('No such need');
    case 'FORBIDDEN':
      return forbidden('Only the need’s poster and their company’s members book courses for it');
    case 'NEED_NOT_BOOKABLE':
      return new AppError('NEED_NOT_BOOKABLE', 'Courses are booked only for open or expired COURSE needs', {
        kind: need!.kind,
        state: need!.state,
      });
  }
}

/** Every other case, decided under the session's row lock: closed, too few seats, the waitlist. */
async function bookUnderLock(deps: Deps, viewer: Viewer, data: BookSeatsData, people: People): Promise<BookingDto> {
  return deps.db.transaction(async (tx) => {
    // The account first, as erasure locks it before sessions: an erased booker books nothing.
    if (!(await lockLiveAccount(tx, viewer.id))) throw unauthenticated();
    const session = await lockSession(tx, data.sessionId);
    // A twin request may have committed while this one waited for the lock.
    const twin = await findByKey(tx, viewer.id, data.idempotencyKey);
    if (twin) return presentBooking(sameRequest(twin, data));
    if (!policy.registrationOpen(session, new Date())) {
      throw new AppError('REGISTRATION_CLOSED', 'Registration for this session is closed');
    }
    checkBilling(session, data, people.length);
    // Every booking of this booker on this session has committed or waits behind this lock.
    const held = await seatsHeldBy(tx, session.id, viewer.id);
    if (held + people.length > session.maxSeatsPerBooker) throw overCap(session, held, people.length);
    const free = session.seats - session.seatsTaken;
    let state: BookingState;
    let booked = people;
    if (people.length <= free) state = 'CONFIRMED';
    else if (data.whenShort === 'TAKE_AVAILABLE' && free > 0) {
      state = 'CONFIRMED';
      booked = people.slice(0, free);
    } else if (data.whenShort === 'JOIN_WAITLIST') state = 'WAITLISTED';
    else throw new AppError('SEATS_EXHAUSTED', 'Not enough free seats', { seatsFree: free, seatsAsked: people.length });

    const [row] = await tx
      .insert(bookings)
      .values({
        sessionId: session.id,
        bookedBy: viewer.id,
        state,
        seats: booked.length,
        idempotencyKey: data.idempotencyKey,
        requestHash: requestHash(data),
        needId: data.needId,
        confirmedAt: state === 'CONFIRMED' ? sql`now()` : null,
      })
      .returning();
    await tx
      .insert(participants)
      .values(booked.map((p, position) => ({ bookingId: row!.id, position, name: p.name, email: p.email })));
    // A free session's booking needs no invoice: details sent with one are not kept.
    if (data.billing && session.priceCents > 0) {
      await saveBilling(tx, row!.id, viewer.id, session.priceCents, data.billing);
    }
    if (state === 'CONFIRMED') {
      await takeSeats(tx, session, booked.length);
      await notifyParticipantsConfirmed(tx, row!, session);
    } else await touchSession(tx, session);
    await notify(tx, [
      bookingEvent(row!, session, state === 'CONFIRMED' ? 'BOOKING_CONFIRMED' : 'BOOKING_WAITLISTED'),
      ...(state === 'CONFIRMED'
        ? await organiserNotices(tx, session, 'COURSE_BOOKING_RECEIVED', { count: row!.seats }, viewer.id)
        : await organiserNotices(
            tx,
            session,
            'COURSE_WAITLIST_CHANGED',
            { count: row!.seats, event: 'JOINED' },
            viewer.id,
          )),
    ]);
    return presentBooking(row!);
  });
}
