import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  depsOf,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { deliverDue } from './delivery.js';
import { claimDue } from './outbox.js';
import { emailOutbox } from './tables.js';

/** A real SMTP server on loopback that keeps every message it accepts (or refuses while `refuse` is set). */
function startSmtp() {
  const received: string[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse) {
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  return new Promise<{ url: string; received: string[]; state: typeof state; close: () => Promise<void> }>(
    (resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.server.address() as AddressInfo;
        resolve({
          url: `smtp://127.0.0.1:${port}`,
          received,
          state,
          close: () => new Promise((done) => server.close(() => done())),
        });
      });
    },
  );
}

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;
let sessionId: string;

async function book(user: TestUser) {
  const r = await gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID() } }, { token: user.token });
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats.id as string;
}

const outboxOf = (address: string) => app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

beforeAll(async () => {
  smtp = await startSmtp();
  app = await buildTestApp({ SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '3' });
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  const course = await buildCourse(
    app,
    { title: 'Aurinkosähkö tutuksi' },
    {
      organisation: school,
      sessions: [sessionInput({ seats: 50 })],
    },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  sessionId = r.data!.offer.sessions[0].id;
});
afterAll(async () => {
  await app.closeAndDrop();
  await smtp.close();
});
afterEach(() => {
  smtp.state.refuse = false;
});

describe('e-mail delivery over SMTP', () => {
  it('sends a booking confirmation once, in the recipient language, with the .ics, Message-ID and one-click unsubscribe', async () => {
    const user = await buildUser(app, { locale: 'sv', displayName: 'Stina Ström' });
    const bookingId = await book(user);
    const before = smtp.received.length;
    const first = await deliverDue(depsOf(app), app.mailTransport);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const mine = smtp.received.slice(before).filter((m) => m.includes(user.email));
    expect(mine).toHaveLength(1);
    const message = await simpleParser(mine[0]!);
    expect(message.subject).toBe('Bokningen är bekräftad: Aurinkosähkö tutuksi');
    expect(message.text).toContain('Din bokning är bekräftad');
    // HTML beside the text, in the recipient's language, marked automatic (RFC 3834).
    expect(message.html).toMatch(/<html[^>]* lang="sv"/);
    expect(message.html).toContain('Din bokning är bekräftad');
    expect(message.headers.get('auto-submitted')).toBe('auto-generated');
    // Every page link opens in the recipient's language; the one-click address is the API's.
    expect(message.text).toMatch(/http:\/\/localhost:3000\/sv\/bookings\/cancel\?token=/);
    expect(message.text).toMatch(/http:\/\/localhost:3000\/sv\/unsubscribe\?token=/);
    expect(message.text).not.toMatch(/http:\/\/localhost:3000\/(bookings|unsubscribe|my|notifications)\b/);
    const ics = message.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics?.content.toString('utf8')).toContain(`UID:booking-${bookingId}@keskusvaraamo`);
    expect(mine[0]).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mine[0]).toMatch(/List-Unsubscribe:\s+<http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
    const [row] = await outboxOf(user.email);
    expect(message.messageId).toBe(`<${row!.id}@localhost>`);
    expect(row).toMatchObject({ transport: 'smtp', attempts: 1 });
    expect(row!.sentAt).not.toBeNull();

    const again = await deliverDue(depsOf(app), app.mailTransport);
    expect(again.sent).toBe(0);
    expect(smtp.received.filter((m) => m.includes(user.email))).toHaveLength(1);
  });

  it('retries with backoff when the server refuses, and sends once it accepts', async () => {
    const user = await buildUser(app, { locale: 'fi' });
    await book(user);
    smtp.state.refuse = true;
    const refused = await deliverDue(depsOf(app), app.mailTransport);
    expect(refused.failed).toBeGreaterThanOrEqual(1);
    let [row] = await outboxOf(user.email);
    expect(row!.sentAt).toBeNull();
    expect(row!.failedAt).toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toMatch(/Try again later/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: nothing is tried.
    smtp.state.refuse = false;
    await deliverDue(depsOf(app), app.mailTransport);
    expect(smtp.received.some((m) => m.includes(user.email))).toBe(false);

    await app.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(emailOutbox.id, row!.id));
    await deliverDue(depsOf(app), app.mailTransport);
    [row] = await outboxOf(user.email);
    expect(row!.sentAt).not.toBeNull();
    expect(row!.attempts).toBe(2);
    expect(smtp.received.filter((m) => m.includes(user.email))).toHaveLength(1);
  });

  it('gives up after the last attempt', async () => {
    const user = await buildUser(app);
    await book(user);
    smtp.state.refuse = true;
    for (let attempt = 0; attempt < 3; attempt++) {
      await app.db
        .update(emailOutbox)
        .set({ nextAttemptAt: sql`now()` })
        .where(eq(emailOutbox.toAddress, user.email));
      await deliverDue(depsOf(app), app.mailTransport);
    }
    const [row] = await outboxOf(user.email);
    expect(row).toMatchObject({ attempts: 3, sentAt: null });
    expect(row!.failedAt).not.toBeNull();
  });

  it('loses nothing when a worker stops mid-send: the message goes again when its lease runs out', async () => {
    const user = await buildUser(app);
    await book(user);
    // A worker claims the message and dies before sending it.
    const claimed = await claimDue(app.db, 100, 60);
    expect(claimed.some((m) => m.toAddress === user.email)).toBe(true);
    await deliverDue(depsOf(app), app.mailTransport);
    expect(smtp.received.some((m) => m.includes(user.email))).toBe(false);

    await app.db
      .update(emailOutbox)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.toAddress, user.email));
    await deliverDue(depsOf(app), app.mailTransport);
    expect(smtp.received.filter((m) => m.includes(user.email))).toHaveLength(1);
  });

  it('has no development mailbox when SMTP is configured', async () => {
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    const r = await gql(app, `{ devMailbox { id } }`, {}, { token: coordinator.token });
    expect(codeOf(r)).toBe('NOT_FOUND');
  });
});

describe('development mailbox', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await buildTestApp({ DEV_MAILBOX: 'true' });
  });
  afterAll(() => local.closeAndDrop());

  it('keeps what was sent without SMTP and lists it, newest first', async () => {
    expect(local.mailTransport?.kind).toBe('mailbox');
    const user = await buildUser(local, { locale: 'en', displayName: 'Erin English' });
    await gql(local, `mutation { requestPasswordReset(email: "${user.email}") }`);
    await deliverDue(depsOf(local), local.mailTransport);
    const r = await gql(local, `{ devMailbox(first: 5) { to subject text sentAt } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.devMailbox[0]).toMatchObject({ to: user.email, subject: 'Reset your password' });
    expect(r.data!.devMailbox[0].text).toContain('Hello Erin English');
    expect(r.data!.devMailbox[0].sentAt).not.toBeNull();
  });
});
