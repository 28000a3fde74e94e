/**
 * An admin deactivates and reactivates accounts: a deactivated account cannot sign in, refresh,
 * follow a link into a session or keep one it had (access tokens, live subscriptions); an erased
 * one answers like a wrong password. Both changes are in the audit log, which only admins read.
 * Sign-ins and refreshes mark the account used.
 */
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildOrganisation, buildUser, lastEmailTo, PASSWORD, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type GqlResult, type TestApp } from '../../test/helper.js';
import { auditEvents } from '../audit/tables.js';
import { SESSION_ENDED_CODE } from './liveSessions.js';
import { users } from './tables.js';

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken user { lastActiveAt } } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const DEACTIVATE = `mutation ($input: DeactivateUserInput!) { deactivateUser(input: $input) { id deactivatedAt deactivationReason anonymised } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateUser(userId: $id) { id deactivatedAt deactivationReason } }`;
const AUDIT = `query ($action: AuditAction, $subjectId: ID, $first: Int, $after: String) {
  auditLog(action: $action, subjectId: $subjectId, first: $first, after: $after) {
    nodes { id at actorId actorName actorRoles action subjectKind subjectId subjectName reason rolesBefore rolesAfter }
    pageInfo { hasNextPage endCursor }
  } }`;
const USERS = `query ($status: UserStatus, $search: String) { users(status: $status, search: $search, first: 100) { totalCount nodes { id deactivationReason anonymised lastActiveAt } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.closeAndDrop());

const signIn = (user: Pick<TestUser, 'email'>, password = PASSWORD) =>
  gql(app, SIGN_IN, { input: { email: user.email, password } });

const deactivate = (token: string | undefined, userId: string, reason = 'Häiriökäyttäytyminen keskustelussa') =>
  gql(app, DEACTIVATE, { input: { userId, reason } }, token ? { token } : {});

const row = async (id: string) => (await app.db.select().from(users).where(eq(users.id, id)))[0]!;
const auditRowsOf = (subjectId: string) =>
  app.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(auditEvents.at);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean, ms = 5000) {
  for (let waited = 0; waited < ms && !check(); waited += 25) await sleep(25);
}

/** A live subscription of the user's notifications; records how its socket closed. */
async function subscribe(user: TestUser, token: string) {
  const port = (app.server.address() as AddressInfo).port;
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
  client.subscribe(
    { query: `subscription { notificationsChanged { unreadCount } }` },
    { next: () => {}, error: () => {}, complete: () => {} },
  );
  await waitFor(() => acknowledged && (app.liveSockets.get(user.id)?.size ?? 0) > 0);
  expect(app.liveSockets.get(user.id)?.size).toBeGreaterThan(0);
  return { client, closes };
}

describe('deactivating an account', () => {
  it('ends every session of the account at once, and refuses it a new one until reactivated', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const user = await buildUser(app, { roles: ['STUDENT'] });
    const signedIn = await signIn(user);
    expect(signedIn.errors).toBeUndefined();
    const token = signedIn.data!.signIn.accessToken as string;
    const live = await subscribe(user, token);

    const done = await deactivate(admin.token, user.id, '  Häiriökäyttäytyminen keskustelussa  ');
    expect(done.errors).toBeUndefined();
    expect(done.data!.deactivateUser).toMatchObject({
      id: user.id,
      deactivationReason: 'Häiriökäyttäytyminen keskustelussa',
      anonymised: false,
    });
    expect(done.data!.deactivateUser.deactivatedAt).toBeTruthy();

    // The live subscription closes, the access tokens stop, the refresh cookie is refused.
    await waitFor(() => live.closes.length > 0);
    expect(live.closes).toEqual([SESSION_ENDED_CODE]);
    await live.client.dispose();
    expect(codeOf(await gql(app, `{ me { id } }`, {}, { token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, `{ me { id } }`, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: signedIn.refresh! }))).toBe('UNAUTHENTICATED');

    // The right password is told the account is deactivated; a wrong one learns nothing new.
    expect(codeOf(await signIn(user))).toBe('ACCOUNT_DEACTIVATED');
    expect(codeOf(await signIn(user, 'not the password at all'))).toBe('INVALID_CREDENTIALS');

    const back = await gql(app, REACTIVATE, { id: user.id }, { token: admin.token });
    expect(back.errors).toBeUndefined();
    expect(back.data!.reactivateUser).toMatchObject({ deactivatedAt: null, deactivationReason: null });
    const again = await signIn(user);
    expect(again.errors).toBeUndefined();
    expect((await gql(app, `{ me { id } }`, {}, { token: again.data!.signIn.accessToken })).data!.me.id).toBe(user.id);
    // A session ended by deactivation stays ended.
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: signedIn.refresh! }))).toBe('UNAUTHENTICATED');
  });

  it('records both changes in the audit log with the admin who made them and the reason', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN', 'COORDINATOR'] });
    const user = await buildUser(app, { displayName: 'Pirjo Poistettava' });
    await deactivate(admin.token, user.id, 'Pyyntö 2026-12-01');
    await gql(app, REACTIVATE, { id: user.id }, { token: admin.token });
    const rows = await auditRowsOf(user.id);
    expect(rows.map((r) => [r.action, r.actorId, [...r.actorRoles].sort(), r.subjectKind, r.details])).toEqual([
      ['USER_DEACTIVATED', admin.id, ['ADMIN', 'COORDINATOR'], 'USER', { reason: 'Pyyntö 2026-12-01' }],
      ['USER_REACTIVATED', admin.id, ['ADMIN', 'COORDINATOR'], 'USER', {}],
    ]);
  });

  it('is for admins only: nobody else can deactivate or reactivate, and nothing changes', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const target = await buildUser(app, { roles: ['STUDENT'] });
    for (const role of ['COORDINATOR', 'ENTREPRENEUR', 'STUDENT', 'EDUCATOR'] as const) {
      const someone = await buildUser(app, { roles: [role] });
      expect(codeOf(await deactivate(someone.token, target.id))).toBe('FORBIDDEN');
    }
    expect(codeOf(await deactivate(undefined, target.id))).toBe('UNAUTHENTICATED');
    expect((await row(target.id)).deactivatedAt).toBeNull();
    expect(await auditRowsOf(target.id)).toEqual([]);
    expect((await signIn(target)).errors).toBeUndefined();

    await deactivate(admin.token, target.id);
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect(codeOf(await gql(app, REACTIVATE, { id: target.id }, { token: coordinator.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, REACTIVATE, { id: target.id }))).toBe('UNAUTHENTICATED');
    expect((await row(target.id)).deactivatedAt).not.toBeNull();
    expect((await auditRowsOf(target.id)).map((r) => r.action)).toEqual(['USER_DEACTIVATED']);
  });

  it('refuses an admin their own account, an erased account, a missing reason and a state it already has', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const self = await deactivate(admin.token, admin.id);
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect(self.errors![0]!.message).toMatch(/your own account/);
    expect((await row(admin.id)).deactivatedAt).toBeNull();

    const user = await buildUser(app);
    const blank = await deactivate(admin.token, user.id, '   ');
    expect(codeOf(blank)).toBe('VALIDATION');
    expect(codeOf(await deactivate(admin.token, user.id, 'x'.repeat(501)))).toBe('VALIDATION');
    expect(codeOf(await gql(app, REACTIVATE, { id: user.id }, { token: admin.token }))).toBe('INVALID_STATE');
    expect((await deactivate(admin.token, user.id)).errors).toBeUndefined();
    expect(codeOf(await deactivate(admin.token, user.id))).toBe('INVALID_STATE');

    const erased = await buildUser(app, { anonymisedAt: new Date() });
    const refused = await deactivate(admin.token, erased.id);
    expect(codeOf(refused)).toBe('INVALID_STATE');
    expect(refused.errors![0]!.extensions.state).toBe('anonymised');
    expect(codeOf(await deactivate(admin.token, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(codeOf(await deactivate(admin.token, 'not-an-id'))).toBe('VALIDATION');
  });

  it('refuses a deactivated account a session from a confirmation link or a password reset', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const user = await buildUser(app, { verified: false });
    // Signing in unconfirmed e-mails a confirmation link.
    expect(codeOf(await signIn(user))).toBe('INVALID_CREDENTIALS');
    const confirm = (await lastEmailTo(app, user.email))!.token!;
    await deactivate(admin.token, user.id);
    const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { accessToken } }`;
    expect(codeOf(await gql(app, VERIFY, { token: confirm }))).toBe('ACCOUNT_DEACTIVATED');
    expect((await row(user.id)).emailVerifiedAt).toBeNull();

    await gql(app, `mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
    const reset = (await lastEmailTo(app, user.email))!.token!;
    const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
    const hashBefore = (await row(user.id)).passwordHash;
    const input = { token: reset, newPassword: 'uusi tunnuslause talvella' };
    expect(codeOf(await gql(app, RESET, { input }))).toBe('ACCOUNT_DEACTIVATED');
    expect((await row(user.id)).passwordHash).toBe(hashBefore);

    // Once reactivated, both links (left unspent) work.
    await gql(app, REACTIVATE, { id: user.id }, { token: admin.token });
    expect((await gql(app, VERIFY, { token: confirm })).errors).toBeUndefined();
    expect((await gql(app, RESET, { input })).errors).toBeUndefined();
  });

  it('answers an erased account like a wrong password, and stops its tokens', async () => {
    const user = await buildUser(app);
    const signedIn = await signIn(user);
    await app.db
      .update(users)
      .set({ anonymisedAt: sql`now()` })
      .where(eq(users.id, user.id));
    expect(codeOf(await signIn(user))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await gql(app, `{ me { id } }`, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: signedIn.refresh! }))).toBe('UNAUTHENTICATED');
  });
});

describe('activity', () => {
  // A timestamp column takes SQL in an insert or update; the column's type names only Date.
  const ago = (days: number) => sql`now() - make_interval(hours => ${Math.round(days * 24)})` as unknown as Date;

  it('marks the account used on sign-in and clears an inactivity warning', async () => {
    const user = await buildUser(app, { lastActiveAt: ago(400), inactivityWarnedAt: ago(10) });
    const before = Date.now();
    expect((await signIn(user)).errors).toBeUndefined();
    const after = await row(user.id);
    expect(after.lastActiveAt.getTime()).toBeGreaterThan(before - 5000);
    expect(after.inactivityWarnedAt).toBeNull();
  });

  it('marks it on refresh at most once a day, and at once while a warning is set', async () => {
    const user = await buildUser(app);
    const signedIn = await signIn(user);
    await app.db
      .update(users)
      .set({ lastActiveAt: ago(0.5) })
      .where(eq(users.id, user.id));
    const halfDay = (await row(user.id)).lastActiveAt;
    const first = await gql(app, REFRESH, {}, { refresh: signedIn.refresh! });
    expect(first.errors).toBeUndefined();
    expect((await row(user.id)).lastActiveAt).toEqual(halfDay);

    await app.db
      .update(users)
      .set({ inactivityWarnedAt: ago(1) })
      .where(eq(users.id, user.id));
    const second = await gql(app, REFRESH, {}, { refresh: first.refresh! });
    expect(second.errors).toBeUndefined();
    const warned = await row(user.id);
    expect(warned.inactivityWarnedAt).toBeNull();
    expect(warned.lastActiveAt.getTime()).toBeGreaterThan(halfDay.getTime());

    await app.db
      .update(users)
      .set({ lastActiveAt: ago(2) })
      .where(eq(users.id, user.id));
    expect((await gql(app, REFRESH, {}, { refresh: second.refresh! })).errors).toBeUndefined();
    expect((await row(user.id)).lastActiveAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("the admin's user list by status", () => {
  it('lists active, deactivated and erased accounts apart', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const tag = `tila${Date.now()}`;
    const active = await buildUser(app, { email: `${tag}.active@example.fi` });
    const off = await buildUser(app, { email: `${tag}.off@example.fi` });
    const gone = await buildUser(app, { email: `${tag}.gone@example.fi`, anonymisedAt: new Date() });
    await deactivate(admin.token, off.id, 'Syy');
    const ids = async (status?: string) => {
      const r = await gql(app, USERS, { status, search: tag }, { token: admin.token });
      expect(r.errors).toBeUndefined();
      return r.data!.users.nodes.map((n: { id: string }) => n.id).sort();
    };
    expect(await ids('ACTIVE')).toEqual([active.id]);
    expect(await ids('DEACTIVATED')).toEqual([off.id]);
    expect(await ids('ANONYMISED')).toEqual([gone.id]);
    expect(await ids()).toEqual([active.id, off.id, gone.id].sort());
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect(codeOf(await gql(app, USERS, { status: 'DEACTIVATED' }, { token: coordinator.token }))).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('shows admins who did what to whom, newest first, with names as they are now; filters by action and subject; pages', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'], displayName: 'Aino Ylläpitäjä' });
    const user = await buildUser(app, { displayName: 'Veikko Käyttäjä', roles: ['STUDENT'] });
    await deactivate(admin.token, user.id, 'Roskapostia');
    await gql(app, REACTIVATE, { id: user.id }, { token: admin.token });
    const SET_ROLES = `mutation ($id: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $id, roles: $roles) { id } }`;
    await gql(app, SET_ROLES, { id: user.id, roles: ['STUDENT', 'ENTREPRENEUR'] }, { token: admin.token });

    const mine = await gql(app, AUDIT, { subjectId: user.id }, { token: admin.token });
    expect(mine.errors).toBeUndefined();
    const nodes = mine.data!.auditLog.nodes;
    expect(nodes.map((n: { action: string }) => n.action)).toEqual([
      'ROLES_CHANGED',
      'USER_REACTIVATED',
      'USER_DEACTIVATED',
    ]);
    expect(nodes[2]).toMatchObject({
      actorId: admin.id,
      actorName: 'Aino Ylläpitäjä',
      actorRoles: ['ADMIN'],
      subjectKind: 'USER',
      subjectId: user.id,
      subjectName: 'Veikko Käyttäjä',
      reason: 'Roskapostia',
      rolesBefore: null,
    });
    expect(nodes[0]).toMatchObject({ reason: null, rolesBefore: ['STUDENT'] });
    expect([...nodes[0].rolesAfter].sort()).toEqual(['ENTREPRENEUR', 'STUDENT']);

    const deactivations = await gql(
      app,
      AUDIT,
      { action: 'USER_DEACTIVATED', subjectId: user.id },
      { token: admin.token },
    );
    expect(deactivations.data!.auditLog.nodes.map((n: { id: string }) => n.id)).toEqual([nodes[2].id]);

    // Pages one at a time, nothing lost or repeated.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: GqlResult = await gql(app, AUDIT, { subjectId: user.id, first: 1, after }, { token: admin.token });
      seen.push(...page.data!.auditLog.nodes.map((n: { id: string }) => n.id));
      if (!page.data!.auditLog.pageInfo.hasNextPage) break;
      after = page.data!.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(nodes.map((n: { id: string }) => n.id));
    expect(codeOf(await gql(app, AUDIT, { first: 101 }, { token: admin.token }))).toBe('VALIDATION');

    // An erased person's name is shown removed, and an organisation's subject is named by its name.
    await app.db
      .update(users)
      .set({ anonymisedAt: sql`now()` })
      .where(eq(users.id, user.id));
    const erased = await gql(app, AUDIT, { subjectId: user.id, first: 1 }, { token: admin.token });
    expect(erased.data!.auditLog.nodes[0].subjectName).toBe('[removed]');
  });

  it('names an organisation that is the subject', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const organisation = await buildOrganisation(app, { name: 'Lapin Puutyö Oy' });
    await app.db.insert(auditEvents).values({
      actorId: admin.id,
      actorRoles: ['ADMIN'],
      action: 'ORGANISATION_VERIFIED',
      subjectKind: 'ORGANISATION',
      subjectId: organisation.id,
    });
    const r = await gql(app, AUDIT, { subjectId: organisation.id }, { token: admin.token });
    expect(r.data!.auditLog.nodes[0]).toMatchObject({ subjectKind: 'ORGANISATION', subjectName: 'Lapin Puutyö Oy' });
  });

  it('is for admins only', async () => {
    for (const role of ['COORDINATOR', 'ENTREPRENEUR', 'STUDENT', 'EDUCATOR'] as const) {
      const someone = await buildUser(app, { roles: [role] });
      expect(codeOf(await gql(app, AUDIT, {}, { token: someone.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, AUDIT))).toBe('UNAUTHENTICATED');
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    expect(codeOf(await gql(app, AUDIT, { subjectId: 'not-an-id' }, { token: admin.token }))).toBe('VALIDATION');
    expect(
      await app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, admin.id))),
    ).toEqual([]);
  });
});
