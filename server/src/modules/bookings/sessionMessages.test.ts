/**
 * Issue 18, item 4: the organiser messages everyone booked on a session. Each confirmed booker and
 * named participant is told once (with an account in the app and as they chose, without one by
 * e-mail in the booker's language), not the author, not waitlisted or cancelled bookings; only
 * those who manage the session may write and read what was sent; the text's bounds, the daily
 * limit, a cancelled or long-ended session; the author's erasure keeps the text without them.
 */
import { randomUUID } from 'node:crypto';
import { SESSION_MESSAGE_MAX, SESSION_MESSAGES_PER_DAY } from '@keskusvaraamo/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  depsOf,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { renderMessage } from '../messaging/index.js';
import { emailOutbox, notifications } from '../messaging/tables.js';
import { eraseAccount } from '../privacy/index.js';
import { sessionMessages } from './tables.js';

const TITLE = 'Työturvallisuus sähkötöissä';
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { id state } }`;
const CANCEL_SESSION = `mutation ($id: ID!) { cancelSession(id: $id) { id } }`;
const SEND = `mutation ($sessionId: ID!, $message: String!) {
  messageSessionParticipants(sessionId: $sessionId, message: $message) { id body authorName recipientCount createdAt }
}`;
const LIST = `query ($sessionId: ID!, $first: Int, $after: String) {
  sessionMessages(sessionId: $sessionId, first: $first, after: $after) {
    nodes { id body authorName recipientCount createdAt } pageInfo { hasNextPage endCursor } totalCount
  }
}`;
const SESSION = `query ($id: ID!) { session(id: $id) { id canMessageParticipants messageRecipientCount } }`;

let app: TestApp;
let school: TestOrganisation;
let colleague: TestUser;
let otherSchool: TestOrganisation;
let coordinator: TestUser;
let admin: TestUser;
let student: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  colleague = await buildUser(app, { roles: ['EDUCATOR'], displayName: 'Kaija Kollega' });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL', members: [colleague], name: 'Lapin Ammattiopisto' });
  otherSchool = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  admin = await buildUser(app, { roles: ['ADMIN'] });
  student = await buildUser(app, { roles: ['STUDENT'] });
});
afterAll(() => app.closeAndDrop());

async function newSession(seats = 5, organisation = school) {
  const course = await buildCourse(
    app,
    { title: TITLE },
    { organisation, sessions: [sessionInput({ seats, priceCents: 0 })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

async function book(who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  const r = await gql(
    app,
    BOOK,
    { input: { sessionId, idempotencyKey: randomUUID(), ...extra } },
    { token: who.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats as { id: string; state: string };
}

const send = (who: TestUser | null, sessionId: string, message: string) =>
  gql(app, SEND, { sessionId, message }, who ? { token: who.token } : {});

async function messagesTo(userId: string, sessionId: string) {
  return app.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.type, 'SESSION_MESSAGE'),
        sql`${notifications.data}->>'sessionId' = ${sessionId}`,
      ),
    )
    .orderBy(asc(notifications.createdAt));
}

/** The e-mails to an address, rendered as sent, oldest first. */
async function mailTo(address: string) {
  const rows = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
  return Promise.all(rows.map(async (row) => ({ row, message: (await renderMessage(app.deps(), row))! })));
}

describe('a message to everyone booked on a session', () => {
  const MESSAGE = 'Muistakaa turvakengät.\nOvi avataan kello 8.';
  const withoutAccount = `ilman-tilia-${randomUUID().slice(0, 8)}@example.fi`;
  let sessionId: string;
  let groupBooker: TestUser;
  let soloBooker: TestUser;
  let participant: TestUser;
  let waitlisted: TestUser;
  let cancelled: TestUser;
  let sent: { id: string; body: string; authorName: string; recipientCount: number; createdAt: string };

  beforeAll(async () => {
    sessionId = await newSession(5);
    groupBooker = await buildUser(app, { displayName: 'Erkki Yrittäjä', locale: 'en' });
    soloBooker = await buildUser(app, { displayName: 'Aino Asiakas' });
    participant = await buildUser(app, { displayName: 'Sara Svensson', locale: 'sv' });
    waitlisted = await buildUser(app);
    cancelled = await buildUser(app);

    const gone = await book(cancelled, sessionId);
    expect((await gql(app, CANCEL, { id: gone.id }, { token: cancelled.token })).errors).toBeUndefined();
    await book(groupBooker, sessionId, {
      participants: [
        { name: 'Erkki Yrittäjä', email: groupBooker.email },
        { name: 'Pekka Ilman Tiliä', email: withoutAccount },
        { name: 'Sara Svensson', email: participant.email },
      ],
    });
    // Two bookings of one booker, the second naming the organiser who will write: told once, the writer not.
    await book(soloBooker, sessionId);
    await book(soloBooker, sessionId, { participants: [{ name: 'Opettaja', email: school.owner.email }] });
    const w = await book(waitlisted, sessionId, {
      participants: [{ name: 'Jonottaja', email: `jono-${randomUUID().slice(0, 8)}@example.fi` }],
      whenShort: 'JOIN_WAITLIST',
    });
    expect(w.state).toBe('WAITLISTED');
  });

  it('says to the organisers how many it would reach, not counting the reader', async () => {
    const as = async (who: TestUser) =>
      (await gql(app, SESSION, { id: sessionId }, { token: who.token })).data!.session;
    // The two bookers, Sara with an account and Pekka without; the owner (named) is not told their own message.
    expect(await as(school.owner)).toMatchObject({ canMessageParticipants: true, messageRecipientCount: 4 });
    // For the colleague the owner is one more participant with an account.
    expect(await as(colleague)).toMatchObject({ canMessageParticipants: true, messageRecipientCount: 5 });
    expect(await as(coordinator)).toMatchObject({ canMessageParticipants: true });
    for (const who of [groupBooker, student, otherSchool.owner, admin]) {
      expect(await as(who)).toMatchObject({ canMessageParticipants: false, messageRecipientCount: null });
    }
    const anonymous = (await gql(app, SESSION, { id: sessionId })).data!.session;
    expect(anonymous).toMatchObject({ canMessageParticipants: false, messageRecipientCount: null });
  });

  it('is sent by an organiser and recorded with its author and how many it reached', async () => {
    const r = await send(school.owner, sessionId, `  ${MESSAGE.replace('\n', '\r\n')}  `);
    expect(r.errors).toBeUndefined();
    sent = r.data!.messageSessionParticipants;
    expect(sent).toMatchObject({ body: MESSAGE, authorName: school.owner.displayName, recipientCount: 4 });
  });

  it('tells each confirmed booker once, in the app, with the text and the organisation', async () => {
    const toGroup = await messagesTo(groupBooker.id, sessionId);
    expect(toGroup.map((n) => n.data)).toMatchObject([
      { message: MESSAGE, organisationName: 'Lapin Ammattiopisto', title: TITLE, path: '/my/bookings' },
    ]);
    expect(await messagesTo(soloBooker.id, sessionId)).toHaveLength(1);
    const mail = (await mailTo(groupBooker.email)).at(-1)!;
    expect(mail.message.subject).toBe(`A message from the organiser: ${TITLE}`);
    expect(mail.message.text).toContain(`Lapin Ammattiopisto writes to everyone booked on ${TITLE}`);
    expect(mail.message.text).toContain(MESSAGE);
    expect(mail.message.attachments).toEqual([]);
  });

  it('tells named participants: with an account in the app in their language, without one by e-mail in the booker’s', async () => {
    const toSara = await messagesTo(participant.id, sessionId);
    expect(toSara.map((n) => n.data)).toMatchObject([{ role: 'PARTICIPANT', message: MESSAGE }]);
    const svMail = (await mailTo(participant.email)).at(-1)!;
    expect(svMail.message.subject).toBe(`Meddelande från kursens arrangör: ${TITLE}`);
    // Not the booker: no link that cancels the whole booking.
    expect(svMail.message.text).not.toContain('/bookings/cancel?');

    // Their booking's confirmation came before; the message once.
    const mails = (await mailTo(withoutAccount)).filter(
      (m) => (m.row.params as { notice?: { type?: string } }).notice?.type === 'SESSION_MESSAGE',
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.row).toMatchObject({ userId: null, locale: 'en' });
    expect(mails[0]!.message.subject).toBe(`A message from the organiser: ${TITLE}`);
    expect(mails[0]!.message.text).toContain(MESSAGE);
  });

  it('does not tell the author, waitlisted or cancelled bookings, or other organisers', async () => {
    for (const who of [school.owner, waitlisted, cancelled, colleague]) {
      expect(await messagesTo(who.id, sessionId)).toEqual([]);
    }
    const [total] = await app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.type, 'SESSION_MESSAGE'), sql`${notifications.data}->>'sessionId' = ${sessionId}`));
    expect(total!.n).toBe(3);
  });

  it('lists what was sent, newest first, to the organisers and coordinators only', async () => {
    expect((await send(colleague, sessionId, 'Toinen viesti.')).errors).toBeUndefined();
    const r = await gql(app, LIST, { sessionId }, { token: colleague.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.sessionMessages.totalCount).toBe(2);
    expect(r.data!.sessionMessages.nodes).toMatchObject([
      { body: 'Toinen viesti.', authorName: 'Kaija Kollega', recipientCount: 5 },
      { id: sent.id, body: MESSAGE, authorName: school.owner.displayName, recipientCount: 4 },
    ]);
    // A page at a time.
    const first = await gql(app, LIST, { sessionId, first: 1 }, { token: coordinator.token });
    expect(first.data!.sessionMessages.nodes.map((m: { body: string }) => m.body)).toEqual(['Toinen viesti.']);
    const second = await gql(
      app,
      LIST,
      { sessionId, first: 1, after: first.data!.sessionMessages.pageInfo.endCursor },
      { token: coordinator.token },
    );
    expect(second.data!.sessionMessages.nodes.map((m: { id: string }) => m.id)).toEqual([sent.id]);
    expect(codeOf(await gql(app, LIST, { sessionId, first: 101 }, { token: colleague.token }))).toBe('VALIDATION');

    for (const who of [groupBooker, participant, student, otherSchool.owner, admin]) {
      const refused = await gql(app, LIST, { sessionId }, { token: who.token });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.body).not.toContain(MESSAGE.split('\n')[0]);
    }
    expect(codeOf(await gql(app, LIST, { sessionId }))).toBe('UNAUTHENTICATED');
  });

  it('is refused to a booker, a participant, a student, another organisation and an anonymous caller', async () => {
    for (const who of [groupBooker, participant, student, otherSchool.owner, admin]) {
      expect(codeOf(await send(who, sessionId, 'Ei kuulu minulle.'))).toBe('FORBIDDEN');
    }
    expect(codeOf(await send(null, sessionId, 'Ei kuulu minulle.'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await send(school.owner, randomUUID(), 'Ei ole.'))).toBe('NOT_FOUND');
    expect(codeOf(await send(school.owner, 'not-an-id', 'Ei ole.'))).toBe('NOT_FOUND');
    const [row] = await app.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sessionMessages)
      .where(eq(sessionMessages.sessionId, sessionId));
    expect(row!.n).toBe(2);
  });
});

describe("a message's bounds", () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await newSession(2);
    await book(await buildUser(app), sessionId);
  });

  it.each([
    ['empty', '', 'validation.required'],
    ['only spaces and line breaks', '  \n\t ', 'validation.required'],
    ['one character too long', 'x'.repeat(SESSION_MESSAGE_MAX + 1), 'validation.tooLong'],
    ['a control character', 'Hei\u0007', 'validation.characters'],
  ])('refuses a text that is %s as VALIDATION on the field', async (_what, message, issue) => {
    const r = await send(school.owner, sessionId, message);
    expect(codeOf(r)).toBe('VALIDATION');
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: 'message', message: issue }]);
  });

  it('takes the longest text there may be', async () => {
    const r = await send(school.owner, sessionId, 'ä'.repeat(SESSION_MESSAGE_MAX));
    expect(r.errors).toBeUndefined();
    expect(r.data!.messageSessionParticipants.body).toHaveLength(SESSION_MESSAGE_MAX);
  });

  it('is not sent when nobody holds a confirmed seat', async () => {
    const empty = await newSession(2);
    expect(codeOf(await send(school.owner, empty, 'Onko ketään?'))).toBe('NO_RECIPIENTS');
  });
});

describe('the daily limit', () => {
  it(`allows ${SESSION_MESSAGES_PER_DAY} messages to one session in 24 hours, then RATE_LIMITED with the wait`, async () => {
    const sessionId = await newSession(2);
    const booker = await buildUser(app);
    await book(booker, sessionId);
    for (let i = 1; i <= SESSION_MESSAGES_PER_DAY; i++) {
      expect((await send(colleague, sessionId, `Viesti ${i}`)).errors).toBeUndefined();
    }
    const refused = await send(school.owner, sessionId, 'Yksi liikaa');
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    const wait = refused.errors![0]!.extensions.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(86_000);
    expect(wait).toBeLessThanOrEqual(86_400);
    expect(await messagesTo(booker.id, sessionId)).toHaveLength(SESSION_MESSAGES_PER_DAY);

    // Another session's count is its own.
    const other = await newSession(2);
    await book(booker, other);
    expect((await send(colleague, other, 'Eri toteutus')).errors).toBeUndefined();

    // Once the oldest has left the 24 hours, one more may go.
    await app.db.execute(
      sql`update session_messages set created_at = created_at - interval '1 day'
          where id = (select id from session_messages where session_id = ${sessionId} order by created_at limit 1)`,
    );
    expect((await send(school.owner, sessionId, 'Nyt taas')).errors).toBeUndefined();
    expect(codeOf(await send(school.owner, sessionId, 'Ja taas liikaa'))).toBe('RATE_LIMITED');
  });
});

describe('a session that no longer takes messages', () => {
  it('refuses a cancelled session', async () => {
    const sessionId = await newSession(2);
    await book(await buildUser(app), sessionId);
    expect((await gql(app, CANCEL_SESSION, { id: sessionId }, { token: school.owner.token })).errors).toBeUndefined();
    const r = await send(school.owner, sessionId, 'Peruttu, mutta...');
    expect(codeOf(r)).toBe('SESSION_MESSAGING_CLOSED');
    expect(r.errors![0]!.extensions.reason).toBe('CANCELLED');
    const session = (await gql(app, SESSION, { id: sessionId }, { token: school.owner.token })).data!.session;
    expect(session.canMessageParticipants).toBe(false);
    // What was sent before stays readable.
    expect(codeOf(await gql(app, LIST, { sessionId }, { token: school.owner.token }))).toBeUndefined();
  });

  it('takes messages for 7 days after the end, then refuses', async () => {
    const sessionId = await newSession(2);
    const booker = await buildUser(app);
    await book(booker, sessionId);
    const endedDaysAgo = (days: number) =>
      app.db.execute(
        sql`update course_sessions set registration_deadline = now() - make_interval(days => ${days + 2}),
              starts_at = now() - make_interval(days => ${days + 1}), ends_at = now() - make_interval(days => ${days})
            where id = ${sessionId}`,
      );
    await endedDaysAgo(6);
    expect((await send(school.owner, sessionId, 'Kiitos osallistumisesta!')).errors).toBeUndefined();
    expect(await messagesTo(booker.id, sessionId)).toHaveLength(1);
    await endedDaysAgo(8);
    const r = await send(school.owner, sessionId, 'Liian myöhään');
    expect(codeOf(r)).toBe('SESSION_MESSAGING_CLOSED');
    expect(r.errors![0]!.extensions.reason).toBe('ENDED');
  });
});

describe("the author's erasure", () => {
  it('forgets who wrote a message and keeps its text for the organisation', async () => {
    const writer = await buildUser(app, { roles: ['EDUCATOR'], displayName: 'Poistuva Opettaja' });
    const org = await buildOrganisation(app, { kind: 'EDUCATIONAL', members: [writer] });
    const sessionId = await newSession(2, org);
    await book(await buildUser(app), sessionId);
    expect((await send(writer, sessionId, 'Tervetuloa kurssille.')).errors).toBeUndefined();

    expect(await eraseAccount(depsOf(app), writer.id, { by: null, action: 'ACCOUNT_EXPIRED' })).toBe(true);
    const [row] = await app.db.select().from(sessionMessages).where(eq(sessionMessages.sessionId, sessionId));
    expect(row).toMatchObject({ authorId: null, body: 'Tervetuloa kurssille.', recipientCount: 1 });
    const r = await gql(app, LIST, { sessionId }, { token: org.owner.token });
    expect(r.data!.sessionMessages.nodes).toEqual([expect.objectContaining({ authorName: null })]);
  });
});
