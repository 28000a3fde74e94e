import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, PASSWORD } from '../../test/factories.js';
import { users } from './tables.js';
import { buildTestApp, codeOf, gql, pageOneByOne, type TestApp } from '../../test/helper.js';

const USERS = `query ($search: String, $after: String) { users(search: $search, first: 2, after: $after) { totalCount nodes { email roles } pageInfo { hasNextPage endCursor } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const SET_ROLES = `mutation ($id: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $id, roles: $roles) { id roles } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

describe('user administration', () => {
  it('lists and searches accounts for admins only', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    for (const email of ['pirjo.1@example.fi', 'pirjo.2@example.fi', 'pirjo.3@example.fi'])
      await buildUser(app, { email });
    for (const role of ['ENTREPRENEUR', 'STUDENT', 'EDUCATOR', 'COORDINATOR'] as const) {
      const user = await buildUser(app, { roles: [role] });
      expect(codeOf(await gql(app, USERS, {}, { token: user.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, USERS))).toBe('FORBIDDEN');

    const page1 = await gql(app, USERS, { search: 'pirjo' }, { token: admin.token });
    expect(page1.data!.users.totalCount).toBe(3);
    expect(page1.data!.users.nodes).toHaveLength(2);
    const page2 = await gql(
      app,
      USERS,
      { search: 'pirjo', after: page1.data!.users.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(page2.data!.users.nodes).toHaveLength(1);
    expect(page2.data!.users.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.data!.users.nodes, ...page2.data!.users.nodes].map((u: { email: string }) => u.email).sort();
    expect(all).toEqual(['pirjo.1@example.fi', 'pirjo.2@example.fi', 'pirjo.3@example.fi']);
  });

  it('filters accounts by role, with the other filters, and refuses a role that is not one', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    await buildUser(app, { email: 'rooli.opettaja@example.fi', roles: ['EDUCATOR'] });
    await buildUser(app, { email: 'rooli.monta@example.fi', roles: ['STUDENT', 'EDUCATOR'] });
    await buildUser(app, { email: 'rooli.yrittaja@example.fi', roles: ['ENTREPRENEUR'] });
    const BY_ROLE = `query ($role: UserRole, $search: String) { users(role: $role, search: $search, first: 50) { totalCount nodes { email } } }`;
    const emails = async (role: string | null) => {
      const r = await gql(app, BY_ROLE, { role, search: 'rooli.' }, { token: admin.token });
      expect(r.errors).toBeUndefined();
      return (r.data!.users.nodes as { email: string }[]).map((u) => u.email).sort();
    };
    expect(await emails('EDUCATOR')).toEqual(['rooli.monta@example.fi', 'rooli.opettaja@example.fi']);
    expect(await emails('ENTREPRENEUR')).toEqual(['rooli.yrittaja@example.fi']);
    expect(await emails('ADMIN')).toEqual([]);
    expect(await emails(null)).toHaveLength(3);
    expect(codeOf(await gql(app, BY_ROLE, { role: 'KING' }, { token: admin.token }))).toBe('BAD_REQUEST');
    const educator = await buildUser(app, { roles: ['EDUCATOR'] });
    expect(codeOf(await gql(app, BY_ROLE, { role: 'EDUCATOR' }, { token: educator.token }))).toBe('FORBIDDEN');
  });

  it('lets admins grant roles, and nobody else — not even for themselves', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const user = await buildUser(app, { roles: ['STUDENT'] });
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect(codeOf(await gql(app, SET_ROLES, { id: user.id, roles: ['ADMIN'] }, { token: user.token }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await gql(app, SET_ROLES, { id: user.id, roles: ['COORDINATOR'] }, { token: coordinator.token })),
    ).toBe('FORBIDDEN');
    const r = await gql(
      app,
      SET_ROLES,
      { id: user.id, roles: ['STUDENT', 'ENTREPRENEUR', 'STUDENT'] },
      { token: admin.token },
    );
    expect(r.data!.setUserRoles.roles.sort()).toEqual(['ENTREPRENEUR', 'STUDENT']);
  });

  it('ends the access tokens of a user whose roles change; a refreshed session has the new roles', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const user = await buildUser(app, { roles: ['STUDENT'] });
    const signedIn = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    const token = signedIn.data!.signIn.accessToken;
    // Setting the same roles again changes nothing.
    await gql(app, SET_ROLES, { id: user.id, roles: ['STUDENT'] }, { token: admin.token });
    expect((await gql(app, `{ me { roles } }`, {}, { token })).data!.me.roles).toEqual(['STUDENT']);

    await gql(app, SET_ROLES, { id: user.id, roles: ['STUDENT', 'ENTREPRENEUR'] }, { token: admin.token });
    expect(codeOf(await gql(app, `{ me { roles } }`, {}, { token }))).toBe('UNAUTHENTICATED');
    const refreshed = await gql(app, `mutation { refreshSession { accessToken } }`, {}, { refresh: signedIn.refresh! });
    const fresh = refreshed.data!.refreshSession.accessToken;
    expect((await gql(app, `{ me { roles } }`, {}, { token: fresh })).data!.me.roles.sort()).toEqual([
      'ENTREPRENEUR',
      'STUDENT',
    ]);
  });

  it('keeps an admin from removing their own admin role', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    expect(codeOf(await gql(app, SET_ROLES, { id: admin.id, roles: ['COORDINATOR'] }, { token: admin.token }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await gql(app, SET_ROLES, { id: '00000000-0000-4000-8000-000000000000', roles: [] }, { token: admin.token }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('the user list pages', () => {
  it('one account at a time through accounts made in one transaction, none lost or repeated', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    // One transaction: every row has the same created_at (now()), so only the id orders them.
    const made = await app.db.transaction((tx) =>
      tx
        .insert(users)
        .values(
          Array.from({ length: 5 }, (_, i) => ({
            email: `samaan.aikaan.${i}@example.fi`,
            passwordHash: 'not a hash',
            displayName: 'Samaan Aikaan',
            roles: ['STUDENT' as const],
          })),
        )
        .returning({ id: users.id, createdAt: users.createdAt }),
    );
    expect(new Set(made.map((u) => u.createdAt.toISOString())).size).toBe(1);
    const PAGE = `query ($after: String) { users(search: "samaan.aikaan", first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.users, { token: admin.token });
    expect(new Set(totalCounts)).toEqual(new Set([5]));
    // Newest first; within one instant, by id descending.
    expect(seen).toEqual(
      made
        .map((u) => u.id)
        .sort()
        .reverse(),
    );
  });
});
