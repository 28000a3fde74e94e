/**
 * What only a real PostgreSQL server can show: instances starting together, racing refreshes,
 * racing role changes. PGlite runs one query at a time, so these run when TEST_DATABASE_URL is set.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { users } from '../modules/accounts/tables.js';
import { memberships } from '../modules/organisations/tables.js';
import { DEMO_USERS } from '../seed/demo.js';
import { buildNeed, buildOrganisation, buildUser, PASSWORD } from '../test/factories.js';
import { codeOf, gql, onRealPostgres, openTestDatabase, testConfig, type App } from '../test/helper.js';
import { openDatabase } from './client.js';

describe.runIf(onRealPostgres)('on real PostgreSQL', () => {
  it('three instances starting at once migrate and seed exactly once', async () => {
    const { handle, url, drop } = await openTestDatabase();
    await handle.close();
    const apps = await Promise.all(
      [1, 2, 3].map(async () =>
        buildApp(testConfig({ SEED_DEMO_DATA: 'true' }), {
          database: await openDatabase({ kind: 'postgres', url: url! }),
          logger: false,
        }),
      ),
    );
    try {
      const [row] = await apps[0]!.db.select({ n: count() }).from(users);
      expect(row!.n).toBe(DEMO_USERS.length);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
      await drop();
    }
  });

  describe('concurrency', () => {
    let app: App;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const db = await openTestDatabase();
      drop = db.drop;
      app = await buildApp(testConfig(), { database: db.handle, logger: false });
    });
    afterAll(async () => {
      await app.close();
      await drop();
    });

    it('of 10 refreshes racing with one token, exactly one wins', async () => {
      const user = await buildUser(app);
      const signIn = await gql(
        app,
        `mutation ($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { accessToken } }`,
        {
          e: user.email,
          p: PASSWORD,
        },
      );
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          gql(app, `mutation { refreshSession { accessToken } }`, {}, { refresh: signIn.refresh! }),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(9);
    });

    it('two owners demoting each other at once always leave exactly one owner', async () => {
      const DEMOTE = `mutation ($org: ID!, $user: ID!) { changeMemberRole(organisationId: $org, userId: $user, role: MEMBER) { role } }`;
      for (let round = 0; round < 10; round++) {
        const org = await buildOrganisation(app);
        const second = await buildUser(app);
        await app.db.insert(memberships).values({ organisationId: org.id, userId: second.id, role: 'OWNER' });
        const results = await Promise.all([
          gql(app, DEMOTE, { org: org.id, user: second.id }, { token: org.owner.token }),
          gql(app, DEMOTE, { org: org.id, user: org.owner.id }, { token: second.token }),
        ]);
        const outcomes = results.map((r) => codeOf(r) ?? 'OK');
        expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
        expect(outcomes.find((o) => o !== 'OK')).toMatch(/^(FORBIDDEN|LAST_OWNER)$/);
        const owners = await app.db.query.memberships.findMany({
          where: (m, { and, eq }) => and(eq(m.organisationId, org.id), eq(m.role, 'OWNER')),
        });
        expect(owners).toHaveLength(1);
      }
    });

    it('of ten racing publications of one draft, exactly one wins; the others see INVALID_STATE', async () => {
      const draft = await buildNeed(app, {}, { publish: false });
      const token = app.signAccessToken({ id: draft.owner.id, tokenVersion: 0 });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          gql(
            app,
            `mutation ($id: ID!) { ${i % 2 ? 'publishNeed' : 'closeNeed'}(id: $id) { state } }`,
            { id: draft.id },
            { token },
          ),
        ),
      );
      const outcomes = results.map((r) => codeOf(r) ?? 'OK');
      expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThanOrEqual(1);
      expect(outcomes.filter((o) => o !== 'OK')).toEqual(outcomes.filter((o) => o !== 'OK').map(() => 'INVALID_STATE'));
      // A close may follow a publish (OPEN → CLOSED), but never two publishes or two closes.
      const publishes = results.filter((r, i) => i % 2 && !r.errors).length;
      const closes = results.filter((r, i) => !(i % 2) && !r.errors).length;
      expect(publishes).toBeLessThanOrEqual(1);
      expect(closes).toBeLessThanOrEqual(1);
    });
  });
});
