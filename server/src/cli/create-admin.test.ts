import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { users } from '../modules/accounts/tables.js';
import { ensureAdmin } from '../modules/accounts/index.js';
import { buildUser, depsOf, lastEmailTo, PASSWORD } from '../test/factories.js';
import {
  buildTestApp,
  codeOf,
  gql,
  onRealPostgres,
  openTestDatabase,
  testConfig,
  type App,
  type TestApp,
} from '../test/helper.js';
import { createAdminCommand } from './create-admin.js';

const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken user { roles } } }`;
const USERS = `{ users(first: 5) { totalCount } }`;
const NEW_PASSWORD = 'revontulet kaamoksessa';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Sets the password with the link's token through the API, signs in, and returns the session's token. */
async function setPasswordAndSignIn(app: App, email: string, link: string, password = NEW_PASSWORD) {
  const reset = await gql(app, RESET, { input: { token: tokenOf(link), newPassword: password } });
  expect(reset.data).toEqual({ resetPassword: true });
  const signedIn = await gql(app, SIGN_IN, { input: { email, password } });
  expect(signedIn.errors).toBeUndefined();
  return signedIn.data!.signIn as { accessToken: string; user: { roles: string[] } };
}

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, output: { out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) } };
}

describe('ensureAdmin (the accounts use case behind admin:create)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ PUBLIC_URL: 'https://varaamo.example.fi' });
  });
  afterAll(() => app.closeAndDrop());

  it('creates a verified admin without a usable password, who sets one with the link and signs in as admin', async () => {
    const result = await ensureAdmin(
      depsOf(app),
      { email: '  Aino.Admin@Example.FI ', displayName: 'Aino Admin' },
      { sendEmail: false },
    );
    expect(result).toMatchObject({ created: true, promoted: false, emailQueued: false });
    expect(result.user).toMatchObject({ email: 'aino.admin@example.fi', displayName: 'Aino Admin', roles: ['ADMIN'] });
    expect(result.passwordLink).toMatch(/^https:\/\/varaamo\.example\.fi\/reset-password\?token=[\w-]{20,}$/);
    expect(result.passwordLinkExpiresAt.getTime()).toBeGreaterThan(Date.now());
    const [row] = await app.db.select().from(users).where(eq(users.email, 'aino.admin@example.fi'));
    expect(row!.emailVerifiedAt).not.toBeNull();
    // Only the hash of the token is stored, and nothing was e-mailed.
    expect(JSON.stringify(row)).not.toContain(tokenOf(result.passwordLink));
    expect(await lastEmailTo(app, 'aino.admin@example.fi')).toBeUndefined();
    // No password signs in before one is chosen (not even an empty-looking guess).
    expect(codeOf(await gql(app, SIGN_IN, { input: { email: row!.email, password: PASSWORD } }))).toBe(
      'INVALID_CREDENTIALS',
    );

    const session = await setPasswordAndSignIn(app, row!.email, result.passwordLink);
    expect(session.user.roles).toEqual(['ADMIN']);
    // An admin indeed: the admin-only user list answers.
    expect((await gql(app, USERS, {}, { token: session.accessToken })).data!.users.totalCount).toBeGreaterThan(0);
    // The link worked once.
    expect(
      codeOf(await gql(app, RESET, { input: { token: tokenOf(result.passwordLink), newPassword: 'toinen salasana' } })),
    ).toBe('TOKEN_INVALID');
  });

  it('run twice, makes one account and changes nothing but the link', async () => {
    const email = 'kaksi.kertaa@example.fi';
    const first = await ensureAdmin(depsOf(app), { email }, { sendEmail: false });
    const second = await ensureAdmin(depsOf(app), { email: 'Kaksi.Kertaa@example.fi' }, { sendEmail: false });
    expect(first).toMatchObject({ created: true, promoted: false });
    expect(second).toMatchObject({ created: false, promoted: false });
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.displayName).toBe('kaksi.kertaa');
    const rows = await app.db.select().from(users).where(eq(users.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.roles).toEqual(['ADMIN']);
    expect(second.passwordLink).not.toBe(first.passwordLink);
    const session = await setPasswordAndSignIn(app, email, second.passwordLink);
    expect(session.user.roles).toEqual(['ADMIN']);
  });

  it('promotes an existing account, keeping its roles and password; its access tokens must renew', async () => {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    expect((await gql(app, `{ me { roles } }`, {}, { token: student.token })).data!.me.roles).toEqual(['STUDENT']);
    const result = await ensureAdmin(depsOf(app), { email: student.email }, { sendEmail: false });
    expect(result).toMatchObject({ created: false, promoted: true });
    expect(result.user.id).toBe(student.id);
    expect(result.user.roles.sort()).toEqual(['ADMIN', 'STUDENT']);
    expect(result.user.displayName).toBe(student.displayName);
    expect(codeOf(await gql(app, `{ me { roles } }`, {}, { token: student.token }))).toBe('UNAUTHENTICATED');
    const signedIn = await gql(app, SIGN_IN, { input: { email: student.email, password: PASSWORD } });
    expect(signedIn.data!.signIn.user.roles.sort()).toEqual(['ADMIN', 'STUDENT']);
    expect(await app.db.select().from(users).where(eq(users.email, student.email))).toHaveLength(1);
  });

  it('queues the usual reset e-mail, with the same single-use link, when asked to', async () => {
    const result = await ensureAdmin(depsOf(app), { email: 'postitse@example.fi' }, { sendEmail: true });
    const mail = await lastEmailTo(app, 'postitse@example.fi');
    expect(mail?.template).toBe('reset-password');
    expect(mail?.token).toBe(tokenOf(result.passwordLink));
  });

  it('refuses an address that is not one, and creates nothing', async () => {
    for (const email of ['', 'not-an-address', 'a@b', null]) {
      await expect(ensureAdmin(depsOf(app), { email }, { sendEmail: false })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    }
    await expect(
      ensureAdmin(depsOf(app), { email: 'ok@example.fi', displayName: 'two\nlines' }, { sendEmail: false }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await app.db.select().from(users).where(eq(users.email, 'ok@example.fi'))).toHaveLength(0);
  });
});

describe('the admin:create command', () => {
  it('migrates the configured database, makes the admin once, and prints a link that works', async () => {
    // The embedded database on disk (the command and the server open it in turn), or real PostgreSQL.
    const dataDir = mkdtempSync(join(tmpdir(), 'kv-admin-'));
    const pg = onRealPostgres ? await openTestDatabase() : null;
    const env = {
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://varaamo.example.fi/',
      ...(pg ? { DATABASE_URL: pg.url! } : {}),
    };
    try {
      const first = capture();
      expect(
        await createAdminCommand(['--email', 'Eka.Admin@example.fi', '--name', 'Eka Admin'], env, first.output),
      ).toBe(0);
      expect(first.lines.err).toEqual([]);
      const text = first.lines.out.join('\n');
      expect(text).toContain('Created the admin account eka.admin@example.fi');
      expect(text).toContain('No e-mail was sent (SMTP_URL is not set)');
      const firstLink = text.match(/https:\/\/varaamo\.example\.fi\/reset-password\?token=[\w-]+/)?.[0];
      expect(firstLink).toBeDefined();

      // Again, now with SMTP configured: the same account, a new link, and the e-mail queued with it.
      const second = capture();
      expect(
        await createAdminCommand(
          ['--email', 'eka.admin@example.fi'],
          { ...env, SMTP_URL: 'smtp://127.0.0.1:2525' },
          second.output,
        ),
      ).toBe(0);
      const secondText = second.lines.out.join('\n');
      expect(secondText).toContain('eka.admin@example.fi is already an admin; nothing changed.');
      expect(secondText).toContain('The same link was e-mailed to eka.admin@example.fi');
      const secondLink = secondText.match(/https:\/\/\S+/)?.[0];
      expect(secondLink).toBeDefined();
      expect(secondLink).not.toBe(firstLink);

      const handle = pg?.handle ?? (await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }));
      const app = await buildApp(testConfig(env), { database: handle, logger: false });
      try {
        await app.ready();
        expect(await app.db.select().from(users).where(eq(users.email, 'eka.admin@example.fi'))).toHaveLength(1);
        expect((await lastEmailTo(app, 'eka.admin@example.fi'))?.token).toBe(tokenOf(secondLink!));
        const session = await setPasswordAndSignIn(app, 'eka.admin@example.fi', firstLink!);
        expect(session.user.roles).toEqual(['ADMIN']);
      } finally {
        await app.close();
      }
    } finally {
      await pg?.drop();
    }
  }, 120_000);

  it('exits with 1 and says why for a bad e-mail, a password argument, or a database it cannot reach', async () => {
    const env = {
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-admin-')),
    };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[], env, /--email is required/],
      [['--email', 'not-an-address'], env, /Not a valid e-mail address: "not-an-address"/],
      [['--email', 'a@example.fi', '--password', 'secret123'], env, /takes no password/],
      [['--email', 'a@example.fi', 'extra'], env, /Unexpected argument/],
      [
        ['--email', 'a@example.fi'],
        { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        /Could not reach the database at DATABASE_URL: .*ECONNREFUSED/,
      ],
      [['--email', 'a@example.fi'], { ...env, NODE_ENV: 'production' }, /DATABASE_URL is required in production/],
    ];
    for (const [args, caseEnv, message] of cases) {
      const { lines, output } = capture();
      expect(await createAdminCommand(args, caseEnv, output), args.join(' ')).toBe(1);
      expect(lines.err.join('\n')).toMatch(message);
      expect(lines.out).toEqual([]);
    }
  });

  it('runs as a program: the exit code and the message reach the shell', async () => {
    const script = fileURLToPath(new URL('./create-admin.ts', import.meta.url));
    const run = promisify(execFile);
    const args = ['--import', 'tsx', script, '--email', 'ei-osoite'];
    const failure = await run(process.execPath, args).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Not a valid e-mail address: "ei-osoite"');
  }, 60_000);
});
