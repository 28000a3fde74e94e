/**
 * Live subscriptions end with their session: when the access token expires, on sign-out
 * everywhere, on a password change and on a role change, in this instance and (real PostgreSQL)
 * in every other one.
 */
import type { AddressInfo } from 'node:net';
import { createSigner } from 'fast-jwt';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildUser, PASSWORD, type TestUser } from '../../test/factories.js';
import { buildTestApp, buildTwoInstances, gql, onRealPostgres, type App } from '../../test/helper.js';
import { notify } from '../messaging/index.js';
import { SESSION_ENDED_CODE } from './liveSessions.js';

const SUBSCRIPTION = `subscription { notificationsChanged { unreadCount } }`;
const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `check` holds, polling, for at most `ms` (the expectation after it then fails). */
async function waitFor(check: () => boolean, ms = 5000) {
  for (let waited = 0; waited < ms && !check(); waited += 25) await sleep(25);
}

/** The user an access token names (its `sub`), read without checking it. */
const subjectOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;

/** A graphql-ws client subscribed to the user's notifications; records events and how the socket closed. */
async function subscribe(target: App, token: string) {
  const port = (target.server.address() as AddressInfo).port;
  const events: unknown[] = [];
  const closes: number[] = [];
  let acknowledged = false;
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    on: {
      connected: () => void (acknowledged = true),
      closed: (event) => void closes.push((event as { code: number }).code),
    },
  });
  client.subscribe({ query: SUBSCRIPTION }, { next: (e) => void events.push(e), error: () => {}, complete: () => {} });
  await waitFor(() => acknowledged);
  expect(acknowledged).toBe(true);
  // The server takes the subscription a moment after the acknowledgement: wait until it tracks the socket.
  const userId = subjectOf(token);
  await waitFor(() => (target.liveSockets.get(userId)?.size ?? 0) > 0);
  expect(target.liveSockets.get(userId)?.size).toBeGreaterThan(0);
  return { client, events, closes };
}

/** One notification for each of the users, in one statement (one announcement for all of them). */
const ping = (target: App, ...people: TestUser[]) =>
  notify(
    target.db,
    people.map((user) => ({ userId: user.id, type: 'BOOKING_CONFIRMED' as const, data: { subject: 'Ping' } })),
  );

async function signedIn(target: App, user: TestUser) {
  const r = await gql(target, `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
    input: { email: user.email, password: PASSWORD },
  });
  return r.data!.signIn.accessToken as string;
}

describe('live subscriptions end with the session', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.closeAndDrop());

  it('delivers events until the user signs out everywhere, then closes the socket and sends nothing more', async () => {
    const user = await buildUser(app);
    const bystander = await buildUser(app);
    const live = await subscribe(app, user.token);
    const control = await subscribe(app, bystander.token);
    await ping(app, user);
    await waitFor(() => live.events.length === 1);
    expect(live.events).toEqual([{ data: { notificationsChanged: { unreadCount: 1 } } }]);

    expect((await gql(app, `mutation { signOutEverywhere }`, {}, { token: user.token })).errors).toBeUndefined();
    await waitFor(() => live.closes.length > 0);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    // Nothing more may arrive: once the bystander, announced in the same statement, has its event,
    // the signed-out user's would have arrived too.
    await ping(app, user, bystander);
    await waitFor(() => control.events.length === 1);
    expect(control.events).toHaveLength(1);
    expect(live.events).toHaveLength(1);
    expect(app.liveSockets.get(user.id)).toBeUndefined();
    await live.client.dispose();
    await control.client.dispose();
  });

  it('closes the socket when its access token expires', async () => {
    const user = await buildUser(app);
    const shortLived = createSigner({
      key: SECRET,
      algorithm: 'HS256',
      iss: 'keskusvaraamo',
      aud: 'keskusvaraamo-web',
      expiresIn: 1500,
    })({ sub: user.id, ver: user.tokenVersion, typ: 'access' });
    const live = await subscribe(app, shortLived);
    expect(live.closes).toEqual([]);
    await waitFor(() => live.closes.length > 0, 4000);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    await live.client.dispose();
  });

  it('closes the sockets of a user who changes their password', async () => {
    const user = await buildUser(app);
    const token = await signedIn(app, user);
    const live = await subscribe(app, token);
    const changed = await gql(
      app,
      `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`,
      { input: { currentPassword: PASSWORD, newPassword: 'kaamos ja revontulet' } },
      { token },
    );
    expect(changed.errors).toBeUndefined();
    await waitFor(() => live.closes.length > 0);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    await live.client.dispose();
  });

  it('closes the sockets of a user whose roles change, and only theirs', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const user = await buildUser(app, { roles: ['STUDENT'] });
    const bystander = await buildUser(app);
    const live = await subscribe(app, user.token);
    const other = await subscribe(app, bystander.token);
    const SET_ROLES = `mutation ($id: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $id, roles: $roles) { id } }`;
    await gql(app, SET_ROLES, { id: user.id, roles: ['STUDENT', 'ENTREPRENEUR'] }, { token: admin.token });
    await waitFor(() => live.closes.length > 0);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    await ping(app, bystander);
    await waitFor(() => other.events.length > 0);
    expect(other.closes).toEqual([]);
    expect(other.events).toHaveLength(1);
    await live.client.dispose();
    await other.client.dispose();
  });
});

describe.runIf(onRealPostgres)('live subscriptions across instances (real PostgreSQL)', () => {
  let first: App;
  let second: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ first, second, close } = await buildTwoInstances());
  });
  afterAll(async () => {
    await close?.();
  });

  it('signing out everywhere through one instance closes the socket held by another', async () => {
    const user = await buildUser(first);
    const bystander = await buildUser(first);
    const live = await subscribe(second, user.token);
    const control = await subscribe(second, bystander.token);
    expect((await gql(first, `mutation { signOutEverywhere }`, {}, { token: user.token })).errors).toBeUndefined();
    await waitFor(() => live.closes.length > 0);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    // As above: the bystander's event, announced in the same statement, is the control.
    await ping(first, user, bystander);
    await waitFor(() => control.events.length === 1);
    expect(control.events).toHaveLength(1);
    expect(live.events).toEqual([]);
    await live.client.dispose();
    await control.client.dispose();
  });
});
