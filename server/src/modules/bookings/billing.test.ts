/**
 * Company bookings and invoicing (issue 18): a paid session booked for more than one seat, or on
 * an organisation's behalf, takes billing details, checked field by field and kept in the booking's
 * transaction; an organisation's members book on its behalf and its details are remembered for
 * them; the booker, the course's organisers and coordinators see them, and the organisers and
 * coordinators download the invoicing list; the spreadsheets speak the reader's language and run
 * nothing a person typed; erasing the booker clears their invoice e-mail and reference.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  depsOf,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { courseSessions } from '../offers/tables.js';
import { eraseAccount } from '../privacy/index.js';
import { bookingBilling, bookings, organisationBillingDetails, participants } from './tables.js';

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let colleague: TestUser;
let coordinator: TestUser;
let student: TestUser;
let outsider: Awaited<ReturnType<typeof buildOrganisation>>;

const BOOKING = `id state seats billing { organisationId organisationName businessId invoiceMethod eInvoiceAddress
  eInvoiceOperator invoiceEmail reference unitPriceCents }`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { ${BOOKING} } }`;
const SAVED = `query ($id: ID!) { savedBillingDetails(organisationId: $id) { organisationName businessId invoiceMethod
  eInvoiceAddress eInvoiceOperator invoiceEmail reference unitPriceCents } }`;

const THREE = [
  { name: 'Aino Asentaja', email: 'aino@tunturi.example.fi' },
  { name: 'Eero Energia', email: 'eero@tunturi.example.fi' },
  { name: 'Iida Insinööri', email: 'iida@tunturi.example.fi' },
];

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  colleague = await buildUser(app);
  company = await buildOrganisation(app, { members: [colleague] });
  outsider = await buildOrganisation(app);
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  student = await buildUser(app, { roles: ['STUDENT'] });
});
afterAll(() => app.closeAndDrop());

const eInvoice = (overrides: Record<string, unknown> = {}) => ({
  organisationId: company.id,
  organisationName: company.name,
  businessId: company.businessId,
  invoiceMethod: 'E_INVOICE',
  eInvoiceAddress: `0037${company.businessId!.replace('-', '')}`,
  eInvoiceOperator: 'BAWCFI22',
  reference: 'Tilaus 2027-15',
  ...overrides,
});

async function session(overrides: Parameters<typeof sessionInput>[0] = {}, title = 'Aurinkosähkö yrityksille') {
  const course = await buildCourse(app, { title }, { organisation: school, sessions: [sessionInput(overrides)] });
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

const book = (who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) =>
  gql(
    app,
    BOOK,
    { input: { sessionId, idempotencyKey: randomUUID(), participants: THREE, ...extra } },
    { token: who.token },
  );

async function bookingsOf(sessionId: string) {
  const [row] = await app.db.select({ n: count() }).from(bookings).where(eq(bookings.sessionId, sessionId));
  const [seats] = await app.db
    .select({ taken: courseSessions.seatsTaken })
    .from(courseSessions)
    .where(eq(courseSessions.id, sessionId));
  return { bookings: row!.n, seatsTaken: seats!.taken };
}

const fieldsOf = (r: Awaited<ReturnType<typeof gql>>) =>
  (r.errors?.[0]?.extensions.fields as { field: string; message: string }[] | undefined)?.map(
    (f) => `${f.field}:${f.message}`,
  );

describe('booking a paid session needs billing details', () => {
  it('refuses more than one seat without them, on the billing field, and saves nothing', async () => {
    const sessionId = await session();
    const r = await book(company.owner, sessionId);
    expect(codeOf(r)).toBe('VALIDATION');
    expect(fieldsOf(r)).toEqual(['billing:validation.billingRequired']);
    expect(await bookingsOf(sessionId)).toEqual({ bookings: 0, seatsTaken: 0 });
  });

  it('lets a private person book one seat for themselves without them, and a free session take many', async () => {
    const sessionId = await session();
    const own = await gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID() } }, { token: student.token });
    expect(own.errors).toBeUndefined();
    expect(own.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', seats: 1, billing: null });
    const free = await book(company.owner, await session({ priceCents: 0 }));
    expect(free.errors).toBeUndefined();
    expect(free.data!.bookSeats).toMatchObject({ seats: 3, billing: null });
  });

  it('names every wrong field, with bounds on each', async () => {
    const sessionId = await session();
    const r = await book(company.owner, sessionId, {
      billing: eInvoice({
        organisationName: 'x'.repeat(201),
        businessId: '1234567-8',
        eInvoiceAddress: '003712345678',
        eInvoiceOperator: 'X',
        reference: 'r'.repeat(71),
      }),
    });
    expect(codeOf(r)).toBe('VALIDATION');
    expect(fieldsOf(r)).toEqual([
      'billing.organisationName:validation.tooLong',
      'billing.businessId:validation.businessId',
      'billing.eInvoiceAddress:validation.eInvoiceAddress',
      'billing.eInvoiceOperator:validation.eInvoiceOperator',
      'billing.reference:validation.tooLong',
    ]);
    const email = await book(company.owner, sessionId, {
      billing: eInvoice({ invoiceMethod: 'EMAIL', invoiceEmail: `${'a'.repeat(250)}@example.fi` }),
    });
    expect(fieldsOf(email)).toEqual(['billing.invoiceEmail:validation.tooLong']);
    const missing = await book(company.owner, sessionId, {
      billing: eInvoice({ eInvoiceAddress: null, eInvoiceOperator: '' }),
    });
    expect(fieldsOf(missing)).toEqual([
      'billing.eInvoiceAddress:validation.required',
      'billing.eInvoiceOperator:validation.required',
    ]);
    expect(await bookingsOf(sessionId)).toEqual({ bookings: 0, seatsTaken: 0 });
  });

  it('lets only an organisation’s members book on its behalf', async () => {
    const sessionId = await session();
    const r = await book(outsider.owner, sessionId, { billing: eInvoice() });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(await bookingsOf(sessionId)).toEqual({ bookings: 0, seatsTaken: 0 });
    const [remembered] = await app.db
      .select({ n: count() })
      .from(organisationBillingDetails)
      .where(eq(organisationBillingDetails.organisationId, company.id));
    expect(remembered!.n).toBe(0);
  });

  it('keeps them with the booking at the price booked, and remembers them for the organisation’s members', async () => {
    const sessionId = await session({ priceCents: 34_900 });
    const r = await book(company.owner, sessionId, {
      billing: eInvoice({
        businessId: ` ${company.businessId} `,
        eInvoiceAddress: '0037 ' + company.businessId!.replace('-', ' '),
      }),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.bookSeats).toMatchObject({
      state: 'CONFIRMED',
      seats: 3,
      billing: {
        organisationId: company.id,
        businessId: company.businessId,
        eInvoiceAddress: `0037${company.businessId!.replace('-', '')}`,
        eInvoiceOperator: 'BAWCFI22',
        invoiceEmail: null,
        reference: 'Tilaus 2027-15',
        unitPriceCents: 34_900,
      },
    });
    // A colleague starts from them; someone else may not read them.
    const saved = await gql(app, SAVED, { id: company.id }, { token: colleague.token });
    expect(saved.data!.savedBillingDetails).toMatchObject({
      businessId: company.businessId,
      reference: 'Tilaus 2027-15',
      unitPriceCents: null,
    });
    for (const who of [outsider.owner, student, school.owner]) {
      expect(codeOf(await gql(app, SAVED, { id: company.id }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, SAVED, { id: outsider.id }, { token: colleague.token }))).toBe('FORBIDDEN');
    expect(
      (await gql(app, SAVED, { id: outsider.id }, { token: outsider.owner.token })).data!.savedBillingDetails,
    ).toBeNull();

    // The colleague's next booking changes them: e-mail instead of an e-invoice.
    const next = await book(colleague, await session(), {
      participants: THREE.slice(0, 2),
      billing: eInvoice({ invoiceMethod: 'EMAIL', invoiceEmail: 'Laskut@Tunturi.example.fi', reference: null }),
    });
    expect(next.errors).toBeUndefined();
    expect(
      (await gql(app, SAVED, { id: company.id }, { token: company.owner.token })).data!.savedBillingDetails,
    ).toMatchObject({
      invoiceMethod: 'EMAIL',
      invoiceEmail: 'laskut@tunturi.example.fi',
      eInvoiceAddress: null,
      reference: null,
    });
  });

  it('takes a typed organisation for one seat too, and keeps it with a waitlisted booking', async () => {
    const sessionId = await session({ seats: 3 });
    const one = await gql(
      app,
      BOOK,
      {
        input: {
          sessionId,
          idempotencyKey: randomUUID(),
          billing: eInvoice({
            organisationId: null,
            organisationName: 'Kemin Lämpö Oy',
            invoiceMethod: 'EMAIL',
            invoiceEmail: 'laskut@kemi.example.fi',
          }),
        },
      },
      { token: student.token },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.bookSeats.billing).toMatchObject({ organisationId: null, organisationName: 'Kemin Lämpö Oy' });
    const waiting = await book(company.owner, sessionId, { billing: eInvoice(), whenShort: 'JOIN_WAITLIST' });
    expect(waiting.data!.bookSeats).toMatchObject({ state: 'WAITLISTED', billing: { organisationId: company.id } });
  });

  it('keeps none for a free session', async () => {
    const r = await book(company.owner, await session({ priceCents: 0 }), { billing: eInvoice() });
    expect(r.errors).toBeUndefined();
    expect(r.data!.bookSeats.billing).toBeNull();
  });

  it('returns the first booking for a retry with the same key', async () => {
    const sessionId = await session();
    const input = { sessionId, idempotencyKey: randomUUID(), participants: THREE, billing: eInvoice() };
    const first = await gql(app, BOOK, { input }, { token: company.owner.token });
    const again = await gql(app, BOOK, { input }, { token: company.owner.token });
    expect(again.data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    const changed = await gql(
      app,
      BOOK,
      { input: { ...input, billing: eInvoice({ reference: 'Toinen' }) } },
      { token: company.owner.token },
    );
    expect(codeOf(changed)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await bookingsOf(sessionId)).toMatchObject({ bookings: 1, seatsTaken: 3 });
  });
});

describe('who sees billing details', () => {
  let sessionId: string;
  let bookingId: string;
  const ONE = `query ($id: ID!) { booking(id: $id) { id billing { businessId reference } } }`;
  const LIST = `query ($id: ID!) { sessionBookings(sessionId: $id) { id billing { businessId reference } } }`;

  beforeAll(async () => {
    sessionId = await session();
    bookingId = (await book(company.owner, sessionId, { billing: eInvoice() })).data!.bookSeats.id;
    // Another booker of the same session.
    await gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID() } }, { token: student.token });
  });

  it('shows them to the booker, the course’s organisers and coordinators', async () => {
    for (const who of [company.owner, school.owner, coordinator]) {
      const r = await gql(app, ONE, { id: bookingId }, { token: who.token });
      expect(r.data!.booking.billing).toEqual({ businessId: company.businessId, reference: 'Tilaus 2027-15' });
    }
    for (const who of [school.owner, coordinator]) {
      const r = await gql(app, LIST, { id: sessionId }, { token: who.token });
      expect(r.data!.sessionBookings.find((b: any) => b.id === bookingId).billing.reference).toBe('Tilaus 2027-15');
    }
  });

  it('hides them from the booker’s colleague, another booker, another organisation and a student', async () => {
    // The booking is its booker's: a colleague does not read it, nor anyone else.
    for (const who of [colleague, student, outsider.owner]) {
      const r = await gql(app, ONE, { id: bookingId }, { token: who.token });
      expect(r.data!.booking).toBeNull();
      expect(codeOf(await gql(app, LIST, { id: sessionId }, { token: who.token }))).toBe('FORBIDDEN');
    }
  });
});

/** Semicolon-separated CSV as csv-stringify writes it, after its byte-order mark. */
function parseCsv(raw: Buffer): string[][] {
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = raw.subarray(3).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (quoted || c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const download = (url: string, who: TestUser | null, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers } });

describe('the invoicing list', () => {
  let sessionId: string;

  beforeAll(async () => {
    sessionId = await session({ priceCents: 12_345, seats: 4 }, 'Tuulivoiman huolto');
    const r = await book(company.owner, sessionId, {
      participants: [
        { name: '=HYPERLINK("https://evil.example")', email: 'x@tunturi.example.fi' },
        ...THREE.slice(0, 2),
      ],
      billing: eInvoice({ organisationId: null, organisationName: '@Tunturi Oy', reference: '-1+1' }),
    });
    expect(r.errors).toBeUndefined();
    // Waitlisted: not invoiced unless asked.
    const waiting = await book(colleague, sessionId, {
      participants: THREE.slice(0, 2),
      whenShort: 'JOIN_WAITLIST',
      billing: eInvoice({ invoiceMethod: 'EMAIL', invoiceEmail: 'laskut@tunturi.example.fi' }),
    });
    expect(waiting.data!.bookSeats.state).toBe('WAITLISTED');
  });

  it('lists the confirmed bookings with who is invoiced, seats, prices and participants, neutralising formulas', async () => {
    const response = await download(`/api/sessions/${sessionId}/invoicing.csv`, school.owner);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, ...rows] = parseCsv(response.rawPayload);
    expect(header).toEqual([
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
    ]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.slice(1, 14)).toEqual([
      'Tuulivoiman huolto',
      expect.stringMatching(/^\d{4}-\d\d-\d\d 09:00$/),
      `'@Tunturi Oy`,
      company.businessId,
      `0037${company.businessId!.replace('-', '')}`,
      'BAWCFI22',
      '',
      `'-1+1`,
      '3',
      '123,45',
      '370,35',
      `'=HYPERLINK("https://evil.example"), Aino Asentaja, Eero Energia`,
      'Vahvistettu',
    ]);
    expect(row[15]).toBe(company.owner.email);
  });

  it('takes other states and the reader’s language when asked', async () => {
    const response = await download(`/api/sessions/${sessionId}/invoicing.csv?states=ALL&lang=en`, coordinator);
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(response.rawPayload);
    expect(header!.slice(3, 9)).toEqual([
      'Organisation',
      'Business ID',
      'E-invoice address',
      'E-invoice operator',
      'Invoice e-mail',
      'Reference',
    ]);
    expect(rows.map((r) => [r[7], r[10], r[11], r[13]])).toEqual([
      ['', '123.45', '370.35', 'Confirmed'],
      ['laskut@tunturi.example.fi', '123.45', '246.90', 'Waitlisted'],
    ]);
    const swedish = await buildUser(app, { roles: ['COORDINATOR'], locale: 'sv' });
    const [svHeader] = parseCsv((await download(`/api/sessions/${sessionId}/invoicing.csv`, swedish)).rawPayload);
    expect(svHeader![4]).toBe('FO-nummer');
    expect((await download(`/api/sessions/${sessionId}/invoicing.csv?states=PAID`, coordinator)).statusCode).toBe(400);
  });

  it('is for the course’s organisers and coordinators only', async () => {
    for (const who of [company.owner, colleague, student, outsider.owner]) {
      expect((await download(`/api/sessions/${sessionId}/invoicing.csv`, who)).statusCode).toBe(403);
    }
    expect((await download(`/api/sessions/${sessionId}/invoicing.csv`, null)).statusCode).toBe(401);
    expect((await download(`/api/sessions/${randomUUID()}/invoicing.csv`, coordinator)).statusCode).toBe(404);
  });

  it('covers an organisation’s sessions in a period, for its members and coordinators', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const url = `/api/organisations/${school.id}/invoicing.csv?from=${day(0)}&to=${day(60)}`;
    const response = await download(url, school.owner);
    expect(response.statusCode).toBe(200);
    const rows = parseCsv(response.rawPayload).slice(1);
    expect(rows.map((r) => r[1])).toContain('Tuulivoiman huolto');
    expect(rows.every((r) => r[13] === 'Vahvistettu')).toBe(true);
    expect((await download(url, coordinator)).statusCode).toBe(200);
    for (const who of [company.owner, student]) expect((await download(url, who)).statusCode).toBe(403);
    const none = await download(
      `/api/organisations/${school.id}/invoicing.csv?from=${day(70)}&to=${day(80)}`,
      school.owner,
    );
    expect(parseCsv(none.rawPayload)).toHaveLength(1);
    expect(
      (await download(`/api/organisations/${school.id}/invoicing.csv?from=${day(10)}&to=${day(0)}`, school.owner))
        .statusCode,
    ).toBe(400);
  });
});

describe('the participant list in the reader’s language', () => {
  it('names columns and values in the language asked, with the organisation and the price', async () => {
    const sessionId = await session({ priceCents: 9_900 });
    await book(company.owner, sessionId, { billing: eInvoice({ organisationName: 'Tunturienergia Oy' }) });
    const url = `/api/sessions/${sessionId}/participants.csv`;
    const fi = parseCsv((await download(url, school.owner)).rawPayload);
    expect(fi[0]).toEqual([
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
    ]);
    expect(fi[1]!.slice(8)).toEqual(['Tunturienergia Oy', '99,00']);
    // Marked present and absent: "yes" and "no" in the reader's language.
    const marked = await app.db
      .select({ id: participants.id })
      .from(participants)
      .innerJoin(bookings, eq(bookings.id, participants.bookingId))
      .where(eq(bookings.sessionId, sessionId))
      .orderBy(participants.position);
    await app.db.update(participants).set({ attended: true }).where(eq(participants.id, marked[0]!.id));
    await app.db.update(participants).set({ attended: false }).where(eq(participants.id, marked[1]!.id));
    const en = parseCsv((await download(`${url}?lang=en`, school.owner)).rawPayload);
    expect(en[0]!.slice(0, 3)).toEqual(['Name', 'E-mail', 'State']);
    expect(en.slice(1).map((r) => [r[2], r[7], r[9]])).toEqual([
      ['Confirmed', 'yes', '99.00'],
      ['Confirmed', 'no', '99.00'],
      ['Confirmed', '', '99.00'],
    ]);
    const sv = parseCsv((await download(url, school.owner, { 'accept-language': 'sv' })).rawPayload);
    // The account's language comes before the browser's.
    expect(sv[0]![0]).toBe('Nimi');
    const svCoordinator = await buildUser(app, { roles: ['COORDINATOR'], locale: 'sv' });
    const svRows = parseCsv((await download(url, svCoordinator)).rawPayload);
    expect(svRows[0]![0]).toBe('Namn');
    expect(svRows[1]![7]).toBe('ja');
  });
});

describe('erasing the booker', () => {
  it('clears their invoice e-mail and reference, from the booking and the remembered details', async () => {
    const booker = await buildUser(app);
    const firm = await buildOrganisation(app, { owner: booker, members: [await buildUser(app)] });
    await app.db.delete(organisationBillingDetails).where(eq(organisationBillingDetails.organisationId, firm.id));
    const r = await book(booker, await session(), {
      billing: {
        organisationId: firm.id,
        organisationName: firm.name,
        businessId: firm.businessId,
        invoiceMethod: 'EMAIL',
        invoiceEmail: 'maija.meikalainen@example.fi',
        reference: 'Maijan kustannuspaikka',
      },
    });
    expect(r.errors).toBeUndefined();
    // The firm's other member must own it for the erasure to go ahead.
    await eraseAccount(depsOf(app), booker.id, { by: null, action: 'ACCOUNT_EXPIRED' });
    const [billing] = await app.db
      .select()
      .from(bookingBilling)
      .where(eq(bookingBilling.bookingId, r.data!.bookSeats.id));
    expect(billing).toMatchObject({ invoiceEmail: null, reference: null, businessId: firm.businessId });
    expect(billing!.anonymisedAt).not.toBeNull();
    const [remembered] = await app.db
      .select()
      .from(organisationBillingDetails)
      .where(eq(organisationBillingDetails.organisationId, firm.id));
    expect(remembered).toMatchObject({ invoiceEmail: null, reference: null, updatedBy: null });
  });
});
