import { USER_ROLES, type UserRole } from '@keskusvaraamo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, depsOf } from '../../test/factories.js';
import { buildTestApp, gql, testConfig, type TestApp } from '../../test/helper.js';
import type { Viewer } from '../../lib/viewer.js';
import { deliverDue } from './delivery.js';
import { isLoopback, mailboxPolicy, type MailboxClient } from './policy.js';

const LOOPBACK = ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'];
const ELSEWHERE = ['203.0.113.7', '10.0.0.2', '::ffff:192.0.2.1', '2001:db8::1', '::', undefined];

describe('isLoopback', () => {
  it.each(LOOPBACK)('%s is this machine', (address) => expect(isLoopback(address)).toBe(true));
  it.each(ELSEWHERE)('%s is not', (address) => expect(isLoopback(address)).toBe(false));
});

describe('mailboxPolicy.read', () => {
  const viewerWith = (role: UserRole | null): Viewer | null =>
    role ? { id: 'u1', email: 'someone@example.fi', roles: [role], emailVerified: true } : null;
  const config = (over: { mailbox?: boolean; production?: boolean; trustProxy?: unknown } = {}) =>
    ({
      production: over.production ?? false,
      trustProxy: over.trustProxy ?? false,
      mail: { mailbox: over.mailbox ?? true },
    }) as Parameters<typeof mailboxPolicy.read>[0];
  const local: MailboxClient = { address: '127.0.0.1', proxied: false };
  const remote: MailboxClient = { address: '203.0.113.7', proxied: false };

  // who × where × enabled: an admin reads it from anywhere, anyone on this machine reads it, nobody
  // reads a mailbox that is not enabled.
  const cases = [...USER_ROLES, null].flatMap((role) =>
    [local, remote].flatMap((client) =>
      [true, false].map((mailbox) => ({
        role,
        where: client === local ? 'loopback' : 'elsewhere',
        mailbox,
        client,
        allowed: mailbox && (role === 'ADMIN' || client === local),
      })),
    ),
  );
  it.each(cases)('$role from $where, enabled $mailbox: $allowed', ({ role, client, mailbox, allowed }) => {
    expect(mailboxPolicy.read(config({ mailbox }), viewerWith(role), client)).toBe(allowed);
  });

  it('trusts loopback only when no proxy is trusted, none forwarded the request, and not in production', () => {
    const visitor = viewerWith(null);
    expect(mailboxPolicy.read(config({ trustProxy: 1 }), visitor, local)).toBe(false);
    expect(mailboxPolicy.read(config({ trustProxy: ['10.0.0.0/8'] }), visitor, local)).toBe(false);
    expect(mailboxPolicy.read(config({ trustProxy: true }), visitor, local)).toBe(false);
    expect(mailboxPolicy.read(config(), visitor, { ...local, proxied: true })).toBe(false);
    expect(mailboxPolicy.read(config({ production: true }), visitor, local)).toBe(false);
    expect(mailboxPolicy.read(config({ trustProxy: 1 }), viewerWith('ADMIN'), remote)).toBe(true);
  });
});

const MAILBOX = `{ devMailbox(first: 10) { to subject text } }`;

/** The mailbox query as a client at `remoteAddress` sends it, with a token when given one. */
async function readMailbox(
  app: TestApp,
  remoteAddress: string,
  options: { token?: string; headers?: Record<string, string> } = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    payload: JSON.stringify({ query: MAILBOX }),
  });
  const body = response.json() as {
    data: { devMailbox: { to: string; subject: string; text: string }[] } | null;
    errors?: { extensions: { code: string } }[];
  };
  return { body, raw: response.body, code: body.errors?.[0]?.extensions.code };
}

/** An app whose outbox holds a delivered password reset for `victim`, with a user of each role. */
async function appWithResetMail(env: Record<string, string>) {
  const app = await buildTestApp(env);
  const victim = await buildUser(app, { locale: 'en' });
  await gql(app, `mutation { requestPasswordReset(email: "${victim.email}") }`);
  if (app.mailTransport) await deliverDue(depsOf(app), app.mailTransport);
  const tokens = new Map<UserRole, string>();
  for (const role of USER_ROLES) tokens.set(role, (await buildUser(app, { roles: [role] })).token);
  return { app, victim, tokens };
}

describe('the development mailbox over HTTP', () => {
  let enabled: Awaited<ReturnType<typeof appWithResetMail>>;
  let off: Awaited<ReturnType<typeof appWithResetMail>>;
  let proxied: Awaited<ReturnType<typeof appWithResetMail>>;
  // One hook per app, so that each has the whole hook timeout on a busy machine.
  beforeAll(async () => {
    enabled = await appWithResetMail({ DEV_MAILBOX: 'true' });
  });
  beforeAll(async () => {
    off = await appWithResetMail({});
  });
  beforeAll(async () => {
    // Behind a proxy every request arrives from loopback.
    proxied = await appWithResetMail({ DEV_MAILBOX: 'true', TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await enabled?.app.closeAndDrop();
    await off?.app.closeAndDrop();
    await proxied?.app.closeAndDrop();
  });

  it('is off unless DEV_MAILBOX=true: NOT_FOUND for everyone, even an admin on this machine', async () => {
    expect(off.app.config.mail.mailbox).toBe(false);
    for (const address of ['127.0.0.1', '203.0.113.7']) {
      for (const token of [undefined, off.tokens.get('ADMIN')]) {
        const r = await readMailbox(off.app, address, { token });
        expect(r.code).toBe('NOT_FOUND');
        expect(r.body.data).toBeNull();
        expect(r.raw).not.toContain(off.victim.email);
      }
    }
  });

  it('lets an admin read it from anywhere', async () => {
    const r = await readMailbox(enabled.app, '203.0.113.7', { token: enabled.tokens.get('ADMIN') });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.devMailbox[0]).toMatchObject({ to: enabled.victim.email, subject: 'Reset your password' });
    expect(r.body.data!.devMailbox[0]!.text).toMatch(/reset-password\?token=/);
  });

  it('lets anyone on this machine read it without signing in', async () => {
    for (const address of LOOPBACK.filter((a) => a !== '127.8.9.10')) {
      const r = await readMailbox(enabled.app, address);
      expect(r.body.errors, address).toBeUndefined();
      expect(r.body.data!.devMailbox[0]!.to).toBe(enabled.victim.email);
    }
  });

  it('refuses a visitor and every other role from elsewhere with FORBIDDEN and no hint of content', async () => {
    const others = USER_ROLES.filter((role) => role !== 'ADMIN');
    for (const token of [undefined, ...others.map((role) => enabled.tokens.get(role))]) {
      for (const address of ['203.0.113.7', '10.0.0.2', '2001:db8::1']) {
        const r = await readMailbox(enabled.app, address, { token });
        expect(r.code).toBe('FORBIDDEN');
        expect(r.body.data).toBeNull();
        expect(r.raw).not.toContain(enabled.victim.email);
        expect(r.raw).not.toContain('token=');
      }
    }
  });

  it('does not take a request a proxy forwarded for one from this machine', async () => {
    const r = await readMailbox(enabled.app, '127.0.0.1', { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(r.code).toBe('FORBIDDEN');
    const forwarded = await readMailbox(enabled.app, '127.0.0.1', { headers: { forwarded: 'for=203.0.113.7' } });
    expect(forwarded.code).toBe('FORBIDDEN');
  });

  it('with TRUST_PROXY on, loopback is nobody in particular: only an admin reads it', async () => {
    expect(proxied.app.config.trustProxy).not.toBe(false);
    expect((await readMailbox(proxied.app, '127.0.0.1')).code).toBe('FORBIDDEN');
    const admin = await readMailbox(proxied.app, '127.0.0.1', { token: proxied.tokens.get('ADMIN') });
    expect(admin.body.data!.devMailbox[0]!.to).toBe(proxied.victim.email);
  });

  it('does not exist with an SMTP server, whatever DEV_MAILBOX says', () => {
    const config = testConfig({ DEV_MAILBOX: 'true', SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(mailboxPolicy.exists(config)).toBe(false);
  });
});
