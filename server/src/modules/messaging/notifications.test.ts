import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { emailOutbox } from './tables.js';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  lastEmailTo,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, pageOneByOne, type TestApp } from '../../test/helper.js';
import { notify } from './commands.js';
import { lastDigestTime, queueDigests } from './jobs.js';
import { notifications } from './tables.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`;
const PREFS = `mutation ($input: [NotificationPreferenceInput!]!) { setNotificationPreferences(input: $input) { type channel isDefault } }`;

let app: TestApp;
let sessionId: string;

beforeAll(async () => {
  app = await buildTestApp();
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  const course = await buildCourse(
    app,
    { title: 'Lämpöpumput' },
    { organisation: school, sessions: [sessionInput({ seats: 100 })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  sessionId = r.data!.offer.sessions[0].id;
});
afterAll(() => app.closeAndDrop());

async function book(user: TestUser) {
  const r = await gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID() } }, { token: user.token });
  expect(r.errors).toBeUndefined();
}
const notificationsOf = (user: TestUser) =>
  app.db.select().from(notifications).where(eq(notifications.userId, user.id));
const mailsTo = (user: TestUser) => app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));

describe('delivery preferences', () => {
  it('uses the type default: a booking confirmation shows in the app and is e-mailed at once', async () => {
    const user = await buildUser(app);
    await book(user);
    expect(await notificationsOf(user)).toMatchObject([{ type: 'BOOKING_CONFIRMED', channel: 'EMAIL' }]);
    expect(await mailsTo(user)).toMatchObject([{ template: 'notification' }]);
  });

  it('OFF writes nothing; APP writes no e-mail', async () => {
    const off = await buildUser(app);
    const r = await gql(app, PREFS, { input: [{ type: 'BOOKING_CONFIRMED', channel: 'OFF' }] }, { token: off.token });
    expect(r.data!.setNotificationPreferences.find((p: { type: string }) => p.type === 'BOOKING_CONFIRMED')).toEqual({
      type: 'BOOKING_CONFIRMED',
      channel: 'OFF',
      isDefault: false,
    });
    await book(off);
    expect(await notificationsOf(off)).toEqual([]);
    expect(await mailsTo(off)).toEqual([]);

    const inApp = await buildUser(app);
    await gql(app, PREFS, { input: [{ type: 'BOOKING_CONFIRMED', channel: 'APP' }] }, { token: inApp.token });
    await book(inApp);
    expect(await notificationsOf(inApp)).toMatchObject([{ channel: 'APP' }]);
    expect(await mailsTo(inApp)).toEqual([]);
  });

  it('DIGEST gathers notifications into one e-mail at the digest time, once', async () => {
    const user = await buildUser(app, { locale: 'en' });
    await gql(app, PREFS, { input: [{ type: 'BOOKING_CONFIRMED', channel: 'DIGEST' }] }, { token: user.token });
    await book(user);
    await book(user);
    expect(await mailsTo(user)).toEqual([]);
    const soon = new Date(Date.now() + 60_000);
    expect(await queueDigests(app.db, soon)).toBeGreaterThanOrEqual(1);
    expect(await queueDigests(app.db, soon)).toBe(0);
    const mail = await lastEmailTo(app, user.email);
    expect(mail).toMatchObject({ template: 'digest', subject: 'Your daily digest: 2 notifications' });
    expect(mail!.text.match(/Booking confirmed: Lämpöpumput/g)).toHaveLength(2);
    expect(mail!.headers['List-Unsubscribe']).toMatch(/\/api\/unsubscribe\?token=/);
  });

  it('refuses unknown types and channels, and needs a signed-in person', async () => {
    const user = await buildUser(app);
    const bad = await gql(app, PREFS, { input: [{ type: 'NOPE', channel: 'EMAIL' }] }, { token: user.token });
    expect(codeOf(bad)).toBe('VALIDATION');
    const anonymous = await gql(app, PREFS, { input: [{ type: 'BOOKING_CONFIRMED', channel: 'EMAIL' }] });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, `{ notificationPreferences { type } }`))).toBe('UNAUTHENTICATED');
  });

  it('sends the digest at DIGEST_HOUR Helsinki time, across daylight saving', () => {
    // 06:30 in Helsinki in summer (UTC+3) is before 07:00: the last digest was yesterday's.
    expect(lastDigestTime(new Date('2027-06-15T03:30:00Z'), 7).toISOString()).toBe('2027-06-14T04:00:00.000Z');
    expect(lastDigestTime(new Date('2027-06-15T04:30:00Z'), 7).toISOString()).toBe('2027-06-15T04:00:00.000Z');
    // In winter (UTC+2).
    expect(lastDigestTime(new Date('2027-01-15T05:30:00Z'), 7).toISOString()).toBe('2027-01-15T05:00:00.000Z');
    // The morning after the spring change (28 March 2027).
    expect(lastDigestTime(new Date('2027-03-28T04:30:00Z'), 7).toISOString()).toBe('2027-03-28T04:00:00.000Z');
  });
});

describe('one-click unsubscribe', () => {
  it('turns the type e-mail off on POST, sends a GET to the page that asks, and refuses forged tokens', async () => {
    const user = await buildUser(app, { locale: 'sv' });
    await book(user);
    const mail = await lastEmailTo(app, user.email);
    const url = new URL(mail!.headers['List-Unsubscribe']!.slice(1, -1));
    // Opening the address (a person, or a link scanner) changes nothing: it leads to the page.
    const get = await app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe(`/sv/unsubscribe${url.search}`);
    const untouched = await gql(app, `{ notificationPreferences { type channel } }`, {}, { token: user.token });
    expect(untouched.data!.notificationPreferences).toContainEqual({ type: 'BOOKING_CONFIRMED', channel: 'EMAIL' });

    const post = await app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(post.statusCode).toBe(200);
    expect(post.json()).toEqual({ unsubscribed: 'BOOKING_CONFIRMED' });
    const prefs = await gql(app, `{ notificationPreferences { type channel } }`, {}, { token: user.token });
    expect(prefs.data!.notificationPreferences).toContainEqual({ type: 'BOOKING_CONFIRMED', channel: 'APP' });

    const token = url.searchParams.get('token')!;
    const forged = token.replace('BOOKING_CONFIRMED', 'BOOKING_CANCELLED');
    const refused = await gql(app, `mutation ($t: String!) { unsubscribe(token: $t) }`, { t: forged });
    expect(codeOf(refused)).toBe('TOKEN_INVALID');
    const byPage = await gql(app, `mutation ($t: String!) { unsubscribe(token: $t) }`, { t: token });
    expect(byPage.data).toEqual({ unsubscribe: 'BOOKING_CONFIRMED' });
  });
});

describe('in-app list', () => {
  it('lists only the viewer own notifications, counts unread, and marks read only their own', async () => {
    const anna = await buildUser(app);
    const ben = await buildUser(app);
    await book(anna);
    await book(anna);
    await book(ben);
    const list = await gql(
      app,
      `{ notifications { totalCount nodes { id type subject path readAt } } unreadNotificationCount }`,
      {},
      { token: anna.token },
    );
    expect(list.data!.unreadNotificationCount).toBe(2);
    expect(list.data!.notifications.totalCount).toBe(2);
    expect(list.data!.notifications.nodes[0]).toMatchObject({
      type: 'BOOKING_CONFIRMED',
      subject: 'Lämpöpumput',
      path: '/my/bookings',
      readAt: null,
    });
    const annaIds = list.data!.notifications.nodes.map((n: { id: string }) => n.id);

    const bensTry = await gql(
      app,
      `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids: annaIds },
      { token: ben.token },
    );
    expect(bensTry.data).toEqual({ markNotificationsRead: 1 });
    const stillUnread = await gql(app, `{ unreadNotificationCount }`, {}, { token: anna.token });
    expect(stillUnread.data!.unreadNotificationCount).toBe(2);

    const one = await gql(
      app,
      `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids: [annaIds[0]] },
      { token: anna.token },
    );
    expect(one.data).toEqual({ markNotificationsRead: 1 });
    const all = await gql(app, `mutation { markNotificationsRead }`, {}, { token: anna.token });
    expect(all.data).toEqual({ markNotificationsRead: 0 });
    const unread = await gql(app, `{ notifications(unreadOnly: true) { totalCount } }`, {}, { token: anna.token });
    expect(unread.data!.notifications.totalCount).toBe(0);
    expect(codeOf(await gql(app, `{ notifications { totalCount } }`))).toBe('UNAUTHENTICATED');
  });
});

describe('who did it', () => {
  it('names the company to the student and the student to the company', async () => {
    const need = await buildNeed(app, {}, { owner: await buildUser(app, { displayName: 'Yrittäjä Ylitalo' }) });
    const student = await buildUser(app, { roles: ['STUDENT'], displayName: 'Sami Opiskelija' });
    await buildApplication(app, need, { student, state: 'OFFERED' });
    const query = `{ notifications { nodes { type actor subject } } }`;
    const toStudent = await gql(app, query, {}, { token: student.token });
    expect(toStudent.data!.notifications.nodes).toContainEqual({
      type: 'APPLICATION_OFFERED',
      actor: 'Yrittäjä Ylitalo',
      subject: need.title,
    });
    const toCompany = await gql(app, query, {}, { token: need.owner.token });
    expect(toCompany.data!.notifications.nodes).toContainEqual({
      type: 'APPLICATION_RECEIVED',
      actor: 'Sami Opiskelija',
      subject: need.title,
    });
  });
});

describe('the notification list pages', () => {
  it('one at a time through notifications written in one transaction, none lost or repeated', async () => {
    const user = await buildUser(app);
    // One statement in one transaction: every notification has the same created_at (now()).
    await app.db.transaction((tx) =>
      notify(
        tx,
        Array.from({ length: 5 }, (_, i) => ({
          userId: user.id,
          type: 'MESSAGE_RECEIVED' as const,
          data: { subject: `Viesti ${i}` },
        })),
      ),
    );
    const rows = await app.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.createdAt.toISOString())).size).toBe(1);
    const PAGE = `query ($after: String) { notifications(first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.notifications, { token: user.token });
    expect(new Set(totalCounts)).toEqual(new Set([5]));
    expect(seen).toEqual(
      rows
        .map((r) => r.id)
        .sort()
        .reverse(),
    );
  });
});

describe('live notifications over a real WebSocket', () => {
  let url: string;
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  });

  const subscribe = (authorization: string | undefined) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    let failure: unknown = null;
    const done = new Promise<void>((resolve) => {
      client.subscribe(
        { query: `subscription { notificationsChanged { unreadCount latest { type subject } } }` },
        {
          next: (e) => void events.push(e),
          error: (e) => {
            failure = e;
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    return { client, events, done, failure: () => failure };
  };

  /** Waits until `check` holds, polling, for at most 5 s (the expectation after it then fails). */
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  };

  it('pushes a new notification to its person only, authenticated in connection_init', async () => {
    const user = await buildUser(app);
    const other = await buildUser(app);
    const mine = subscribe(`Bearer ${user.token}`);
    const theirs = subscribe(`Bearer ${other.token}`);
    // The server has taken both subscriptions once it tracks their sockets (accounts' liveSessions).
    await waitFor(() => !!app.liveSockets.get(user.id)?.size && !!app.liveSockets.get(other.id)?.size);
    await book(user);
    await waitFor(() => mine.events.length > 0);
    expect(mine.events[0]).toEqual({
      data: { notificationsChanged: { unreadCount: 1, latest: { type: 'BOOKING_CONFIRMED', subject: 'Lämpöpumput' } } },
    });
    // The other person's subscription, on the same socket server, would have had it by now.
    expect(theirs.events).toEqual([]);
    await mine.client.dispose();
    await theirs.client.dispose();
  });

  it('refuses a connection without a valid token', async () => {
    const anonymous = subscribe(undefined);
    const forged = subscribe('Bearer not-a-token');
    await Promise.race([Promise.all([anonymous.done, forged.done]), new Promise((r) => setTimeout(r, 3000))]);
    expect(anonymous.events).toEqual([]);
    expect(anonymous.failure()).not.toBeNull();
    expect(forged.failure()).not.toBeNull();
    await anonymous.client.dispose();
    await forged.client.dispose();
  });
});
