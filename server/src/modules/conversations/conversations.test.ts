import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, pageOneByOne, onRealPostgres, type TestApp } from '../../test/helper.js';
import { notifications } from '../messaging/tables.js';
import { memberships } from '../organisations/tables.js';
import { conversations, messages } from './tables.js';

const THREAD = `id subjectKind subjectId title unreadCount lastMessage { body authorName mine }`;
const CONVERSATION = `query ($kind: ConversationSubjectKind!, $id: ID!, $first: Int, $after: String) {
  conversation(subjectKind: $kind, subjectId: $id) {
    ${THREAD}
    messages(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { body authorName mine } }
  }
}`;
const BY_ID = `query ($id: ID!) { conversationById(id: $id) { ${THREAD} } }`;
const SEND = `mutation ($kind: ConversationSubjectKind!, $id: ID!, $body: String!) {
  sendMessage(subjectKind: $kind, subjectId: $id, body: $body) { id conversationId body authorName mine }
}`;
const MARK_READ = `mutation ($id: ID!) { markConversationRead(id: $id) { id unreadCount } }`;
const MINE = `{ myConversations { totalCount nodes { ${THREAD} } } unreadMessageCount }`;

let app: TestApp;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let member: TestUser;
let coordinator: TestUser;
let otherStudent: TestUser;
let otherEntrepreneur: TestUser;
let admin: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  member = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Kaisa Kollega' });
  company = await buildOrganisation(app, { members: [member] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Aino Koordinaattori' });
  otherStudent = await buildUser(app, { roles: ['STUDENT'] });
  otherEntrepreneur = (await buildOrganisation(app)).owner;
  admin = await buildUser(app, { roles: ['ADMIN'] });
});
afterAll(() => app.closeAndDrop());

async function anApplication(title = 'Harjoittelija lämpöpumppuasennuksiin') {
  const need = await buildNeed(app, { organisationId: company.id, title }, { owner: company.owner });
  const student = await buildUser(app, { roles: ['STUDENT'], displayName: 'Sami Opiskelija' });
  return { need, ...(await buildApplication(app, need, { student })) };
}

const send = (who: TestUser | null, kind: string, id: string, body: string) =>
  gql(app, SEND, { kind, id, body }, who ? { token: who.token } : {});
const thread = (who: TestUser | null, kind: string, id: string, extra: Record<string, unknown> = {}) =>
  gql(app, CONVERSATION, { kind, id, ...extra }, who ? { token: who.token } : {});
const messageNotices = (userId: string) =>
  app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, 'MESSAGE_RECEIVED')));

describe('a conversation about an application', () => {
  it('is empty until the first message, which makes it and tells the other parties', async () => {
    const application = await anApplication();
    const empty = await thread(application.student, 'APPLICATION', application.id);
    expect(empty.data!.conversation).toMatchObject({
      id: null,
      subjectKind: 'APPLICATION',
      subjectId: application.id,
      title: 'Harjoittelija lämpöpumppuasennuksiin',
      unreadCount: 0,
      lastMessage: null,
      messages: { totalCount: 0, nodes: [] },
    });
    expect(await app.db.select().from(conversations).where(eq(conversations.subjectId, application.id))).toEqual([]);

    const body = `Hei! Milloin harjoittelu alkaisi? ${'Kerron lisää taustastani. '.repeat(12)}`;
    const sent = await send(application.student, 'APPLICATION', application.id, body);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendMessage).toMatchObject({ body: body.trim(), authorName: 'Sami Opiskelija', mine: true });
    const conversationId = sent.data!.sendMessage.conversationId;

    for (const who of [company.owner, member]) {
      const [notice] = await messageNotices(who.id);
      expect(notice?.data).toEqual({
        conversationId,
        subjectKind: 'APPLICATION',
        subjectId: application.id,
        subject: 'Harjoittelija lämpöpumppuasennuksiin',
        authorName: 'Sami Opiskelija',
        excerpt: body.trim().slice(0, 200),
        path: `/conversations/${conversationId}`,
      });
    }
    expect((await messageNotices(company.owner.id))[0]!.data.excerpt).toHaveLength(200);
    expect(await messageNotices(application.student.id)).toEqual([]);

    const seen = await thread(member, 'APPLICATION', application.id);
    expect(seen.data!.conversation).toMatchObject({
      id: conversationId,
      unreadCount: 1,
      lastMessage: { body: body.trim(), authorName: 'Sami Opiskelija', mine: false },
      messages: { totalCount: 1 },
    });
  });

  it('counts unread messages per reader until they mark the thread read', async () => {
    const application = await anApplication();
    const first = await send(application.student, 'APPLICATION', application.id, 'Ensimmäinen kysymys');
    await send(application.student, 'APPLICATION', application.id, 'Toinen kysymys');
    const id = first.data!.sendMessage.conversationId;
    const unread = async (who: TestUser) =>
      (await gql(app, BY_ID, { id }, { token: who.token })).data!.conversationById.unreadCount;
    expect(await unread(company.owner)).toBe(2);
    expect(await unread(member)).toBe(2);
    expect(await unread(application.student)).toBe(0);

    const before = (await gql(app, MINE, {}, { token: member.token })).data!.unreadMessageCount;
    expect((await gql(app, MARK_READ, { id }, { token: member.token })).data!.markConversationRead.unreadCount).toBe(0);
    expect(await unread(company.owner)).toBe(2);
    expect((await gql(app, MINE, {}, { token: member.token })).data!.unreadMessageCount).toBe(before - 2);

    // The company answers: the student has one unread, the colleague who wrote none.
    await send(member, 'APPLICATION', application.id, 'Kesäkuun alussa.');
    expect(await unread(application.student)).toBe(1);
    expect(await unread(member)).toBe(0);
    expect(await unread(company.owner)).toBe(3);
    expect((await gql(app, MINE, {}, { token: application.student.token })).data!.unreadMessageCount).toBe(1);
  });

  it('is for its parties and coordinators only; nobody else learns it exists', async () => {
    const application = await anApplication();
    const sent = await send(application.student, 'APPLICATION', application.id, 'Hei');
    const id = sent.data!.sendMessage.conversationId;
    for (const outsider of [otherStudent, otherEntrepreneur, admin]) {
      expect(codeOf(await thread(outsider, 'APPLICATION', application.id))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, BY_ID, { id }, { token: outsider.token }))).toBe('NOT_FOUND');
      expect(codeOf(await send(outsider, 'APPLICATION', application.id, 'Minäkin!'))).toBe('NOT_FOUND');
      expect(codeOf(await gql(app, MARK_READ, { id }, { token: outsider.token }))).toBe('NOT_FOUND');
      const mine = await gql(app, MINE, {}, { token: outsider.token });
      expect(mine.data!.myConversations.nodes.map((c: { id: string }) => c.id)).not.toContain(id);
    }
    expect(codeOf(await thread(null, 'APPLICATION', application.id))).toBe('UNAUTHENTICATED');
    expect(codeOf(await send(null, 'APPLICATION', application.id, 'Hei'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, MINE))).toBe('UNAUTHENTICATED');
    // A subject that does not exist looks the same as one the viewer may not see.
    expect(codeOf(await thread(coordinator, 'APPLICATION', randomUUID()))).toBe('NOT_FOUND');
    expect(codeOf(await thread(coordinator, 'BOOKING', application.id))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, BY_ID, { id: randomUUID() }, { token: coordinator.token }))).toBe('NOT_FOUND');
    expect(codeOf(await thread(coordinator, 'APPLICATION', 'nonsense'))).toBe('NOT_FOUND');
    expect(codeOf(await thread(coordinator, 'PROPOSAL', application.id))).toBe('NOT_FOUND');
    expect(
      codeOf(await gql(app, CONVERSATION, { kind: 'OFFER', id: application.id }, { token: coordinator.token })),
    ).toBe('BAD_REQUEST');
  });

  it('lets a coordinator read and write, and keeps them in the thread afterwards', async () => {
    const application = await anApplication();
    await send(application.student, 'APPLICATION', application.id, 'Kysyisin palkasta.');
    const read = await thread(coordinator, 'APPLICATION', application.id);
    expect(read.data!.conversation.messages.nodes).toEqual([
      { body: 'Kysyisin palkasta.', authorName: 'Sami Opiskelija', mine: false },
    ]);
    const sent = await send(coordinator, 'APPLICATION', application.id, 'Palkka on ilmoituksessa.');
    expect(sent.errors).toBeUndefined();
    for (const who of [application.student, company.owner, member]) {
      expect((await messageNotices(who.id)).some((n) => n.data.authorName === 'Aino Koordinaattori')).toBe(true);
    }
    await send(application.student, 'APPLICATION', application.id, 'Kiitos!');
    expect((await messageNotices(coordinator.id)).map((n) => n.data.excerpt)).toContain('Kiitos!');
    const mine = await gql(app, MINE, {}, { token: coordinator.token });
    expect(mine.data!.myConversations.nodes.map((c: { subjectId: string }) => c.subjectId)).toContain(application.id);
  });

  it("follows the company's membership: a new colleague sees the thread, a former one does not", async () => {
    const application = await anApplication();
    const sent = await send(application.student, 'APPLICATION', application.id, 'Hei');
    const id = sent.data!.sendMessage.conversationId;
    const newcomer = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(codeOf(await gql(app, BY_ID, { id }, { token: newcomer.token }))).toBe('NOT_FOUND');
    await app.db.insert(memberships).values({ organisationId: company.id, userId: newcomer.id, role: 'MEMBER' });
    expect((await gql(app, BY_ID, { id }, { token: newcomer.token })).data!.conversationById.unreadCount).toBe(1);
    await app.db
      .delete(memberships)
      .where(and(eq(memberships.organisationId, company.id), eq(memberships.userId, newcomer.id)));
    expect(codeOf(await gql(app, BY_ID, { id }, { token: newcomer.token }))).toBe('NOT_FOUND');
  });

  it('checks the message: 1 to 5000 characters', async () => {
    const application = await anApplication();
    for (const body of ['', '  ', 'x'.repeat(5001)]) {
      expect(codeOf(await send(application.student, 'APPLICATION', application.id, body))).toBe('VALIDATION');
    }
    expect((await send(application.student, 'APPLICATION', application.id, 'x'.repeat(5000))).errors).toBeUndefined();
  });

  it('pages messages newest first, back in time', async () => {
    const application = await anApplication();
    for (let i = 1; i <= 5; i++) await send(application.student, 'APPLICATION', application.id, `Viesti ${i}`);
    const bodies = (r: Awaited<ReturnType<typeof thread>>) =>
      r.data!.conversation.messages.nodes.map((m: { body: string }) => m.body);
    const first = await thread(member, 'APPLICATION', application.id, { first: 2 });
    expect(bodies(first)).toEqual(['Viesti 5', 'Viesti 4']);
    const second = await thread(member, 'APPLICATION', application.id, {
      first: 2,
      after: first.data!.conversation.messages.pageInfo.endCursor,
    });
    expect(bodies(second)).toEqual(['Viesti 3', 'Viesti 2']);
    const last = await thread(member, 'APPLICATION', application.id, {
      first: 2,
      after: second.data!.conversation.messages.pageInfo.endCursor,
    });
    expect(bodies(last)).toEqual(['Viesti 1']);
    expect(last.data!.conversation.messages.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await thread(member, 'APPLICATION', application.id, { after: 'bm9wZQ' }))).toBe('VALIDATION');
  });

  it('pages one message at a time, without loss or repetition, when they were written in one transaction', async () => {
    const application = await anApplication();
    // One transaction: every message has the same created_at (now()), so only the full key orders them.
    const written = await app.db.transaction(async (tx) => {
      const [conversation] = await tx
        .insert(conversations)
        .values({ subjectKind: 'APPLICATION', subjectId: application.id })
        .returning();
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const [row] = await tx
          .insert(messages)
          .values({ conversationId: conversation!.id, authorId: application.student.id, body: `Samaan aikaan ${i}` })
          .returning({ id: messages.id });
        ids.push(row!.id);
      }
      return ids;
    });
    const PAGE = `query ($id: ID!, $after: String) { conversation(subjectKind: APPLICATION, subjectId: $id) {
      messages(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.conversation.messages, {
      token: member.token,
      variables: { id: application.id },
    });
    expect(new Set(totalCounts)).toEqual(new Set([5]));
    // Newest first, the id breaking the tie.
    expect(seen).toEqual([...written].sort().reverse());
  });
});

describe('a conversation about a booking', () => {
  it("is between the booker and the course's organisation", async () => {
    const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    const teacher = await buildUser(app, { roles: ['EDUCATOR'] });
    await app.db.insert(memberships).values({ organisationId: school.id, userId: teacher.id, role: 'MEMBER' });
    const course = await buildCourse(app, { title: 'Tulityökortti' }, { organisation: school });
    const sessionId = (await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id }))
      .data!.offer.sessions[0].id;
    const booker = await buildUser(app, { displayName: 'Eino Energia' });
    const booked = await gql(
      app,
      `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
      { input: { sessionId, idempotencyKey: randomUUID() } },
      { token: booker.token },
    );
    const bookingId = booked.data!.bookSeats.id;

    const sent = await send(booker, 'BOOKING', bookingId, 'Onko kurssilla pysäköintiä?');
    expect(sent.errors).toBeUndefined();
    for (const who of [school.owner, teacher]) {
      const [notice] = await messageNotices(who.id);
      expect(notice!.data).toMatchObject({ subject: 'Tulityökortti', authorName: 'Eino Energia' });
    }
    const answer = await send(teacher, 'BOOKING', bookingId, 'On, pihalla.');
    expect(answer.errors).toBeUndefined();
    expect((await messageNotices(booker.id))[0]!.data.excerpt).toBe('On, pihalla.');

    const mine = await gql(app, MINE, {}, { token: booker.token });
    expect(mine.data!.myConversations.nodes).toContainEqual(
      expect.objectContaining({
        subjectKind: 'BOOKING',
        subjectId: bookingId,
        title: 'Tulityökortti',
        unreadCount: 1,
        lastMessage: { body: 'On, pihalla.', authorName: expect.any(String), mine: false },
      }),
    );
    for (const outsider of [otherStudent, company.owner]) {
      expect(codeOf(await thread(outsider, 'BOOKING', bookingId))).toBe('NOT_FOUND');
      expect(codeOf(await send(outsider, 'BOOKING', bookingId, 'Hei'))).toBe('NOT_FOUND');
    }
    expect((await thread(coordinator, 'BOOKING', bookingId)).data!.conversation.messages.totalCount).toBe(2);
  });
});

describe('my conversations', () => {
  it('lists the threads the viewer is in, most recently active first, with unread counts', async () => {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const a = await buildApplication(
      app,
      await buildNeed(app, { organisationId: company.id, title: 'Ensimmäinen paikka' }, { owner: company.owner }),
      { student },
    );
    const b = await buildApplication(
      app,
      await buildNeed(app, { organisationId: company.id, title: 'Toinen paikka' }, { owner: company.owner }),
      { student },
    );
    await send(student, 'APPLICATION', a.id, 'Hei A');
    await send(student, 'APPLICATION', b.id, 'Hei B');
    await send(member, 'APPLICATION', a.id, 'Vastaus A');
    const r = await gql(app, MINE, {}, { token: student.token });
    expect(r.data!.myConversations.totalCount).toBe(2);
    expect(r.data!.myConversations.nodes).toMatchObject([
      { title: 'Ensimmäinen paikka', unreadCount: 1, lastMessage: { body: 'Vastaus A', mine: false } },
      { title: 'Toinen paikka', unreadCount: 0, lastMessage: { body: 'Hei B', mine: true } },
    ]);
    expect(r.data!.unreadMessageCount).toBe(1);
  });
});

describe.runIf(onRealPostgres)('conversations under concurrency (real PostgreSQL)', () => {
  it('two first messages at once make one thread', async () => {
    for (let round = 0; round < 5; round++) {
      const application = await anApplication();
      const results = await Promise.all([
        send(application.student, 'APPLICATION', application.id, 'Hei yritys!'),
        send(member, 'APPLICATION', application.id, 'Hei opiskelija!'),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(new Set(results.map((r) => r.data!.sendMessage.conversationId)).size).toBe(1);
      const rows = await app.db.select().from(conversations).where(eq(conversations.subjectId, application.id));
      expect(rows).toHaveLength(1);
    }
  });
});
