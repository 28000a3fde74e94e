/**
 * Demo bookings, made through `bookSeats` as the demo accounts: the educator's solar course has
 * bookings with named participants, the micro-grid course is full with two on its waitlist, and
 * the entrepreneur and the student each have bookings of their own. Companies booking their staff
 * give billing details (every other one by e-invoice, the rest by e-mail), as a paid course asks.
 */
import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import { bookSeats } from '../modules/bookings/index.js';
import { courseSessions, offers } from '../modules/offers/tables.js';
import { organisationsByIds } from '../modules/organisations/index.js';
import type { DemoAccount } from './marketplace.js';

interface DemoBooking {
  course: string;
  /** Which of the course's sessions, by start time. */
  session?: number;
  by: string;
  /** Named participants; the booker alone when absent. */
  participants?: string[];
  waitlist?: boolean;
}

const SOLAR = 'Aurinkosähköjärjestelmien suunnittelu ja asennus';
const MICROGRID = 'Älykkäät mikroverkot ja energian varastointi maaseudulla';

const email = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@example.fi`;

export const DEMO_BOOKINGS: DemoBooking[] = [
  { course: SOLAR, by: 'entrepreneur', participants: ['Juha Niemelä', 'Mikko Salo'] },
  { course: SOLAR, by: 'aurinkolappi', participants: ['Hanna Kärkkäinen', 'Tero Kärkkäinen', 'Aki Väänänen'] },
  { course: SOLAR, by: 'pello' },
  { course: SOLAR, by: 'kolari', participants: ['Sanna Mäkelä', 'Jussi Ylinen'] },
  { course: SOLAR, by: 'tornionlaakso', participants: ['Anders Lindqvist', 'Maja Lindqvist'] },
  {
    course: MICROGRID,
    by: 'kemijoki',
    participants: ['Pekka Ylitalo', 'Leena Ojala', 'Heikki Rova', 'Minna Alaraasakka'],
  },
  { course: MICROGRID, by: 'inari', participants: ['Niillas Valle', 'Elle-Maaret Aikio', 'Jouni Magga'] },
  { course: MICROGRID, by: 'sodankyla', participants: ['Ville Hietala', 'Katja Lepistö', 'Raimo Lantto'] },
  { course: MICROGRID, by: 'posio', participants: ['Jari Kemppainen', 'Sirpa Kemppainen'] },
  { course: MICROGRID, by: 'ranua', participants: ['Kaisa Tervo', 'Mari Hyvönen', 'Olavi Tervo'] },
  { course: MICROGRID, by: 'simo', participants: ['Tuula Rantala', 'Petri Rantala'] },
  { course: MICROGRID, by: 'keminmaa', participants: ['Eero Jokela', 'Tiina Jokela', 'Matti Kallio'] },
  { course: MICROGRID, by: 'kittila', participants: ['Olli Kangas', 'Aila Kangas'], waitlist: true },
  { course: MICROGRID, by: 'entrepreneur', waitlist: true },
  { course: 'Hakelämpöyrittäjyyden perusteet', by: 'student' },
  { course: 'Hakelämpöyrittäjyyden perusteet', by: 'entrepreneur' },
];

export async function seedBookings(deps: Deps, accounts: Map<string, DemoAccount>): Promise<number> {
  let made = 0;
  for (const [i, booking] of DEMO_BOOKINGS.entries()) {
    const account = accounts.get(booking.by);
    if (!account) throw new Error(`Demo data: no account ${booking.by}`);
    const sessions = await deps.db
      .select({ id: courseSessions.id })
      .from(courseSessions)
      .innerJoin(offers, eq(offers.id, courseSessions.offerId))
      .where(eq(offers.title, booking.course))
      .orderBy(asc(courseSessions.startsAt));
    const session = sessions[booking.session ?? 0];
    if (!session) throw new Error(`Demo data: no session ${booking.session ?? 0} of "${booking.course}"`);
    const [organisation] = account.organisation ? await organisationsByIds(deps.db, [account.organisation.id]) : [];
    const billing =
      booking.participants && organisation?.businessId
        ? {
            organisationId: organisation.id,
            organisationName: organisation.name,
            businessId: organisation.businessId,
            ...(i % 2 === 0
              ? {
                  invoiceMethod: 'E_INVOICE' as const,
                  eInvoiceAddress: `0037${organisation.businessId.replace('-', '')}`,
                  eInvoiceOperator: '003723327487',
                }
              : { invoiceMethod: 'EMAIL' as const, invoiceEmail: `laskutus.${booking.by}@example.fi` }),
            reference: `Koulutus ${2026 + (i % 2)}/${String(i + 1).padStart(3, '0')}`,
          }
        : undefined;
    try {
      await bookSeats(deps, account.viewer, {
        billing,
        sessionId: session.id,
        idempotencyKey: `demo-booking-${i}`,
        participants: booking.participants?.map((name) => ({ name, email: email(name) })),
        whenShort: booking.waitlist ? 'JOIN_WAITLIST' : undefined,
      });
    } catch (error) {
      throw new Error(`Demo data: booking ${i} on "${booking.course}": ${(error as Error).message}`, { cause: error });
    }
    made++;
  }
  return made;
}
