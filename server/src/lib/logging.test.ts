/**
 * The server log through the app's real logger options: what a failing statement, a request with
 * a secret in its URL and the delivery of an e-mail leave in it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { users } from '../modules/accounts/tables.js';
import { applications } from '../modules/applications/tables.js';
import { createMailTransport, deliverDue } from '../modules/messaging/index.js';
import { buildNeed, buildUser, depsOf, lastEmailTo, type TestUser } from '../test/factories.js';
import { gql, openTestDatabase, testConfig, type App } from '../test/helper.js';
import { loggerOptions, safeUrl, scrubText, serializeError } from './logging.js';

const COVER_LETTER = 'Salainen saatekirje: henkilötunnukseni on 010203-1234';
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$SECRETHASHSECRETHASHSECRETHASH';
const DISPLAY_NAME = 'Maija Salainen-Meikäläinen';

let app: App;
let drop: () => Promise<void>;
const lines: string[] = [];
const log = () => lines.join('');
const entries = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

let student: TestUser;
let needId: string;

beforeAll(async () => {
  const database = await openTestDatabase();
  drop = database.drop;
  const config = testConfig({ LOG_LEVEL: 'info' });
  app = await buildApp(config, {
    database: database.handle,
    logger: loggerOptions(config, { write: (line: string) => void lines.push(line) }),
  });
  // Two ways a statement fails with data in its parameters: under a plain route and in a resolver.
  app.get('/test/duplicate-user', async () => {
    await app.db.insert(users).values({ email: student.email, passwordHash: PASSWORD_HASH, displayName: DISPLAY_NAME });
    return { ok: true };
  });
  app.graphql.extendSchema('extend type Mutation { applyTwiceForTest(coverLetter: String!): Boolean }');
  app.graphql.defineResolvers({
    Mutation: {
      applyTwiceForTest: async (_root: unknown, { coverLetter }: { coverLetter: string }) => {
        for (let i = 0; i < 2; i++) {
          await app.db.insert(applications).values({ needId, studentId: student.id, coverLetter });
        }
        return true;
      },
    },
  });
  await app.ready();
  student = await buildUser(app, { roles: ['STUDENT'] });
  needId = (await buildNeed(app)).id;
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('errors in the log', () => {
  it('a failing statement under a route logs its code and constraint, not its parameters', async () => {
    lines.length = 0;
    const response = await app.inject('/test/duplicate-user');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain(PASSWORD_HASH);
    const text = log();
    expect(text).not.toContain(PASSWORD_HASH);
    expect(text).not.toContain('SECRETHASH');
    expect(text).not.toContain(student.email);
    expect(text).not.toContain(DISPLAY_NAME);
    const error = entries().find((e) => e.err)?.err;
    expect(error).toMatchObject({ type: 'DrizzleQueryError', cause: { code: '23505' } });
    expect(error.cause.constraint).toMatch(/email/);
    expect(error.cause.message).toMatch(/duplicate key value violates unique constraint/);
    expect(error.stack).toMatch(/\n\s+at /);
  });

  it('a failing statement in a resolver logs no cover letter', async () => {
    lines.length = 0;
    const r = await gql(app, `mutation ($c: String!) { applyTwiceForTest(coverLetter: $c) }`, { c: COVER_LETTER });
    expect(r.errors?.[0]?.extensions.code).toBe('INTERNAL');
    expect(r.body).not.toContain('henkilötunnukseni');
    const text = log();
    expect(text).not.toContain('henkilötunnukseni');
    expect(text).not.toContain('010203-1234');
    expect(text).not.toContain(student.id);
    const error = entries().find((e) => e.err)?.err;
    expect(error).toMatchObject({ cause: { code: '23505', constraint: 'applications_one_per_student' } });
    for (const field of ['query', 'params', 'detail', 'where', 'internalQuery', 'queryOptions']) {
      expect(error).not.toHaveProperty(field);
      expect(error.cause).not.toHaveProperty(field);
    }
  });

  it('hides the values a database message quotes, and keeps the names', () => {
    const invalid = Object.assign(new Error('invalid input syntax for type uuid: "my-secret-value"'), {
      severity: 'ERROR',
      code: '22P02',
      where: "unnamed portal parameter $1 = 'my-secret-value'",
    });
    const range = Object.assign(new Error('value "123456789012" is out of range for type integer'), {
      severity: 'ERROR',
      code: '22003',
    });
    const check = Object.assign(new Error('new row for relation "applications" violates check constraint "c"'), {
      severity: 'ERROR',
      code: '23514',
      detail: 'Failing row contains (secret text).',
    });
    expect(JSON.stringify(serializeError(invalid))).not.toContain('my-secret-value');
    expect(serializeError(range).message).toBe('value "[redacted]" is out of range for type integer');
    expect(serializeError(check)).toMatchObject({
      message: 'new row for relation "applications" violates check constraint "c"',
      code: '23514',
    });
    expect(JSON.stringify(serializeError(check))).not.toContain('secret text');
  });

  it('hides the body JSON.parse quotes, and the addresses an SMTP error names', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"password": "hunter2-secret" oops');
    } catch (error) {
      parseError = error;
    }
    expect(JSON.stringify(serializeError(parseError))).not.toContain('hunter2');
    const smtp = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 <maija@example.fi>: unknown"),
      {
        responseCode: 550,
        command: 'RCPT TO',
        rejected: ['maija@example.fi'],
      },
    );
    expect(serializeError(smtp).message).toBe(
      "Can't send mail - all recipients were rejected: 550 <[e-mail]>: unknown",
    );
  });
});

describe('requests in the log', () => {
  const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw';

  it.each([
    ['GET', `/calendar/${TOKEN}.ics`],
    ['GET', `/api/unsubscribe?token=${TOKEN}`],
    ['POST', `/api/unsubscribe?token=${TOKEN}`],
    ['GET', `/bookings/cancel?token=${TOKEN}`],
    ['GET', `/reset-password?token=${TOKEN}`],
    ['GET', `/verify-email?token=${TOKEN}&next=/`],
    ['GET', `/invitations/accept?token=${TOKEN}`],
    [
      'GET',
      `/graphql?query=${encodeURIComponent('{ me { id } }')}&variables=${encodeURIComponent(`{"t":"${TOKEN}"}`)}`,
    ],
    ['GET', `/no-such-route/${'x'}?token=${TOKEN}`],
  ])('%s %s leaves no token in the log', async (method, url) => {
    lines.length = 0;
    await app.inject({
      method: method as 'GET',
      url,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined,
    });
    const text = log();
    expect(text).toContain('incoming request');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    const path = url.split('?')[0]!;
    const logged = entries().find((e) => e.req)?.req.url as string;
    expect(logged.startsWith(path.startsWith('/calendar/') ? '/calendar/[redacted]' : path)).toBe(true);
  });

  it('writes the path of a URL and marks where its query string was', () => {
    expect(safeUrl('/api/unsubscribe?token=abc')).toBe('/api/unsubscribe?[redacted]');
    expect(safeUrl('/calendar/abcdef.ics')).toBe('/calendar/[redacted]');
    expect(safeUrl('/search')).toBe('/search');
    expect(scrubText('Route GET:/x/y?token=abc&b=2 not found')).toBe('Route GET:/x/y?[redacted] not found');
    expect(scrubText('see https://kv.example/bookings/cancel?token=abc.def')).toBe(
      'see https://kv.example/bookings/cancel?[redacted]',
    );
    expect(scrubText('token=abc and password=xyz')).toBe('token=[redacted] and password=[redacted]');
  });
});

describe('e-mail in the log', () => {
  it('the development mailbox logs a message by its id: no address, subject, text or link', async () => {
    const user = await buildUser(app, { displayName: DISPLAY_NAME });
    await gql(app, `mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
    const email = await lastEmailTo(app, user.email);
    expect(email?.token).toBeTruthy();
    lines.length = 0;
    const transport = createMailTransport({ logMessages: true }, app.log);
    expect(await deliverDue(depsOf(app), transport)).toMatchObject({ sent: 1 });
    const text = log();
    expect(text).toContain(email!.id);
    for (const secret of [email!.token!, user.email, email!.subject, DISPLAY_NAME, email!.textBody.slice(0, 30)]) {
      expect(text).not.toContain(secret);
    }
  });

  it('an SMTP server refusing the recipient leaves no address in the log', async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const { port } = server.server.address() as AddressInfo;
      const user = await buildUser(app, { displayName: DISPLAY_NAME });
      await gql(app, `mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
      lines.length = 0;
      const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, logMessages: false }, app.log);
      const result = await deliverDue(depsOf(app), transport);
      transport.close();
      expect(result.failed).toBeGreaterThan(0);
      const text = log();
      expect(text).toContain('Sending an e-mail failed');
      expect(text).toContain('"responseCode":550');
      expect(text).not.toContain(user.email);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
