import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildUser, depsOf } from '../../test/factories.js';
import { gql, openTestDatabase, testConfig, type App } from '../../test/helper.js';
import { deliverDue } from './delivery.js';
import { emailOutbox } from './tables.js';

const opened: { app: App; drop: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { app, drop } of opened.splice(0)) {
    await app.close();
    await drop();
  }
});

/** An app whose delivery worker runs every 100 ms, with its warnings kept in `warnings`. */
async function appWithWorker(env: Record<string, string>) {
  const { handle, drop } = await openTestDatabase();
  const warnings: string[] = [];
  const stream = { write: (line: string) => void warnings.push(JSON.parse(line).msg as string) };
  const app = await buildApp(testConfig({ MAIL_DELIVERY: 'true', MAIL_POLL_SECONDS: '0.1', ...env }), {
    database: handle,
    logger: { level: 'warn', stream },
  });
  opened.push({ app, drop });
  await app.ready();
  return { app, warnings };
}

/** Polls `read` until `done` holds for what it returns, or fails after the deadline. */
async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('waited in vain');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Queues a password reset e-mail and returns its outbox row as queued. */
async function queueReset(app: App) {
  const user = await buildUser(app);
  const r = await gql(app, `mutation { requestPasswordReset(email: "${user.email}") }`);
  expect(r.errors).toBeUndefined();
  const rows = await app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const rowOf = (app: App, id: string) => async () =>
  (await app.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

/**
 * Queues a reset in an app that has no way to send, and gives a worker the time of several polls
 * (100 ms each) to touch it. This proves that nothing happens, so a bounded wait is right here; it
 * starts after the positive controls: the message is queued and the app has no transport at all.
 */
async function queueResetAndWaitIdle(app: App) {
  const row = await queueReset(app);
  expect(app.mailTransport).toBeNull();
  await new Promise((wait) => setTimeout(wait, 500));
  return rowOf(app, row.id)();
}

/** Each test starts an app with its own database: slow on a busy machine. */
const SLOW = 90_000;

const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://never-opened.invalid/keskusvaraamo' };

describe('the delivery worker without a way to send', () => {
  it(
    'in production without SMTP_URL: says so at start and keeps every message queued, never "sent"',
    async () => {
      const { app, warnings } = await appWithWorker(PRODUCTION);
      const row = await queueResetAndWaitIdle(app);
      expect(row).toMatchObject({ sentAt: null, failedAt: null, attempts: 0, transport: null, lastError: null });
      expect(warnings).toContain('SMTP_URL is not set: e-mail stays queued in the outbox and is not sent');

      // Delivering by hand does not send it either.
      expect(await deliverDue(depsOf(app), app.mailTransport)).toEqual({ sent: 0, failed: 0 });
      const [again] = await app.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
      expect(again).toMatchObject({ sentAt: null, attempts: 0 });
    },
    SLOW,
  );

  it(
    'in development without DEV_MAILBOX or SMTP_URL: the same, with the reason',
    async () => {
      const { app, warnings } = await appWithWorker({ NODE_ENV: 'development' });
      expect(await queueResetAndWaitIdle(app)).toMatchObject({ sentAt: null, attempts: 0 });
      expect(warnings).toContain(
        'SMTP_URL is not set and DEV_MAILBOX is off: e-mail stays queued in the outbox and is not sent',
      );
    },
    SLOW,
  );

  it(
    'delivers to the development mailbox when DEV_MAILBOX=true',
    async () => {
      const { app, warnings } = await appWithWorker({ NODE_ENV: 'development', DEV_MAILBOX: 'true' });
      expect(warnings.filter((w) => w.includes('SMTP_URL'))).toEqual([]);
      const queued = await queueReset(app);
      // The worker polls every 100 ms: wait until it has sent the message.
      const row = await waitUntil(rowOf(app, queued.id), (r) => r.sentAt !== null);
      expect(row.sentAt).not.toBeNull();
      expect(row.transport).toBe('mailbox');
    },
    SLOW,
  );
});
