/**
 * Seats held for a course match (issue 18, item 6): when both sides accept a proposal of a course
 * session for a COURSE need, the proposals module asks, in the match's transaction, for seats on
 * that session for the need's poster. They are held as an OFFERED booking for the course's claim
 * window, as a freed seat is offered to the waitlist (`promoteWaitlist`): the poster claims it
 * (`claimBooking`, which confirms it as a booking for the need) or it lapses (`expireOffers`) and
 * the seats pass on. Seats: the need's people, within the free seats and the session's per-booker
 * cap (what the poster holds already counted); none when none are free. Under the session's lock,
 * like every change of seats. The booking names its booker as its one participant; the billing
 * details, for a paid course, are the need's company's remembered ones when it has any.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { lockLiveAccount, usersByIds } from '../accounts/index.js';
import { lockSession, takeSeats, type BookableSession } from '../offers/index.js';
import { ACTIVE } from './commands/paths.js';
import { bookingPolicy as policy } from './policy.js';
import { bookingBilling, bookings, organisationBillingDetails, participants } from './tables.js';

/** What a match did about seats: held some (a booking OFFERED until `offeredUntil`), or why none. */
export type MatchSeatHold =
  | { held: true; bookingId: string; seats: number; offeredUntil: Date }
  | { held: false; reason: 'NO_SEATS' | 'REGISTRATION_CLOSED' | 'SEATS_PER_BOOKER' | 'ACCOUNT_GONE' };

/** The hold's idempotency key: one hold per proposal, whoever asks again. */
const keyOf = (proposalId: string) => `proposal:${proposalId}`;

/**
 * Takes the locks a hold needs, in the order bookings take them (the booker's account, then the
 * session). The match's transaction calls this before it locks the proposal's row, so that it and
 * an erasure or a booking never wait for each other in a circle.
 */
export async function lockForSeatHold(db: Database, sessionId: string, bookedBy: string): Promise<void> {
  await lockLiveAccount(db, bookedBy);
  await lockSession(db, sessionId);
}

/** Holds seats on the session for the need's poster, for the match `proposalId`, in `db` (the match's transaction). */
export async function holdSeatsForMatch(
  db: Database,
  match: {
    proposalId: string;
    sessionId: string;
    needId: string;
    bookedBy: string;
    organisationId: string | null;
    people: number;
  },
): Promise<MatchSeatHold> {
  if (!(await lockLiveAccount(db, match.bookedBy))) return { held: false, reason: 'ACCOUNT_GONE' };
  const session = await lockSession(db, match.sessionId);
  // One hold per match: the match is made once (matches' unique proposal), and the key says so again.
  const now = new Date();
  if (!policy.registrationOpen(session, now) || session.startsAt <= now) {
    return { held: false, reason: 'REGISTRATION_CLOSED' };
  }
  const free = session.seats - session.seatsTaken;
  const withinCap = session.maxSeatsPerBooker - (await seatsHeldBy(db, session.id, match.bookedBy));
  if (free <= 0) return { held: false, reason: 'NO_SEATS' };
  if (withinCap <= 0) return { held: false, reason: 'SEATS_PER_BOOKER' };
  const seats = Math.min(Math.max(match.people, 1), free, withinCap);

  const [row] = await db
    .insert(bookings)
    .values({
      sessionId: session.id,
      bookedBy: match.bookedBy,
      state: 'OFFERED',
      needId: match.needId,
      seats,
      idempotencyKey: keyOf(match.proposalId),
      offeredAt: sql`now()`,
      // The course's claim window, and never past the session's start.
      offeredUntil: sql`least(now() + make_interval(hours => ${session.claimWindowHours}), ${session.startsAt.toISOString()}::timestamptz)`,
    })
    .returning();
  const booker = (await usersByIds({ db }, [match.bookedBy])).get(match.bookedBy)!;
  await db
    .insert(participants)
    .values({ bookingId: row!.id, position: 0, name: booker.displayName, email: booker.email });
  await takeSeats(db, session, seats);
  await billFromRemembered(db, row!.id, session, match.organisationId);
  return { held: true, bookingId: row!.id, seats, offeredUntil: row!.offeredUntil! };
}

/** Seats the booker holds or waits for on the session; under the session lock, exact. */
async function seatsHeldBy(db: Database, sessionId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ seats: sql<number>`coalesce(sum(${bookings.seats}), 0)::int` })
    .from(bookings)
    .where(and(eq(bookings.sessionId, sessionId), eq(bookings.bookedBy, userId), inArray(bookings.state, ACTIVE)));
  return row?.seats ?? 0;
}

/** A paid course's hold is invoiced as the need's company was last invoiced, when it has been. */
async function billFromRemembered(
  db: Database,
  bookingId: string,
  session: BookableSession,
  organisationId: string | null,
): Promise<void> {
  if (!organisationId || session.priceCents === 0) return;
  const [saved] = await db
    .select()
    .from(organisationBillingDetails)
    .where(eq(organisationBillingDetails.organisationId, organisationId));
  if (!saved) return;
  await db.insert(bookingBilling).values({
    bookingId,
    organisationId,
    organisationName: saved.organisationName,
    businessId: saved.businessId,
    invoiceMethod: saved.invoiceMethod,
    eInvoiceAddress: saved.eInvoiceAddress,
    eInvoiceOperator: saved.eInvoiceOperator,
    invoiceEmail: saved.invoiceEmail,
    reference: saved.reference,
    unitPriceCents: session.priceCents,
  });
}

/** The seats a match held, as a proposal's page shows them: the hold's booking as it is now. */
export interface MatchSeatHoldDto {
  bookingId: string;
  bookedBy: string;
  state: (typeof bookings.$inferSelect)['state'];
  seats: number;
  offeredUntil: string | null;
}

/** The holds of these proposals (each with its session), by proposal id; proposals without one are left out. */
export async function seatHoldsOfMatches(
  db: Database,
  list: { proposalId: string; sessionId: string }[],
): Promise<Map<string, MatchSeatHoldDto>> {
  if (!list.length) return new Map();
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        inArray(bookings.sessionId, [...new Set(list.map((p) => p.sessionId))]),
        inArray(
          bookings.idempotencyKey,
          list.map((p) => keyOf(p.proposalId)),
        ),
      ),
    );
  const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
  return new Map(
    list.flatMap((p) => {
      const row = byKey.get(keyOf(p.proposalId));
      if (!row) return [];
      const dto: MatchSeatHoldDto = {
        bookingId: row.id,
        bookedBy: row.bookedBy,
        state: row.state,
        seats: row.seats,
        offeredUntil: row.offeredUntil?.toISOString() ?? null,
      };
      return [[p.proposalId, dto] as const];
    }),
  );
}
