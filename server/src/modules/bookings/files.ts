/**
 * The organiser's spreadsheets of a session's bookings, in the reader's language: the participant
 * list and the invoicing list (issue 18). UTF-8 with a byte-order mark and semicolons, so that Excel
 * in Finnish opens them with ä and ö intact and in columns. Every cell of people's text goes
 * through `textCell`, so nothing a person typed runs as a formula.
 */
import type { BookingState, Locale } from '@keskusvaraamo/shared';
import { stringify } from 'csv-stringify/sync';
import { toHelsinki } from '../../lib/helsinki.js';
import { textCell } from '../../lib/spreadsheet.js';
import type { BillingDto } from './billing.js';

const TEXTS = {
  fi: {
    participants: [
      'Nimi',
      'Sähköposti',
      'Tila',
      'Jonosija',
      'Varaaja',
      'Varaajan sähköposti',
      'Varattu',
      'Läsnä',
      'Organisaatio',
      'Hinta (€, sis. alv)',
    ],
    invoicing: [
      'Varattu',
      'Kurssi',
      'Toteutus alkaa',
      'Organisaatio',
      'Y-tunnus',
      'Verkkolaskuosoite',
      'Välittäjätunnus',
      'Laskutussähköposti',
      'Viite',
      'Paikkoja',
      'Yksikköhinta (€, sis. alv)',
      'Yhteensä (€, sis. alv)',
      'Osallistujat',
      'Tila',
      'Varaaja',
      'Varaajan sähköposti',
    ],
    yes: 'kyllä',
    no: 'ei',
    states: { CONFIRMED: 'Vahvistettu', WAITLISTED: 'Jonossa', OFFERED: 'Paikkaa tarjottu', CANCELLED: 'Peruttu' },
  },
  sv: {
    participants: [
      'Namn',
      'E-post',
      'Status',
      'Köplats',
      'Bokare',
      'Bokarens e-post',
      'Bokad',
      'Närvarande',
      'Organisation',
      'Pris (€, inkl. moms)',
    ],
    invoicing: [
      'Bokad',
      'Kurs',
      'Tillfället börjar',
      'Organisation',
      'FO-nummer',
      'E-fakturaadress',
      'Förmedlarkod',
      'E-post för fakturor',
      'Referens',
      'Platser',
      'Styckpris (€, inkl. moms)',
      'Totalt (€, inkl. moms)',
      'Deltagare',
      'Status',
      'Bokare',
      'Bokarens e-post',
    ],
    yes: 'ja',
    no: 'nej',
    states: { CONFIRMED: 'Bekräftad', WAITLISTED: 'I kö', OFFERED: 'Plats erbjuden', CANCELLED: 'Avbokad' },
  },
  en: {
    participants: [
      'Name',
      'E-mail',
      'State',
      'Waitlist position',
      'Booker',
      'Booker’s e-mail',
      'Booked',
      'Present',
      'Organisation',
      'Price (€, incl. VAT)',
    ],
    invoicing: [
      'Booked',
      'Course',
      'Session starts',
      'Organisation',
      'Business ID',
      'E-invoice address',
      'E-invoice operator',
      'Invoice e-mail',
      'Reference',
      'Seats',
      'Unit price (€, incl. VAT)',
      'Total (€, incl. VAT)',
      'Participants',
      'State',
      'Booker',
      'Booker’s e-mail',
    ],
    yes: 'yes',
    no: 'no',
    states: { CONFIRMED: 'Confirmed', WAITLISTED: 'Waitlisted', OFFERED: 'Seat offered', CANCELLED: 'Cancelled' },
  },
} as const satisfies Record<Locale, unknown>;

/** Cents as euros with the language's decimal mark and no thousands separator: a number to a spreadsheet. */
export function euros(cents: number, locale: Locale): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'en' ? text : text.replace('.', ',');
}

const stamp = (iso: string | Date) => toHelsinki(new Date(iso)).replace('T', ' ');

const csv = (rows: string[][]) => stringify(rows, { delimiter: ';', bom: true });

/** One booking as the participant list shows it. */
export interface ParticipantListBooking {
  state: BookingState;
  createdAt: string;
  waitlistPosition: number | null;
  booker: { displayName: string; email: string } | null;
  billing: BillingDto | null;
  /** The price of a seat incl. VAT: as booked when billed, else the session's. */
  unitPriceCents: number;
  participants: { name: string; email: string; attended: boolean | null }[];
}

/** The participant list: one row per participant, in booking order. */
export function participantsCsv(list: ParticipantListBooking[], locale: Locale): string {
  const t = TEXTS[locale];
  const rows = list.flatMap((b) =>
    b.participants.map((p) => [
      textCell(p.name),
      textCell(p.email),
      t.states[b.state],
      b.waitlistPosition === null ? '' : String(b.waitlistPosition),
      textCell(b.booker?.displayName),
      textCell(b.booker?.email),
      stamp(b.createdAt),
      p.attended === null ? '' : p.attended ? t.yes : t.no,
      textCell(b.billing?.organisationName),
      euros(b.unitPriceCents, locale),
    ]),
  );
  return csv([[...t.participants], ...rows]);
}

/** One booking as the invoicing list shows it. */
export interface InvoicingBooking {
  state: BookingState;
  createdAt: string;
  courseTitle: string;
  startsAt: Date;
  seats: number;
  unitPriceCents: number;
  billing: BillingDto | null;
  booker: { displayName: string; email: string } | null;
  participantNames: string[];
}

/** The invoicing list: one row per booking. */
export function invoicingCsv(list: InvoicingBooking[], locale: Locale): string {
  const t = TEXTS[locale];
  const rows = list.map((b) => [
    stamp(b.createdAt),
    textCell(b.courseTitle),
    stamp(b.startsAt),
    textCell(b.billing?.organisationName),
    textCell(b.billing?.businessId),
    textCell(b.billing?.eInvoiceAddress),
    textCell(b.billing?.eInvoiceOperator),
    textCell(b.billing?.invoiceEmail),
    textCell(b.billing?.reference),
    String(b.seats),
    euros(b.unitPriceCents, locale),
    euros(b.unitPriceCents * b.seats, locale),
    textCell(b.participantNames.join(', ')),
    t.states[b.state],
    textCell(b.booker?.displayName),
    textCell(b.booker?.email),
  ]);
  return csv([[...t.invoicing], ...rows]);
}
