import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { REPO_ROOT } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { hashPassword } from '../modules/accounts/index.js';
import { users } from '../modules/accounts/tables.js';
import { onRealPostgres, openTestDatabase, testConfig } from '../test/helper.js';
import { DEMO_DOMAIN, DEMO_USERS, demoEmail, seedDemoData } from './demo.js';
import { assertNoPublishedDemoPasswords, PublishedDemoPasswordError } from './guard.js';

/** A production configuration; the database is handed to buildApp, so DATABASE_URL is never opened. */
const productionConfig = () =>
  testConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://never-opened.invalid/keskusvaraamo' });

let database: Awaited<ReturnType<typeof openTestDatabase>>;
/** The seeded database for apps built in these tests, which must not close it. */
let shared: DatabaseHandle;

const changePassword = async (emails: string[], password = 'Changed-after-the-demo-1') =>
  database.handle.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(sql`${users.email} in ${emails}`);

beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database.handle);
  expect(await seedDemoData(database.handle.db)).not.toBeNull();
  shared = { ...database.handle, close: async () => {} };
}, 120_000);
afterAll(async () => {
  await database.handle.close();
  await database.drop();
});

describe('a database seeded with the demo', () => {
  it('fails the check, naming the demo accounts that have the published password', async () => {
    const error = await assertNoPublishedDemoPasswords(database.handle.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishedDemoPasswordError);
    const { emails, message } = error as PublishedDemoPasswordError;
    expect(emails).toHaveLength(DEMO_USERS.length);
    expect(emails).toContain(demoEmail('admin'));
    expect(message).toMatch(/^Refusing to start in production: \d+ demo account\(s\) still sign in with the published/);
    expect(message).toContain(`${DEMO_USERS.length - 5} more`);
  });

  it('is refused by a production server at start, and not by a development one', async () => {
    await expect(buildApp(productionConfig(), { database: shared, logger: false })).rejects.toThrow(
      PublishedDemoPasswordError,
    );
    const development = await buildApp(testConfig({ NODE_ENV: 'development' }), { database: shared, logger: false });
    await development.ready();
    await development.close();
  });

  it('still fails while one demo account keeps the password, and passes once none does', async () => {
    const student = demoEmail('student');
    const others = DEMO_USERS.map((u) => demoEmail(u.key)).filter((email) => email !== student);
    await changePassword(others);
    const error = (await assertNoPublishedDemoPasswords(database.handle.db).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(PublishedDemoPasswordError);
    expect((error as PublishedDemoPasswordError).emails).toEqual([student]);
    await expect(buildApp(productionConfig(), { database: shared, logger: false })).rejects.toThrow(student);

    await changePassword([student]);
    await expect(assertNoPublishedDemoPasswords(database.handle.db)).resolves.toBeUndefined();
    const production = await buildApp(productionConfig(), { database: shared, logger: false });
    await production.ready();
    await production.close();
  });

  it('looks only at the demo domain: another account with the same password is its owner’s business', async () => {
    const [row] = await database.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(like(users.email, `%@${DEMO_DOMAIN}`));
    expect(row!.n).toBe(DEMO_USERS.length);
    await database.handle.db
      .update(users)
      .set({ email: 'liisa.palo@example.fi', passwordHash: await hashPassword('Demo-2026-lappi') })
      .where(eq(users.email, demoEmail('admin')));
    await expect(assertNoPublishedDemoPasswords(database.handle.db)).resolves.toBeUndefined();
  });
});

describe.runIf(onRealPostgres)('the server process on a seeded PostgreSQL', () => {
  it('exits with code 1 and one clear line, no stack trace', async () => {
    const seeded = await openTestDatabase();
    try {
      await migrate(seeded.handle);
      await seedDemoData(seeded.handle.db);
      const server = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/server.ts')], {
        cwd: join(REPO_ROOT, 'server'),
        env: {
          NODE_ENV: 'production',
          DATABASE_URL: seeded.url!,
          JWT_SECRET: 'a-production-secret-that-is-long-enough-here',
          PORT: '0',
          LOG_LEVEL: 'warn',
          MAIL_DELIVERY: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (c: Buffer) => (output += c.toString()));
      server.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const code = await new Promise<number | null>((done) => server.on('exit', done));
      expect(code).toBe(1);
      expect(output).toMatch(/Could not start: Refusing to start in production: \d+ demo account\(s\)/);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      await seeded.handle.close();
      await seeded.drop();
    }
  }, 60_000);
});
