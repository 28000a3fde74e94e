/**
 * Booking use cases. Every change to a session's seats happens in a transaction holding that
 * session's row lock (offers' `lockSession`): bookings, cancellations, claims and promotions on one
 * session therefore run one after another, in arrival order, and the CHECK on seats_taken makes
 * overselling impossible even for a bug in this file. One booker holds at most the session's
 * `maxSeatsPerBooker` seats (confirmed, offered and waitlisted together), counted under that lock.
 */
import { createHash } from 'node:crypto';
import { bookSeatsSchema, DEFAULT_CHANNEL, type BookingState } from '@keskusvaraamo/shared';
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, preparedRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, invalidState, notFound, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { getUser, usersByIds } from '../accounts/index.js';
import type { Viewer } from '../../lib/viewer.js';
import { memberIdsOf, userOrganisationIds } from '../organisations/index.js';
import { NOTIFY_CTES, notify, type NewNotification, type NotificationType } from '../messaging/index.js';
import {
  bookableSessions,
  changeSeatsTaken,
  lockSession,
  markSessionCancelled,
  organisesSession,
  sessionIdsOrganisedBy,
  sessionsPastDecision,
  touchSession,
  type BookableSession,
} from '../offers/service.js';
import { bookingOfCancelToken } from './links.js';
import { bookingPolicy as policy } from './policy.js';
import { presentBooking, presentParticipant, type BookingDto, type ParticipantDto } from './presenter.js';
import { bookings, participants } from './tables.js';

type BookingRow = typeof bookings.$inferSelect;

export const CANCEL_REASONS = [
  'BY_BOOKER',
  'BY_ORGANISER',
  'DECLINED',
  'CLAIM_EXPIRED',
  'SESSION_CANCELLED',
  'MINIMUM_NOT_REACHED',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

const HOLDS_SEATS: readonly BookingState[] = ['CONFIRMED', 'OFFERED'];
/** What counts against a booker's cap on a session: every booking that holds or waits for seats. */
const ACTIVE: BookingState[] = ['CONFIRMED', 'OFFERED', 'WAITLISTED'];

type BookSeatsData = ReturnType<typeof bookSeatsSchema.parse>;

/**
 * What a booking request asked for: its session and its participants as given (none: the booker
 * alone). A retry sends the same and gets the first booking; the same key with anything else is
 * IDEMPOTENCY_KEY_REUSED.
 */
function requestHash(data: BookSeatsData): string {
  const asked = { sessionId: data.sessionId.toLowerCase(), participants: data.participants };
  return createHash('sha256').update(JSON.stringify(asked)).digest('base64url');
}

/** The first booking made with this key, when the request is the same one again. */
function sameRequest(first: BookingRow, data: BookSeatsData): BookingRow {
  // Bookings made before requests were hashed are compared by their session only.
  const same =
    first.requestHash === null
      ? first.sessionId === data.sessionId.toLowerCase()
      : first.requestHash === requestHash(data);
  if (!same) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another booking request; make a new key for a new request',
    );
  }
  return first;
}

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

async function findByKey(db: Database, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.bookedBy, userId), eq(bookings.idempotencyKey, key)));
  return row;
}

async function load(db: Database, id: string): Promise<BookingRow> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(eq(bookings.id, assertId(id, 'No such booking')));
  if (!row) throw notFound('No such booking');
  return row;
}

const BOOKINGS_PATH = '/my/bookings';

type EventSession = Pick<BookableSession, 'id' | 'offerId' | 'offerTitle' | 'startsAt'>;

function bookingEvent(booking: BookingRow, session: EventSession, type: NotificationType): NewNotification {
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
 * UPDATE (which locks the session's row, as `lockSession` does), insert the booking and its
 * participants, mark the course due for re-indexing and record the confirmation (notification and
 * e-mail, as `notify` does). Returns null, having changed nothing, when the seats are not free,
 * the cap would be passed, registration is closed, or the session's row changed after this
 * statement's snapshot: `bookUnderLock` then decides under the lock. A repeated idempotency key
 * violates the unique index, which undoes the whole statement, and returns the first booking.
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
  people: { name: string; email: string }[],
): Promise<BookingDto | null> {
  const sessionId = assertId(data.sessionId, 'No such session');
  try {
    const [row] = await preparedRows<FreeSeatsBooking>(
      deps.db,
      'book-if-free',
      sql`
      with held as (
        select coalesce(sum(b.seats), 0) as seats from bookings b
        where b.session_id = ${sessionId} and b.booked_by = ${viewerId}
          and b.state in ('CONFIRMED', 'OFFERED', 'WAITLISTED')
      ),
      seen as (select s.xmin as version from course_sessions s where s.id = ${sessionId}),
      taken as (
        update course_sessions cs set seats_taken = cs.seats_taken + ${people.length}
        from offers o, held, seen
        where cs.id = ${sessionId} and o.id = cs.offer_id and o.state = 'PUBLISHED'
          and cs.cancelled_at is null and cs.registration_deadline > now()
          and cs.seats - cs.seats_taken >= ${people.length}
          and held.seats + ${people.length} <= least(cs.max_seats_per_booker, cs.seats)
          and cs.xmin = seen.version
        returning cs.id, cs.offer_id, cs.starts_at, o.title
      ),
      booked as (
        insert into bookings (session_id, booked_by, state, seats, idempotency_key, request_hash, confirmed_at)
        select id, ${viewerId}, 'CONFIRMED', ${people.length}, ${data.idempotencyKey}, ${requestHash(data)}, now()
        from taken
        returning *
      ),
      named as (
        insert into booking_participants (booking_id, position, name, email)
        select booked.id, p.ord - 1, p.value ->> 'name', p.value ->> 'email'
        from booked, jsonb_array_elements(${JSON.stringify(people)}::jsonb) with ordinality as p(value, ord)
      ),
      due as (
        update search_items si set refresh_at = now() from taken
        where si.id = taken.offer_id and (si.refresh_at is null or si.refresh_at > now())
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
 * IDEMPOTENCY_KEY_REUSED.
 */
export async function bookSeats(deps: Deps, viewer: Viewer | null, input: unknown): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(bookSeatsSchema, input);
  const name = viewer.displayName ?? (await getUser(deps, viewer.id))?.displayName ?? viewer.email;
  const people = data.participants ?? [{ name, email: viewer.email }];
  return (await bookIfFree(deps, viewer.id, data, people)) ?? bookUnderLock(deps, viewer, data, people);
}

/** Every other case, decided under the session's row lock: closed, too few seats, the waitlist. */
async function bookUnderLock(
  deps: Deps,
  viewer: Viewer,
  data: BookSeatsData,
  people: { name: string; email: string }[],
): Promise<BookingDto> {
  return deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, data.sessionId);
    // A twin request may have committed while this one waited for the lock.
    const twin = await findByKey(tx, viewer.id, data.idempotencyKey);
    if (twin) return presentBooking(sameRequest(twin, data));
    if (session.offerState !== 'PUBLISHED' || session.cancelledAt || session.registrationDeadline <= new Date()) {
      throw new AppError('REGISTRATION_CLOSED', 'Registration for this session is closed');
    }
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
        confirmedAt: state === 'CONFIRMED' ? sql`now()` : null,
      })
      .returning();
    await tx
      .insert(participants)
      .values(booked.map((p, position) => ({ bookingId: row!.id, position, name: p.name, email: p.email })));
    if (state === 'CONFIRMED') await changeSeatsTaken(tx, session, booked.length);
    else await touchSession(tx, session);
    await notify(tx, [bookingEvent(row!, session, state === 'CONFIRMED' ? 'BOOKING_CONFIRMED' : 'BOOKING_WAITLISTED')]);
    return presentBooking(row!);
  });
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
    await changeSeatsTaken(db, session, booking.seats);
    await notify(db, [bookingEvent(row, session, paid ? 'BOOKING_OFFERED' : 'BOOKING_PROMOTED')]);
    promoted++;
  }
  return promoted;
}

/** Cancels one booking inside a transaction that holds its session's lock; frees and passes on its seats. */
async function cancelLocked(
  db: Database,
  session: BookableSession,
  bookingId: string,
  reason: CancelReason,
  promote = true,
) {
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
  if (HOLDS_SEATS.includes(before.state)) await changeSeatsTaken(db, session, -before.seats);
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

export async function cancelBooking(deps: Deps, viewer: Viewer | null, id: string): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const booking = await load(deps.db, id);
  const session = (await bookableSessions(deps.db, [booking.sessionId])).get(booking.sessionId)!;
  const organiser = await organisesSession(deps.db, session, viewer.id);
  const asOrganiser = policy.cancelAsOrganiser(viewer, organiser);
  if (!policy.cancelAsBooker(viewer, booking) && !asOrganiser) {
    throw policy.read(viewer, booking, organiser) ? forbidden() : notFound('No such booking');
  }
  return cancelWithRules(deps, booking, policy.cancelAsBooker(viewer, booking) ? 'BY_BOOKER' : 'BY_ORGANISER');
}

/** The e-mail link: cancels as the booker would, with the booker's deadline. */
export async function cancelBookingWithToken(deps: Deps, token: string): Promise<BookingDto> {
  const id = bookingOfCancelToken(deps, token);
  if (!id) throw new AppError('TOKEN_INVALID', 'The link is invalid');
  return cancelWithRules(deps, await load(deps.db, id), 'BY_BOOKER');
}

async function cancelWithRules(deps: Deps, booking: BookingRow, reason: CancelReason): Promise<BookingDto> {
  return deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, booking.sessionId);
    const [current] = await tx.select().from(bookings).where(eq(bookings.id, booking.id));
    if (reason === 'BY_BOOKER' && current!.state === 'CONFIRMED' && session.cancellationDeadline <= new Date()) {
      throw new AppError('CANCELLATION_CLOSED', 'The cancellation deadline has passed', {
        deadline: session.cancellationDeadline.toISOString(),
      });
    }
    const offered = current!.state === 'OFFERED';
    return presentBooking(
      await cancelLocked(tx, session, booking.id, offered && reason === 'BY_BOOKER' ? 'DECLINED' : reason),
    );
  });
}

/** The booker takes the seat held for them, within the claim window. */
export async function claimBooking(deps: Deps, viewer: Viewer | null, id: string): Promise<BookingDto> {
  if (!viewer) throw unauthenticated();
  const booking = await load(deps.db, id);
  if (!policy.claim(viewer, booking)) throw notFound('No such booking');
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
    await notify(tx, [bookingEvent(row, session, 'BOOKING_CONFIRMED')]);
    return presentBooking(row);
  });
}

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

/** Cancels a session and every booking on it; everyone booked is told. */
async function cancelSessionLocked(
  db: Database,
  session: BookableSession,
  reason: 'SESSION_CANCELLED' | 'MINIMUM_NOT_REACHED',
) {
  await markSessionCancelled(db, session, reason);
  const active = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), inArray(bookings.state, ['CONFIRMED', 'OFFERED', 'WAITLISTED'])));
  for (const { id } of active) await cancelLocked(db, session, id, reason, false);
}

export async function cancelSession(deps: Deps, viewer: Viewer | null, sessionId: string): Promise<void> {
  if (!viewer) throw unauthenticated();
  const session = (await bookableSessions(deps.db, [assertId(sessionId, 'No such session')])).get(sessionId);
  if (!session) throw notFound('No such session');
  if (!policy.manageSession(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  await deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.cancelledAt) throw invalidState('a session', 'CANCELLED');
    await cancelSessionLocked(tx, locked, 'SESSION_CANCELLED');
  });
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

export async function getBooking(deps: Deps, viewer: Viewer | null, id: string): Promise<BookingDto | null> {
  if (!viewer) throw unauthenticated();
  let booking: BookingRow;
  try {
    booking = await load(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  const session = (await bookableSessions(deps.db, [booking.sessionId])).get(booking.sessionId)!;
  return policy.read(viewer, booking, await organisesSession(deps.db, session, viewer.id))
    ? presentBooking(booking)
    : null;
}

export async function myBookings(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const mine = eq(bookings.bookedBy, viewer.id);
  const after = cursor
    ? sql`(${bookings.createdAt}, ${bookings.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(bookings)
      .where(and(mine, after))
      .orderBy(desc(bookings.createdAt), desc(bookings.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(bookings).where(mine),
  ]);
  return toConnection(rows.map(presentBooking), size, (b) => [b.createdAt, b.id], total?.n ?? 0);
}

/** A session's bookings with their participants, for its organisers and staff. */
export async function sessionBookings(deps: Deps, viewer: Viewer | null, sessionId: string): Promise<BookingDto[]> {
  if (!viewer) throw unauthenticated();
  const session = (await bookableSessions(deps.db, [assertId(sessionId, 'No such session')])).get(sessionId);
  if (!session) throw notFound('No such session');
  if (!policy.seeParticipants(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  const rows = await deps.db
    .select()
    .from(bookings)
    .where(eq(bookings.sessionId, sessionId))
    .orderBy(asc(bookings.queueNumber));
  return rows.map(presentBooking);
}

/** Participants of each booking; the caller has checked that the viewer may see the booking. */
export async function participantsOf(deps: Deps, bookingIds: string[]): Promise<ParticipantDto[][]> {
  const rows = bookingIds.length
    ? await deps.db
        .select()
        .from(participants)
        .where(inArray(participants.bookingId, bookingIds))
        .orderBy(asc(participants.position))
    : [];
  return bookingIds.map((id) => rows.filter((r) => r.bookingId === id).map(presentParticipant));
}

/** Place in the waitlist (1 = next) of each waitlisted booking; null for others. */
export async function waitlistPositions(deps: Deps, list: BookingDto[]): Promise<(number | null)[]> {
  const waiting = list.filter((b) => b.state === 'WAITLISTED');
  if (waiting.length === 0) return list.map(() => null);
  const rows = await deps.db
    .select({ id: bookings.id, sessionId: bookings.sessionId, queueNumber: bookings.queueNumber })
    .from(bookings)
    .where(
      and(inArray(bookings.sessionId, [...new Set(waiting.map((b) => b.sessionId))]), eq(bookings.state, 'WAITLISTED')),
    )
    .orderBy(asc(bookings.queueNumber));
  return list.map((b) => {
    if (b.state !== 'WAITLISTED') return null;
    return rows.filter((r) => r.sessionId === b.sessionId).findIndex((r) => r.id === b.id) + 1 || null;
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
  const [updated] = await deps.db
    .update(participants)
    .set({ attended })
    .where(eq(participants.id, participantId))
    .returning();
  return presentParticipant(updated!);
}

/** Whether the booker may still cancel each booking (the UI greys out the button otherwise). */
export async function bookerMayCancel(deps: Deps, viewer: Viewer | null, list: BookingDto[]): Promise<boolean[]> {
  const sessions = await bookableSessions(deps.db, [...new Set(list.map((b) => b.sessionId))]);
  const now = new Date();
  return list.map((b) => {
    if (!viewer || b.bookedBy !== viewer.id || b.state === 'CANCELLED') return false;
    return b.state !== 'CONFIRMED' || sessions.get(b.sessionId)!.cancellationDeadline > now;
  });
}

/** The sessions, among these, whose participants the viewer may see: one query for their organisations. */
async function sessionsViewerOrganises(deps: Deps, viewer: Viewer, sessionIds: string[]): Promise<Set<string>> {
  const [sessions, orgIds] = await Promise.all([
    bookableSessions(deps.db, [...new Set(sessionIds)]),
    userOrganisationIds(deps.db, viewer.id),
  ]);
  const mine = new Set(orgIds);
  return new Set(
    [...sessions.values()].filter((s) => policy.seeParticipants(viewer, mine.has(s.organisationId))).map((s) => s.id),
  );
}

/** Who booked: for the organiser and staff only (null for the booker's own view, who knows). */
export async function bookersOf(deps: Deps, viewer: Viewer | null, list: BookingDto[]) {
  if (!viewer) return list.map(() => null);
  const organised = await sessionsViewerOrganises(
    deps,
    viewer,
    list.map((b) => b.sessionId),
  );
  const visible = list.filter((b) => organised.has(b.sessionId));
  const people = await usersByIds(
    deps,
    visible.map((b) => b.bookedBy),
  );
  return list.map((b) => (organised.has(b.sessionId) ? (people.get(b.bookedBy) ?? null) : null));
}

/** Waiting bookings per session, for its organisers and staff; null for others. */
export async function waitlistCounts(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const allowed = [
    ...(await sessionsViewerOrganises(
      deps,
      viewer,
      list.map((s) => s.id),
    )),
  ];
  const rows = allowed.length
    ? await deps.db
        .select({ sessionId: bookings.sessionId, n: count() })
        .from(bookings)
        .where(and(inArray(bookings.sessionId, allowed), eq(bookings.state, 'WAITLISTED')))
        .groupBy(bookings.sessionId)
    : [];
  return list.map((s) => (allowed.includes(s.id) ? (rows.find((r) => r.sessionId === s.id)?.n ?? 0) : null));
}

/** Seats the viewer holds or waits for on each session (for the booking form); null when signed out. */
export async function seatsHeldByViewer(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const ids = [...new Set(list.map((s) => s.id))];
  const rows = ids.length
    ? await deps.db
        .select({ sessionId: bookings.sessionId, seats: sql<number>`sum(${bookings.seats})::int` })
        .from(bookings)
        .where(and(inArray(bookings.sessionId, ids), eq(bookings.bookedBy, viewer.id), inArray(bookings.state, ACTIVE)))
        .groupBy(bookings.sessionId)
    : [];
  return list.map((s) => rows.find((r) => r.sessionId === s.id)?.seats ?? 0);
}

/**
 * What a conversation about each booking needs: its title (the course's) and its parties, the
 * booker and the members of the organisation that runs the course. Unknown ids are left out.
 */
export async function bookingParties(
  db: Database,
  ids: string[],
): Promise<Map<string, { title: string; partyIds: string[] }>> {
  const rows = ids.length
    ? await db
        .select({ id: bookings.id, bookedBy: bookings.bookedBy, sessionId: bookings.sessionId })
        .from(bookings)
        .where(inArray(bookings.id, ids))
    : [];
  const sessions = await bookableSessions(db, [...new Set(rows.map((r) => r.sessionId))]);
  const members = await memberIdsOf(
    db,
    [...sessions.values()].map((s) => s.organisationId),
  );
  return new Map(
    rows.map((r) => {
      const session = sessions.get(r.sessionId)!;
      const partyIds = [...new Set([r.bookedBy, ...(members.get(session.organisationId) ?? [])])];
      return [r.id, { title: session.offerTitle, partyIds }];
    }),
  );
}

/** SQL for the ids of the bookings a user made or whose course their organisation runs, as a subquery. */
export function bookingIdsOfParty(userId: string): SQL {
  return sql`select ${bookings.id} from ${bookings} where ${bookings.bookedBy} = ${userId} or ${bookings.sessionId} in (${sessionIdsOrganisedBy(userId)})`;
}
