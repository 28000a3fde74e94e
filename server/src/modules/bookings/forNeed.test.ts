/**
 * A course booked for a COURSE need: who may, for which needs, on every path a booking takes (the
 * one-statement fast path, the locked path, the waitlist), idempotency with the need, and the
 * BOOKING match the database records for the cluster's report once the booking is confirmed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  needInput,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { withBilling } from '../../test/billing.js';

const FIELDS = `id state seats waitlistPosition need { id title }`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { id state } }`;

let app: TestApp;
let school: TestOrganisation;
let company: TestOrganisation;
let colleague: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  colleague = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  company = await buildOrganisation(app, { kind: 'COMPANY', members: [colleague] });
});
afterAll(() => app.closeAndDrop());

/** A published course of the school with one session; its id. */
async function session(overrides: Parameters<typeof sessionInput>[0] = {}) {
  const course = await buildCourse(
    app,
    {},
    { organisation: school, sessions: [sessionInput({ seats: 3, ...overrides })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

/** An open COURSE need of the company, posted by its owner. */
const courseNeed = (overrides: Parameters<typeof needInput>[0] = {}, publish = true) =>
  buildNeed(
    app,
    {
      kind: 'COURSE',
      title: 'Aurinkosähköasennuksen koulutus tiimille',
      payKind: null,
      payAmountCents: null,
      applicationDeadline: null,
      budgetCents: 150_000,
      organisationId: company.id,
      ...overrides,
    },
    { owner: company.owner, publish },
  );

async function book(who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  return gql(
    app,
    BOOK,
    { input: withBilling({ sessionId, idempotencyKey: randomUUID(), ...extra }) },
    { token: who.token },
  );
}

interface MatchFact {
  source_id: string;
  how: string;
  need_id: string;
  need_kind: string;
  company_id: string | null;
  educator_organisation_id: string | null;
  placement: boolean;
}
const matchesOf = (needId: string) =>
  queryRows<MatchFact>(
    app.db,
    sql`select source_id, how, need_id, need_kind, company_id, educator_organisation_id, placement
        from report_matches where need_id = ${needId}`,
  );
const storedNeedOf = async (bookingId: string) =>
  (await queryRows<{ need_id: string | null }>(app.db, sql`select need_id from bookings where id = ${bookingId}`))[0]!
    .need_id;

describe('booking a course for a need', () => {
  it('lets the poster book for their open COURSE need: the booking shows it, and it is one BOOKING match', async () => {
    const id = await session();
    const need = await courseNeed();
    const booked = await book(company.owner, id, { needId: need.id });
    expect(booked.errors).toBeUndefined();
    expect(booked.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', need: { id: need.id, title: need.title } });
    const bookingId = booked.data!.bookSeats.id as string;
    expect(await storedNeedOf(bookingId)).toBe(need.id);
    expect(await matchesOf(need.id)).toEqual([
      {
        source_id: bookingId,
        how: 'BOOKING',
        need_id: need.id,
        need_kind: 'COURSE',
        company_id: company.id,
        educator_organisation_id: school.id,
        placement: false,
      },
    ]);
    // The booker's own list shows the need; the organiser's view of the booking does not.
    const mine = await gql(
      app,
      `{ myBookings(first: 5) { nodes { id need { id } } } }`,
      {},
      { token: company.owner.token },
    );
    expect(mine.data!.myBookings.nodes).toContainEqual({ id: bookingId, need: { id: need.id } });
    const organiser = await gql(
      app,
      `query ($id: ID!) { booking(id: $id) { id need { id } } }`,
      { id: bookingId },
      { token: school.owner.token },
    );
    expect(organiser.data!.booking).toEqual({ id: bookingId, need: null });
  });

  it('lets a member of the need’s company book for it, and an expired need still (the deadline was for applying)', async () => {
    const id = await session();
    const need = await courseNeed();
    await app.db.execute(sql`update needs set state = 'EXPIRED' where id = ${need.id}`);
    const booked = await book(colleague, id, { needId: need.id });
    expect(booked.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', need: { id: need.id } });
    expect((await matchesOf(need.id)).map((m) => m.how)).toEqual(['BOOKING']);
  });

  it('refuses a student and another company’s entrepreneur, a need nobody may see and one that does not exist', async () => {
    const id = await session();
    const need = await courseNeed();
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const other = await buildOrganisation(app, { kind: 'COMPANY' });
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect(codeOf(await book(student, id, { needId: need.id }))).toBe('FORBIDDEN');
    expect(codeOf(await book(other.owner, id, { needId: need.id }))).toBe('FORBIDDEN');
    expect(codeOf(await book(coordinator, id, { needId: need.id }))).toBe('FORBIDDEN');
    const draft = await courseNeed({}, false);
    expect(codeOf(await book(other.owner, id, { needId: draft.id }))).toBe('NOT_FOUND');
    expect(codeOf(await book(company.owner, id, { needId: randomUUID() }))).toBe('NOT_FOUND');
    expect(codeOf(await book(company.owner, id, { needId: 'not-an-id' }))).toBe('VALIDATION');
    // Nothing was booked, nothing was matched.
    const seats = await gql(app, `query ($id: ID!) { session(id: $id) { seatsTaken } }`, { id });
    expect(seats.data!.session.seatsTaken).toBe(0);
    expect(await matchesOf(need.id)).toEqual([]);
  });

  it('refuses the poster’s own draft, closed or filled need and a placement need: NEED_NOT_BOOKABLE', async () => {
    const id = await session();
    const draft = await courseNeed({}, false);
    expect(codeOf(await book(company.owner, id, { needId: draft.id }))).toBe('NEED_NOT_BOOKABLE');
    for (const state of ['CLOSED', 'FILLED']) {
      const need = await courseNeed();
      await app.db.execute(sql`update needs set state = ${state} where id = ${need.id}`);
      const refused = await book(company.owner, id, { needId: need.id });
      expect(codeOf(refused)).toBe('NEED_NOT_BOOKABLE');
      expect(refused.errors![0]!.extensions).toMatchObject({ kind: 'COURSE', state });
    }
    const internship = await buildNeed(app, { organisationId: company.id }, { owner: company.owner });
    expect(codeOf(await book(colleague, id, { needId: internship.id }))).toBe('NEED_NOT_BOOKABLE');
  });

  it('keeps the need on the locked path (fewer seats free than asked)', async () => {
    const id = await session({ seats: 2 });
    await book(await buildUser(app), id);
    const need = await courseNeed();
    const people = [
      { name: 'Aino Asentaja', email: 'aino@example.fi' },
      { name: 'Pekka Paneeli', email: 'pekka@example.fi' },
    ];
    const booked = await book(company.owner, id, {
      needId: need.id,
      participants: people,
      whenShort: 'TAKE_AVAILABLE',
    });
    expect(booked.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', seats: 1, need: { id: need.id } });
    expect(await storedNeedOf(booked.data!.bookSeats.id)).toBe(need.id);
    expect(await matchesOf(need.id)).toHaveLength(1);
  });

  it('records no match while waitlisted, and one when the booking is promoted and confirmed', async () => {
    const id = await session({ seats: 1, priceCents: 0 });
    const first = await buildUser(app);
    const taken = await book(first, id);
    const need = await courseNeed();
    const waiting = await book(company.owner, id, { needId: need.id, whenShort: 'JOIN_WAITLIST' });
    expect(waiting.data!.bookSeats).toMatchObject({ state: 'WAITLISTED', waitlistPosition: 1, need: { id: need.id } });
    const bookingId = waiting.data!.bookSeats.id as string;
    expect(await storedNeedOf(bookingId)).toBe(need.id);
    expect(await matchesOf(need.id)).toEqual([]);
    // The seat frees; a free course confirms the next in line at once.
    const cancelled = await gql(app, CANCEL, { id: taken.data!.bookSeats.id }, { token: first.token });
    expect(cancelled.errors).toBeUndefined();
    const now = await gql(
      app,
      `query ($id: ID!) { booking(id: $id) { state } }`,
      { id: bookingId },
      { token: company.owner.token },
    );
    expect(now.data!.booking.state).toBe('CONFIRMED');
    expect(await matchesOf(need.id)).toMatchObject([{ source_id: bookingId, how: 'BOOKING' }]);
  });

  it('treats the same key with another need, or none, as another request', async () => {
    const id = await session({ seats: 5 });
    const need = await courseNeed();
    const otherNeed = await courseNeed();
    const key = randomUUID();
    const first = await book(company.owner, id, { idempotencyKey: key, needId: need.id });
    const again = await book(company.owner, id, { idempotencyKey: key, needId: need.id.toUpperCase() });
    expect(again.data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    expect(codeOf(await book(company.owner, id, { idempotencyKey: key, needId: otherNeed.id }))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(codeOf(await book(company.owner, id, { idempotencyKey: key }))).toBe('IDEMPOTENCY_KEY_REUSED');
    // A booking made without a need keeps its key for that request only.
    const plainKey = randomUUID();
    await book(company.owner, id, { idempotencyKey: plainKey });
    expect(codeOf(await book(company.owner, id, { idempotencyKey: plainKey, needId: need.id }))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    // A retry after the need was filled still gets the booking it made.
    await app.db.execute(sql`update needs set state = 'FILLED' where id = ${need.id}`);
    const retry = await book(company.owner, id, { idempotencyKey: key, needId: need.id });
    expect(retry.data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    expect(codeOf(await book(company.owner, id, { needId: need.id }))).toBe('NEED_NOT_BOOKABLE');
  });

  it('tells who may book a course for a need (Need.canBookCourse)', async () => {
    const need = await courseNeed();
    const internship = await buildNeed(app, { organisationId: company.id }, { owner: company.owner });
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const Q = `query ($a: ID!, $b: ID!) { a: need(id: $a) { canBookCourse } b: need(id: $b) { canBookCourse } }`;
    const ask = async (who: TestUser | null) =>
      (await gql(app, Q, { a: need.id, b: internship.id }, who ? { token: who.token } : {})).data!;
    expect(await ask(company.owner)).toEqual({ a: { canBookCourse: true }, b: { canBookCourse: false } });
    expect(await ask(colleague)).toEqual({ a: { canBookCourse: true }, b: { canBookCourse: false } });
    expect(await ask(student)).toEqual({ a: { canBookCourse: false }, b: { canBookCourse: false } });
    expect(await ask(null)).toEqual({ a: { canBookCourse: false }, b: { canBookCourse: false } });
  });
});
