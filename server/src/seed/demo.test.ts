import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBusinessId } from '@keskusvaraamo/shared';
import { users } from '../modules/accounts/tables.js';
import { organisations } from '../modules/organisations/tables.js';
import { buildTestApp, gql, type TestApp } from '../test/helper.js';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, seedDemoData } from './demo.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ SEED_DEMO_DATA: 'true' });
});
afterAll(() => app.closeAndDrop());

describe('demo data', () => {
  it('seeds the real educational organisations and a dozen companies with valid business IDs', async () => {
    const rows = await app.db.select().from(organisations);
    const names = rows.map((o) => o.name);
    for (const name of [
      'Lapin yliopisto',
      'Lapin ammattikorkeakoulu',
      'Lapin koulutuskeskus REDU',
      'Lappia',
      'ProAgria Lappi',
    ]) {
      expect(names).toContain(name);
    }
    const companies = rows.filter((o) => o.kind === 'COMPANY');
    expect(companies.length).toBeGreaterThanOrEqual(12);
    expect(companies.every((c) => c.businessId && isValidBusinessId(c.businessId))).toBe(true);
    expect(new Set(companies.map((c) => c.municipalityCode)).size).toBeGreaterThanOrEqual(10);
  });

  it('has an account for every role, each able to sign in', async () => {
    const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { user { roles } } }`;
    for (const [key, role] of [
      ['admin', 'ADMIN'],
      ['coordinator', 'COORDINATOR'],
      ['entrepreneur', 'ENTREPRENEUR'],
      ['educator', 'EDUCATOR'],
      ['student', 'STUDENT'],
    ]) {
      const r = await gql(app, SIGN_IN, { input: { email: demoEmail(key!), password: DEMO_PASSWORD } });
      expect(r.data!.signIn.user.roles).toContain(role);
    }
  });

  it('never runs on a database that has data', async () => {
    const before = await app.db.select({ n: count() }).from(users);
    expect(before[0]!.n).toBe(DEMO_USERS.length);
    expect(await seedDemoData(app.db)).toBeNull();
    expect((await app.db.select({ n: count() }).from(users))[0]!.n).toBe(DEMO_USERS.length);
  });
});
