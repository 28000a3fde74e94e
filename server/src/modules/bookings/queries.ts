/** Reads of bookings for the API and for other modules (conversations about a booking). */
import { and, asc, count, eq, getTableColumns, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, unauthenticated, validationError } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { bookableSessions, organisesSession, sessionIdsOrganisedBy } from '../offers/index.js';
import { courseSessions } from '../offers/tables.js';
import { memberIdsOf } from '../organisations/index.js';
import { ACTIVE } from './commands/lifecycle.js';
import { bookingPolicy as policy } from './policy.js';
import { presentBooking, type BookingDto } from './presenter.js';
import { loadBooking, type BookingRow } from './rows.js';
import { bookings } from './tables.js';

export async function getBooking(deps: Deps, viewer: Viewer | null, id: string): Promise<BookingDto | null> {
  if (!viewer) throw unauthenticated();
  let booking: BookingRow;
  try {
    booking = await loadBooking(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  const session = (await bookableSessions(deps.db, [booking.sessionId])).get(booking.sessionId)!;
  return policy.read(viewer, booking, await organisesSession(deps.db, session, viewer.id))
    ? presentBooking(booking)
    : null;
}

/** The viewer's bookings, newest first. */
export async function myBookings(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const page = keyset(args, [
    { column: bookings.createdAt, type: 'timestamp', descending: true },
    { column: bookings.id, type: 'uuid', descending: true },
  ]);
  const mine = eq(bookings.bookedBy, viewer.id);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(bookings), cursor: page.cursor })
      .from(bookings)
      .where(and(mine, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(bookings).where(mine),
  ]);
  return page.connection(rows, total?.n ?? 0, presentBooking);
}

/** How many bookings `upcomingBookings` returns unless told, and at most. */
const UPCOMING_DEFAULT = 10;
const UPCOMING_MAX = 50;

/** How many upcoming bookings were asked for; outside 1 to UPCOMING_MAX is refused, not cut. */
function upcomingLimit(first: number | null | undefined): number {
  if (first === null || first === undefined) return UPCOMING_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > UPCOMING_MAX) {
    throw validationError([{ field: 'first', message: 'validation.pageSize', params: { max: UPCOMING_MAX } }]);
  }
  return first;
}

/**
 * The viewer's own bookings that hold or wait for seats (confirmed, offered or waitlisted) on
 * sessions that are not cancelled and have not ended, the soonest session first.
 */
export async function upcomingBookings(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null },
): Promise<BookingDto[]> {
  if (!viewer) throw unauthenticated();
  const limit = upcomingLimit(args.first);
  const rows = await deps.db
    .select({ booking: bookings })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .where(
      and(
        eq(bookings.bookedBy, viewer.id),
        inArray(bookings.state, ACTIVE),
        isNull(courseSessions.cancelledAt),
        gt(courseSessions.endsAt, sql`now()`),
      ),
    )
    .orderBy(asc(courseSessions.startsAt), asc(bookings.id))
    .limit(limit);
  return rows.map((r) => presentBooking(r.booking));
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
