/**
 * A session's seats, as the bookings module uses them. Offers owns the session's row, and with it
 * `seats_taken` and the CHECK that keeps it within capacity; bookings decides who holds the seats
 * and changes the count only through these functions (or, for its one-statement booking, the
 * `takeFreeSeatsCtes` fragment), always under the session's row lock.
 */
import type { OfferState, SessionCancelReason } from '@keskusvaraamo/shared';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { markStale, markStaleFrom } from '../search/index.js';
import type { OfferRow, SessionRow } from './rows.js';
import { syncIndex } from './searchDocument.js';
import { courseSessions, offers } from './tables.js';

/** A session as booking sees it: its seats, deadlines and the course it belongs to. */
export interface BookableSession {
  id: string;
  offerId: string;
  organisationId: string;
  offerState: OfferState;
  offerTitle: string;
  claimWindowHours: number;
  /** Hours before the start that its people are reminded of it; 0 for none. */
  reminderHours: number;
  seats: number;
  seatsTaken: number;
  /** Seats one booker may hold, at most the seats. */
  maxSeatsPerBooker: number;
  priceCents: number;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  cancellationDeadline: Date;
  cancelledAt: Date | null;
  minParticipants: number | null;
  decisionAt: Date | null;
  /** Where it is: the place's text, its municipality's code, its online link. */
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
  cancelReason: string | null;
  /** The iCalendar SEQUENCE of its events (see `course_sessions.calendar_sequence`). */
  calendarSequence: number;
}

function toBookable(s: SessionRow, o: OfferRow): BookableSession {
  return {
    id: s.id,
    offerId: o.id,
    organisationId: o.organisationId,
    offerState: o.state,
    offerTitle: o.title,
    claimWindowHours: o.claimWindowHours,
    reminderHours: o.reminderHours,
    seats: s.seats,
    seatsTaken: s.seatsTaken,
    maxSeatsPerBooker: Math.min(s.maxSeatsPerBooker, s.seats),
    priceCents: s.priceCents,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    registrationDeadline: s.registrationDeadline,
    cancellationDeadline: s.cancellationDeadline ?? s.startsAt,
    cancelledAt: s.cancelledAt,
    minParticipants: s.minParticipants,
    decisionAt: s.decisionAt,
    place: s.place,
    municipalityCode: s.municipalityCode,
    onlineUrl: s.onlineUrl,
    cancelReason: s.cancelReason,
    calendarSequence: s.calendarSequence,
  };
}

/**
 * Locks a session's row for the rest of the transaction and returns it. Every change to its seats
 * goes through this lock, so bookings, cancellations and promotions on one session run one at a
 * time, in the order they arrive.
 */
export async function lockSession(db: Database, sessionId: string): Promise<BookableSession> {
  const [row] = await db
    .select({ session: courseSessions, offer: offers })
    .from(courseSessions)
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(eq(courseSessions.id, assertId(sessionId, 'No such session')))
    .for('update', { of: courseSessions });
  if (!row) throw notFound('No such session');
  return toBookable(row.session, row.offer);
}

/** Sessions with their courses, by id, without locking. */
export async function bookableSessions(db: Database, sessionIds: string[]): Promise<Map<string, BookableSession>> {
  const rows = sessionIds.length
    ? await db
        .select({ session: courseSessions, offer: offers })
        .from(courseSessions)
        .innerJoin(offers, eq(offers.id, courseSessions.offerId))
        .where(inArray(courseSessions.id, sessionIds))
    : [];
  return new Map(rows.map((r) => [r.session.id, toBookable(r.session, r.offer)]));
}

/**
 * Adds to (or, negative, takes from) the seats taken. The CHECK on course_sessions keeps the count
 * within capacity whatever happens; the caller holds the session lock.
 */
async function changeSeatsTaken(db: Database, session: BookableSession, delta: number): Promise<void> {
  await db
    .update(courseSessions)
    .set({ seatsTaken: sql`${courseSessions.seatsTaken} + ${delta}` })
    .where(eq(courseSessions.id, session.id));
  session.seatsTaken += delta;
  // Free seats show in search within the minute (the refresh job), without a write per booking.
  await markStale(db, session.offerId);
}

/** Seats given to a booking (confirmed or offered). The caller holds the session lock. */
export function takeSeats(db: Database, session: BookableSession, seats: number): Promise<void> {
  return changeSeatsTaken(db, session, seats);
}

/** Seats a cancelled booking held, free again. The caller holds the session lock. */
export function releaseSeats(db: Database, session: BookableSession, seats: number): Promise<void> {
  return changeSeatsTaken(db, session, -seats);
}

/**
 * Writes a new version of the session's row without changing it, for a change to its bookings that
 * takes no seat (a booking put on the waitlist): the booking fast path compares the row's version
 * with the one it read, to know that no booking of the same booker came in meanwhile. The caller
 * holds the session lock.
 */
export async function touchSession(db: Database, session: BookableSession): Promise<void> {
  await db
    .update(courseSessions)
    .set({ seatsTaken: sql`${courseSessions.seatsTaken}` })
    .where(eq(courseSessions.id, session.id));
}

/**
 * The booking fast path's part of one statement, as CTEs to compose after the caller's own:
 * `seen` reads the session row's version, and `taken` takes `seats` seats when the course is
 * published, registration is open, the seats are free, the row's version is still the one seen,
 * and `held.seats` (what the booker already holds, read by the caller from `held.from`, one of its
 * CTEs) plus `seats` stays within the booker's cap. `taken` returns the session's `id`, `offer_id`,
 * `starts_at`, `seats_taken` (after) and `seats`, and the course's `title` and `organisation_id`, or no row (nothing changed). `due` marks the course for
 * the search refresh, as `takeSeats` does.
 */
export function takeFreeSeatsCtes(sessionId: string, seats: number, held: { from: SQL; seats: SQL }): SQL {
  const s = courseSessions;
  return sql`seen as (select ${s}.xmin as version from ${s} where ${s.id} = ${sessionId}),
      taken as (
        update ${s} set seats_taken = ${s.seatsTaken} + ${seats}
        from ${offers}, ${held.from}, seen
        where ${s.id} = ${sessionId} and ${offers.id} = ${s.offerId} and ${offers.state} = 'PUBLISHED'
          and ${s.cancelledAt} is null and ${s.registrationDeadline} > now()
          and ${s.seats} - ${s.seatsTaken} >= ${seats}
          and ${held.seats} + ${seats} <= least(${s.maxSeatsPerBooker}, ${s.seats})
          and ${s}.xmin = seen.version
        returning ${s.id}, ${s.offerId}, ${s.startsAt}, ${s.seatsTaken}, ${s.seats}, ${offers.title},
          ${offers.organisationId}
      ),
      due as (${markStaleFrom(sql`taken`, sql`taken.offer_id`)})`;
}

/**
 * Marks a session cancelled, with the next calendar sequence (its events are cancelled in
 * calendars); its bookings are the booking module's to cancel. `session` is updated to match.
 */
export async function markSessionCancelled(
  db: Database,
  session: BookableSession,
  reason: SessionCancelReason,
): Promise<void> {
  const [row] = await db
    .update(courseSessions)
    .set({
      cancelledAt: sql`now()`,
      cancelReason: reason,
      calendarSequence: sql`${courseSessions.calendarSequence} + 1`,
    })
    .where(eq(courseSessions.id, session.id))
    .returning({ cancelledAt: courseSessions.cancelledAt, calendarSequence: courseSessions.calendarSequence });
  session.cancelledAt = row!.cancelledAt;
  session.cancelReason = reason;
  session.calendarSequence = row!.calendarSequence;
  await syncIndex(db, session.offerId);
}

/** Sessions whose minimum was not reached by their decision time, for the booking module to cancel. */
export async function sessionsPastDecision(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .where(
      and(
        isNull(courseSessions.cancelledAt),
        sql`${courseSessions.decisionAt} <= now()`,
        sql`${courseSessions.seatsTaken} < ${courseSessions.minParticipants}`,
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}

/**
 * Sessions whose reminder time has come (their course's `reminder_hours` before the start) and
 * that have not started: not cancelled, of a course that sends reminders. The soonest first.
 */
export async function sessionsDueReminder(db: Database, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(
      and(
        isNull(courseSessions.cancelledAt),
        sql`${offers.reminderHours} > 0`,
        sql`${courseSessions.startsAt} > now()`,
        sql`${courseSessions.startsAt} <= now() + make_interval(hours => ${offers.reminderHours})`,
      ),
    )
    .orderBy(courseSessions.startsAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
