/**
 * The organiser's invoicing list (issue 18): the bookings of one session, or of an organisation's
 * sessions that start in a period, with who is invoiced, seats, the price incl. VAT as booked and
 * the participants' names. Only CONFIRMED bookings unless other states are asked for. For the
 * course's organisers and coordinators (`bookingPolicy.exportInvoicing`); the service takes no
 * payment, the organiser invoices from this.
 */
import { BOOKING_STATES, reportPeriodSchema, type BookingState } from '@keskusvaraamo/shared';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { endOfHelsinkiDay, fromHelsinki } from '../../lib/helsinki.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import { bookableSessions, organisesSession } from '../offers/index.js';
import { courseSessions, offers } from '../offers/tables.js';
import { roleIn } from '../organisations/index.js';
import { billingOfBookings } from './billing.js';
import type { InvoicingBooking } from './files.js';
import { participantsShown } from './loaders.js';
import { bookingPolicy as policy } from './policy.js';
import { presentBooking } from './presenter.js';
import { bookings } from './tables.js';

/** `states`: a comma-separated list of booking states, or ALL; CONFIRMED when left out. */
const statesSchema = z
  .string()
  .max(100, { error: 'validation.choice' })
  .optional()
  .transform((v, ctx): BookingState[] => {
    if (!v) return ['CONFIRMED'];
    if (v === 'ALL') return [...BOOKING_STATES];
    const asked = [...new Set(v.split(','))];
    if (!asked.every((s) => (BOOKING_STATES as readonly string[]).includes(s))) {
      ctx.addIssue({ code: 'custom', message: 'validation.choice' });
      return z.NEVER;
    }
    return asked as BookingState[];
  });

export const invoicingQuerySchema = z.object({ states: statesSchema });
export const periodInvoicingQuerySchema = reportPeriodSchema.and(z.object({ states: statesSchema }));

async function rowsOf(deps: Deps, viewer: Viewer, where: ReturnType<typeof and>): Promise<InvoicingBooking[]> {
  const found = await deps.db
    .select({ booking: bookings, startsAt: courseSessions.startsAt, courseTitle: offers.title })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(where)
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id), asc(bookings.queueNumber));
  const list = found.map((r) => presentBooking(r.booking));
  const [billing, bookers, people, sessions] = await Promise.all([
    billingOfBookings(
      deps.db,
      list.map((b) => b.id),
    ),
    usersByIds(
      deps,
      list.map((b) => b.bookedBy),
    ),
    // Staff's download is logged for the students among the bookers and participants.
    participantsShown(deps, viewer, list),
    bookableSessions(deps.db, [...new Set(list.map((b) => b.sessionId))]),
  ]);
  return found.map((r, i) => {
    const b = list[i]!;
    const billed = billing.get(b.id) ?? null;
    return {
      state: b.state,
      createdAt: b.createdAt,
      courseTitle: r.courseTitle,
      startsAt: r.startsAt,
      seats: b.seats,
      unitPriceCents: billed?.unitPriceCents ?? sessions.get(b.sessionId)!.priceCents,
      billing: billed,
      booker: bookers.get(b.bookedBy) ?? null,
      participantNames: people[i]!.map((p) => p.name),
    };
  });
}

/** The invoicing list of one session: its organisers and coordinators (FORBIDDEN for others). */
export async function sessionInvoicing(
  deps: Deps,
  viewer: Viewer | null,
  sessionId: string,
  query: unknown,
): Promise<{ startsAt: Date; rows: InvoicingBooking[] }> {
  if (!viewer) throw unauthenticated();
  const id = assertId(sessionId, 'No such session');
  const session = (await bookableSessions(deps.db, [id])).get(id);
  if (!session) throw notFound('No such session');
  if (!policy.exportInvoicing(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  const { states } = parseInput(invoicingQuerySchema, query);
  const rows = await rowsOf(deps, viewer, and(eq(bookings.sessionId, id), inArray(bookings.state, states)));
  return { startsAt: session.startsAt, rows };
}

/**
 * The invoicing list of an organisation's sessions that start in a period (Helsinki days, `from`
 * and `to` included, as the report's period): its members and coordinators.
 */
export async function periodInvoicing(
  deps: Deps,
  viewer: Viewer | null,
  organisationId: string,
  query: unknown,
): Promise<{ from: string; to: string; rows: InvoicingBooking[] }> {
  if (!viewer) throw unauthenticated();
  const id = assertId(organisationId, 'No such organisation');
  if (!policy.exportInvoicing(viewer, (await roleIn(deps.db, id, viewer.id)) !== null)) throw forbidden();
  const { from, to, states } = parseInput(periodInvoicingQuerySchema, query);
  const rows = await rowsOf(
    deps,
    viewer,
    and(
      eq(offers.organisationId, id),
      gte(courseSessions.startsAt, fromHelsinki(`${from}T00:00`)),
      lt(courseSessions.startsAt, endOfHelsinkiDay(to)),
      inArray(bookings.state, states),
    ),
  );
  return { from, to, rows };
}
