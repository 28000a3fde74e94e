/**
 * What follows a match (issue 18, item 6): a student match makes the student's application (once,
 * not doubled), seen by the company and the student, with its conversation between them; a course
 * session match holds seats for the need's poster as an OFFERED booking for the need, within the free
 * seats and the per-booker cap; the notices lead there; nobody else sees any of it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCourse,
  buildOrganisation,
  buildUser,
  lastEmailTo,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { TYPED_BILLING, withBilling } from '../../test/billing.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { courseNeed, placementNeed, student } from '../../test/proposal-factories.js';
import { applications } from '../applications/tables.js';
import { bookings } from '../bookings/tables.js';
import { notifications } from '../messaging/tables.js';
import { courseSessions } from '../offers/tables.js';

const FOLLOW_UP = `id state
  application { id state proposalId coverLetter studentName need { id } }
  seatHold { state seats offeredUntil bookingId mine }`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(id: $id) { ${FOLLOW_UP} } }`;
const READ = `query ($id: ID!) { proposal(id: $id) { ${FOLLOW_UP} } }`;
const APPLICATION = `query ($id: ID!) { application(id: $id) { id state proposalId coverLetter events { toState actor } } }`;
const CONVERSATION = `query ($id: ID!) { conversation(subjectKind: APPLICATION, subjectId: $id) { id subjectId messages { nodes { body mine } } } }`;
const SEND = `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: APPLICATION, subjectId: $id, body: $body) { id } }`;

let app: TestApp;
let company: TestOrganisation;
let member: TestUser;
let coordinator: TestUser;
let school: TestOrganisation;
let educator: TestUser;
let outsider: TestUser;
let otherStudent: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  member = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Kaisa Kollega' });
  company = await buildOrganisation(app, { name: 'Tunturitesti Oy', members: [member] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Aino Välittäjä' });
  educator = await buildUser(app, { roles: ['EDUCATOR'], displayName: 'Olli Opettaja' });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL', name: 'Testi AMK', members: [educator] });
  outsider = (await buildOrganisation(app, { name: 'Muu Oy' })).owner;
  otherStudent = await student(app, true, 'Toinen Opiskelija');
});
afterAll(() => app.closeAndDrop());

const as = (user: TestUser | null) => (user ? { token: user.token } : {});
const matchMade = (userId: string, proposalId: string) =>
  app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, 'MATCH_MADE')))
    .then((rows) => rows.filter((n) => n.data.proposalId === proposalId).map((n) => n.data));

async function propose(input: Record<string, unknown>, by: TestUser = coordinator) {
  const r = await gql(app, PROPOSE, { input: { note: 'Tämä sopisi teille hyvin.', ...input } }, as(by));
  expect(r.errors).toBeUndefined();
  return r.data!.proposeMatch.id as string;
}

async function accept(id: string, who: TestUser) {
  const r = await gql(app, ACCEPT, { id }, as(who));
  expect(r.errors).toBeUndefined();
  return r.data!.acceptProposal;
}

describe('a student match', () => {
  it('makes the student’s application once, on the company’s board and in the student’s list, with a conversation between them', async () => {
    const theStudent = await student(app, true, 'Sanna Opiskelija');
    const need = await placementNeed(app, company, { title: 'Harjoittelija asennuksiin' });
    const id = await propose({ needId: need.id, targetKind: 'STUDENT', studentId: theStudent.id });
    const first = await accept(id, theStudent);
    expect(first).toMatchObject({ state: 'OPEN', application: null });
    expect(await app.db.select().from(applications).where(eq(applications.needId, need.id))).toEqual([]);

    const done = await accept(id, member);
    expect(done.state).toBe('ACCEPTED');
    const rows = await app.db.select().from(applications).where(eq(applications.needId, need.id));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ studentId: theStudent.id, state: 'SUBMITTED', proposalId: id, coverLetter: '' });
    expect(done.application).toMatchObject({
      id: row!.id,
      state: 'SUBMITTED',
      proposalId: id,
      studentName: 'Sanna Opiskelija',
    });

    // The company sees the applicant on its board at once; the student sees it among theirs.
    const board = await gql(
      app,
      `query ($needId: ID!) { needApplications(needId: $needId) { totalCount nodes { id proposalId } } }`,
      { needId: need.id },
      as(company.owner),
    );
    expect(board.data!.needApplications).toEqual({ totalCount: 1, nodes: [{ id: row!.id, proposalId: id }] });
    const mine = await gql(app, `{ myApplications { nodes { id } } }`, {}, as(theStudent));
    expect(mine.data!.myApplications.nodes).toEqual([{ id: row!.id }]);
    const read = await gql(app, APPLICATION, { id: row!.id }, as(theStudent));
    expect(read.data!.application).toMatchObject({
      state: 'SUBMITTED',
      proposalId: id,
      events: [{ toState: 'SUBMITTED', actor: 'SYSTEM' }],
    });

    // The proposal leads to it, for the student, the company and the coordinator.
    for (const who of [theStudent, company.owner, member, coordinator]) {
      const r = await gql(app, READ, { id }, as(who));
      expect(r.data!.proposal.application?.id, who.displayName).toBe(row!.id);
    }

    // Its conversation: the student and the company talk there.
    const sent = await gql(app, SEND, { id: row!.id, body: 'Kiitos, milloin voisimme tavata?' }, as(theStudent));
    expect(sent.errors).toBeUndefined();
    const seen = await gql(app, CONVERSATION, { id: row!.id }, as(company.owner));
    expect(seen.data!.conversation.messages.nodes).toEqual([{ body: 'Kiitos, milloin voisimme tavata?', mine: false }]);
    expect((await gql(app, SEND, { id: row!.id, body: 'Ensi viikolla.' }, as(member))).errors).toBeUndefined();

    // The notices lead there: the student to their application, the company to it, the coordinator to the proposal.
    expect(await matchMade(theStudent.id, id)).toEqual([
      expect.objectContaining({ event: 'APPLICATION_CREATED', path: `/my/applications/${row!.id}` }),
    ]);
    expect(await matchMade(member.id, id)).toEqual([]);
    const toCoordinator = await matchMade(coordinator.id, id);
    expect(toCoordinator).toEqual([
      expect.objectContaining({ event: 'APPLICATION_CREATED', applicationId: row!.id, path: `/proposals/${id}` }),
    ]);
    const toOwner = await matchMade(company.owner.id, id);
    expect(toOwner).toEqual([
      expect.objectContaining({ event: 'APPLICATION_CREATED', path: `/applications/${row!.id}` }),
    ]);
    const email = await lastEmailTo(app, coordinator.email);
    expect(email!.textBody).toContain('Opiskelijan hakemus on nyt yrityksen hakijoissa');

    // Nobody else sees the application, its conversation or the proposal.
    for (const who of [otherStudent, outsider, educator]) {
      expect(codeOf(await gql(app, READ, { id }, as(who))), who.email).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, APPLICATION, { id: row!.id }, as(who))), who.email).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, CONVERSATION, { id: row!.id }, as(who))), who.email).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, SEND, { id: row!.id, body: 'Hei' }, as(who))), who.email).toBe('NOT_FOUND');
    }
  });

  it('leads the student to their application when the company accepted first', async () => {
    const theStudent = await student(app, true, 'Leena Opiskelija');
    const need = await placementNeed(app, company);
    const id = await propose({ needId: need.id, targetKind: 'STUDENT', studentId: theStudent.id });
    await accept(id, company.owner);
    const done = await accept(id, theStudent);
    const [row] = await app.db.select().from(applications).where(eq(applications.needId, need.id));
    expect(done.application.id).toBe(row!.id);
    expect(await matchMade(theStudent.id, id)).toEqual([]);
    expect(await matchMade(member.id, id)).toEqual([
      expect.objectContaining({ event: 'APPLICATION_CREATED', path: `/applications/${row!.id}` }),
    ]);
    // The notice a student gets when the company's side accepts last leads to their own application.
    const later = await student(app, true, 'Ville Opiskelija');
    const other = await placementNeed(app, company);
    const second = await propose({ needId: other.id, targetKind: 'STUDENT', studentId: later.id });
    await accept(second, later);
    await accept(second, company.owner);
    const [made] = await app.db.select().from(applications).where(eq(applications.needId, other.id));
    expect(await matchMade(later.id, second)).toEqual([
      expect.objectContaining({ event: 'APPLICATION_CREATED', path: `/my/applications/${made!.id}` }),
    ]);
  });

  it('keeps the application the student made already, and makes no second one', async () => {
    const theStudent = await student(app, true, 'Maija Opiskelija');
    const need = await placementNeed(app, company);
    const applied = await buildApplication(app, { id: need.id, owner: company.owner }, { student: theStudent });
    const id = await propose({ needId: need.id, targetKind: 'STUDENT', studentId: theStudent.id });
    await accept(id, theStudent);
    const done = await accept(id, company.owner);
    const rows = await app.db.select().from(applications).where(eq(applications.needId, need.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: applied.id, proposalId: null, state: 'SUBMITTED' });
    expect(done.application).toMatchObject({ id: applied.id, proposalId: null });
    expect(await matchMade(member.id, id)).toEqual([
      expect.objectContaining({ event: 'APPLICATION_EXISTS', path: `/applications/${applied.id}` }),
    ]);
  });
});

/** A published course of the school with one session; the course's and session's ids. */
async function courseSession(overrides: Parameters<typeof sessionInput>[0] = {}) {
  const offer = await buildCourse(
    app,
    { claimWindowHours: 48 },
    { organisation: school, sessions: [sessionInput({ seats: 10, ...overrides })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: offer.id });
  return { offerId: offer.id, sessionId: r.data!.offer.sessions[0].id as string };
}

const seatsTaken = async (sessionId: string) =>
  (await app.db.select().from(courseSessions).where(eq(courseSessions.id, sessionId)))[0]!.seatsTaken;

/** Books `seats` seats on the session for someone else, to fill it. */
async function bookOthers(sessionId: string, seats: number) {
  const booker = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  const r = await gql(
    app,
    `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { state seats } }`,
    {
      input: withBilling({
        sessionId,
        idempotencyKey: randomUUID(),
        participants: Array.from({ length: seats }, (_, i) => ({
          name: `Osallistuja ${i}`,
          email: `p${i}-${booker.id}@example.fi`,
        })),
      }),
    },
    as(booker),
  );
  expect(r.errors).toBeUndefined();
}

const CLAIM = `mutation ($id: ID!, $billing: BillingInput) {
  claimBooking(id: $id, billing: $billing) { state seats need { id } billing { organisationName invoiceEmail } }
}`;

describe('a course session match', () => {
  it('holds the need’s people’s seats for its poster as an OFFERED booking for the need, claimable for the claim window', async () => {
    const { sessionId } = await courseSession();
    const need = await courseNeed(app, company, { positions: 4, title: 'Aurinkosähkökurssi neljälle' });
    const id = await propose({ needId: need.id, targetKind: 'SESSION', sessionId }, educator);
    const before = Date.now();
    const done = await accept(id, member);
    expect(done.state).toBe('ACCEPTED');
    const held = await app.db.select().from(bookings).where(eq(bookings.needId, need.id));
    expect(held).toHaveLength(1);
    const [hold] = held;
    expect(hold).toMatchObject({ sessionId, bookedBy: company.owner.id, state: 'OFFERED', seats: 4, needId: need.id });
    const window = hold!.offeredUntil!.getTime() - before;
    expect(window).toBeGreaterThan(47.9 * 3600_000);
    expect(window).toBeLessThan(48.1 * 3600_000);
    expect(await seatsTaken(sessionId)).toBe(4);

    // The member who accepted sees how many and until when, but not the poster's booking.
    expect(done.seatHold).toEqual({
      state: 'OFFERED',
      seats: 4,
      offeredUntil: hold!.offeredUntil!.toISOString(),
      bookingId: null,
      mine: false,
    });
    const forPoster = await gql(app, READ, { id }, as(company.owner));
    expect(forPoster.data!.proposal.seatHold).toMatchObject({ seats: 4, bookingId: hold!.id, mine: true });
    const forEducator = await gql(app, READ, { id }, as(educator));
    expect(forEducator.data!.proposal.seatHold).toMatchObject({ seats: 4, bookingId: null, mine: false });

    // The poster is told where to claim them; the course's side that it holds them for the poster.
    expect(await matchMade(company.owner.id, id)).toEqual([
      expect.objectContaining({
        event: 'SEATS_HELD',
        count: 4,
        bookingId: hold!.id,
        offeredUntil: hold!.offeredUntil!.toISOString(),
        path: '/my/bookings',
      }),
    ]);
    expect(await matchMade(school.owner.id, id)).toEqual([
      expect.objectContaining({ event: 'SEATS_HELD_FOR_POSTER', count: 4, path: `/proposals/${id}` }),
    ]);
    const email = await lastEmailTo(app, company.owner.email);
    expect(email!.textBody).toContain('Sinulle on varattu 4 paikkaa tarpeesi koulutukseen');

    // Others may not see or claim it; the poster claims it as a booking for the need.
    expect(codeOf(await gql(app, READ, { id }, as(outsider)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, CLAIM, { id: hold!.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, CLAIM, { id: hold!.id }, as(member)))).toBe('NOT_FOUND');
    // Four paid seats are invoiced: the company had no details saved, so the claim asks for them.
    const unbilled = await gql(app, CLAIM, { id: hold!.id }, as(company.owner));
    expect(codeOf(unbilled)).toBe('VALIDATION');
    expect(unbilled.errors![0]!.extensions.fields).toEqual([
      { field: 'billing', message: 'validation.billingRequired' },
    ]);
    expect(await app.db.select().from(bookings).where(eq(bookings.id, hold!.id))).toEqual([
      expect.objectContaining({ state: 'OFFERED' }),
    ]);
    const claimed = await gql(
      app,
      CLAIM,
      { id: hold!.id, billing: { ...TYPED_BILLING, organisationId: company.id } },
      as(company.owner),
    );
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimBooking).toEqual({
      state: 'CONFIRMED',
      seats: 4,
      need: { id: need.id },
      billing: { organisationName: TYPED_BILLING.organisationName, invoiceEmail: TYPED_BILLING.invoiceEmail },
    });
    const after = await gql(app, READ, { id }, as(company.owner));
    expect(after.data!.proposal.seatHold).toMatchObject({ state: 'CONFIRMED', offeredUntil: null });
    expect(await seatsTaken(sessionId)).toBe(4);
  });

  it('invoices a hold as the company was last invoiced, claimed without asking again; billing for another organisation is refused', async () => {
    // The company's details are remembered from the claim above (given on its behalf).
    const { sessionId } = await courseSession();
    const need = await courseNeed(app, company, { positions: 2 });
    const id = await propose({ needId: need.id, targetKind: 'SESSION', sessionId }, educator);
    await accept(id, member);
    const [hold] = await app.db.select().from(bookings).where(eq(bookings.needId, need.id));
    const foreign = await gql(
      app,
      CLAIM,
      { id: hold!.id, billing: { ...TYPED_BILLING, organisationId: (await buildOrganisation(app)).id } },
      as(company.owner),
    );
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    const claimed = await gql(app, CLAIM, { id: hold!.id }, as(company.owner));
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimBooking).toMatchObject({
      state: 'CONFIRMED',
      billing: { organisationName: TYPED_BILLING.organisationName },
    });
    // A bad billing input is a field error, not an internal one.
    const bad = await gql(
      app,
      CLAIM,
      { id: hold!.id, billing: { ...TYPED_BILLING, businessId: 'x'.repeat(500) } },
      as(company.owner),
    );
    expect(codeOf(bad)).toBe('VALIDATION');
  });

  it('holds no more than the free seats, nor beyond the per-booker cap', async () => {
    const few = await courseSession({ seats: 5 });
    await bookOthers(few.sessionId, 3);
    const need = await courseNeed(app, company, { positions: 4 });
    const id = await propose({ needId: need.id, targetKind: 'SESSION', sessionId: few.sessionId });
    await accept(id, company.owner);
    await accept(id, educator);
    const [hold] = await app.db.select().from(bookings).where(eq(bookings.needId, need.id));
    expect(hold).toMatchObject({ state: 'OFFERED', seats: 2 });
    expect(await seatsTaken(few.sessionId)).toBe(5);

    const capped = await courseSession({ seats: 10, maxSeatsPerBooker: 3 });
    const other = await courseNeed(app, company, { positions: 4 });
    const second = await propose({ needId: other.id, targetKind: 'SESSION', sessionId: capped.sessionId });
    await accept(second, educator);
    await accept(second, member);
    const [cappedHold] = await app.db.select().from(bookings).where(eq(bookings.needId, other.id));
    expect(cappedHold).toMatchObject({ state: 'OFFERED', seats: 3 });
  });

  it('holds nothing when no seat is free, and says so', async () => {
    const full = await courseSession({ seats: 2 });
    await bookOthers(full.sessionId, 2);
    const need = await courseNeed(app, company, { positions: 2 });
    const id = await propose({ needId: need.id, targetKind: 'SESSION', sessionId: full.sessionId });
    await accept(id, educator);
    const done = await accept(id, member);
    expect(done).toMatchObject({ state: 'ACCEPTED', seatHold: null });
    expect(await app.db.select().from(bookings).where(eq(bookings.needId, need.id))).toEqual([]);
    expect(await seatsTaken(full.sessionId)).toBe(2);
    expect(await matchMade(company.owner.id, id)).toEqual([
      expect.objectContaining({ event: 'NO_SEATS', path: `/offers/${full.offerId}?need=${need.id}` }),
    ]);
  });

  it('a course matched without a session leads the need’s side to book it for the need', async () => {
    const { offerId } = await courseSession();
    const need = await courseNeed(app, company);
    const id = await propose({ needId: need.id, targetKind: 'OFFER', offerId });
    await accept(id, educator);
    const done = await accept(id, member);
    expect(done).toMatchObject({ state: 'ACCEPTED', seatHold: null, application: null });
    expect(await matchMade(company.owner.id, id)).toEqual([
      expect.objectContaining({ event: 'BOOK', path: `/offers/${offerId}?need=${need.id}` }),
    ]);
    expect(await matchMade(coordinator.id, id)).toEqual([
      expect.objectContaining({ event: 'BOOK', path: `/proposals/${id}` }),
    ]);
  });
});
