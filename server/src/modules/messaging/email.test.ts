import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../accounts/tables.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildUser, depsOf, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { notify } from './commands.js';
import { queueDigests } from './jobs.js';
import { enqueueEmail, type OutboxRow } from './outbox.js';
import { renderMessage, type Message } from './render.js';
import { emailOutbox, notificationPreferences } from './tables.js';
import type { TemplateName, TemplateParams } from './templates.js';
import { mailOptions } from './transport.js';
import { unsubscribeUrls } from './unsubscribe.js';

const LOCALES = ['fi', 'sv', 'en'] as const;
/** Text that would be markup, and an attribute break, if it were not escaped. */
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

/** The raw message's header lines, each unfolded onto one line. */
const headerLines = (raw: string) => raw.slice(0, raw.search(/\n\n/)).replace(/\n[ \t]+/g, ' ');

const newestTo = async (address: string) => {
  const rows = await app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

/**
 * The message as the SMTP transport sends it: rendered, given to nodemailer with the transport's
 * own options (a stream transport instead of a socket), and parsed back from the raw MIME.
 */
async function asSent(row: OutboxRow): Promise<{ message: Message; mail: ParsedMail; raw: string }> {
  const message = await renderMessage(depsOf(app), row);
  expect(message).not.toBeNull();
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await composer.sendMail(
    mailOptions({ ...message!, from: app.config.mail.from, to: row.toAddress, messageId: `<${row.id}@localhost>` }),
  );
  const raw = (info.message as Buffer).toString('utf8');
  return { message: message!, mail: await simpleParser(raw), raw };
}

/** What every message has: both parts, the recipient's language, a title, no images, and RFC 3834. */
function expectWellFormed({ message, mail, raw }: Awaited<ReturnType<typeof asSent>>, locale: string) {
  expect(headerLines(raw)).toMatch(/^Content-Type: multipart\/alternative;/m);
  expect(mail.text?.trimEnd()).toBe(message.text.trimEnd());
  expect(typeof mail.html).toBe('string');
  const html = mail.html as string;
  expect(html).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
  expect(html).toContain('Osaamisen keskusvaraamo');
  expect(html).not.toMatch(/<img|<script/i);
  expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  return html;
}

const TEMPLATES: { [N in TemplateName]: TemplateParams<N> } = {
  'verify-email': { name: HOSTILE, link: 'http://localhost:3000/verify-email?token=abc' },
  'reset-password': { name: HOSTILE, link: 'http://localhost:3000/reset-password?token=abc' },
  'sign-up-existing': {
    name: HOSTILE,
    signInLink: 'http://localhost:3000/sign-in',
    resetLink: 'http://localhost:3000/forgot-password',
  },
  'organisation-invitation': { inviter: HOSTILE, organisation: HOSTILE, link: 'http://localhost:3000/invite?token=a' },
  'account-deleted': { how: 'DELETED' },
  feedback: {
    topic: 'ACCESSIBILITY',
    message: `${HOSTILE}\n\nhttps://example.com/"><script>`,
    name: HOSTILE,
    email: 'sender@example.fi',
    page: '/search',
    senderLocale: 'sv',
    signedIn: false,
  },
  'account-inactive': {
    name: HOSTILE,
    signInLink: 'http://localhost:3000/sign-in',
    removalOn: '2027-03-01T00:00:00Z',
  },
};

describe('every account message', () => {
  const cases = LOCALES.flatMap((locale) =>
    (Object.keys(TEMPLATES) as TemplateName[]).map((template) => ({ locale, template })),
  );
  it.each(cases)('$template in $locale: HTML and text, escaped, no unsubscribe', async ({ locale, template }) => {
    const to = `${template}-${locale}@example.fi`;
    await enqueueEmail(app.db, { to, locale, template, params: TEMPLATES[template] });
    const sent = await asSent(await newestTo(to));
    const html = expectWellFormed(sent, locale);
    expect(headerLines(sent.raw)).not.toMatch(/^List-Unsubscribe/m);
    expect(html).not.toContain('<img');
    if (template !== 'account-deleted') {
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      // The text part carries the same words as they were written.
      expect(sent.mail.text).toContain(HOSTILE);
    }
    // Each link that does something is a button-like link with its own words, not the address.
    for (const url of Object.values(TEMPLATES[template]).filter((v) => /^http:\/\/localhost/.test(String(v)))) {
      const a = html.match(new RegExp(`<a[^>]* href="${String(url).replace(/[?.]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</a>`));
      expect(a, String(url)).not.toBeNull();
      expect(a![1]!.replace(/<[^>]+>/g, '').trim()).toMatch(/^[^:/]+$/);
    }
  });

  it('links an address in what someone wrote only as itself, with its quotes escaped', async () => {
    const to = 'feedback-link@example.fi';
    await enqueueEmail(app.db, { to, locale: 'en', template: 'feedback', params: TEMPLATES.feedback });
    const { mail } = await asSent(await newestTo(to));
    expect(mail.html).not.toContain('href="https://example.com/"');
    expect(mail.html).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe('notification and digest e-mails', () => {
  const hostileMessage = { subject: HOSTILE, authorName: HOSTILE, excerpt: HOSTILE, path: '/conversations/x' };

  it.each(LOCALES)('a notification in %s: HTML and text, escaped, with its one-click unsubscribe', async (locale) => {
    const user = await buildUser(app, { locale });
    await notify(app.db, [{ userId: user.id, type: 'MESSAGE_RECEIVED', data: hostileMessage }]);
    const sent = await asSent(await newestTo(user.email));
    const html = expectWellFormed(sent, locale);
    expect(sent.message.subject).toContain(HOSTILE);
    expect(html).toContain(`<title>${sent.message.subject.replace(HOSTILE, '')}`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    const headers = headerLines(sent.raw);
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/unsubscribe\?token=[^>\s]+>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // The footer's link opens the page that asks, in the recipient's language.
    const page = unsubscribeUrls(depsOf(app), user.id, 'MESSAGE_RECEIVED', locale).page;
    expect(page).toMatch(locale === 'fi' ? /:3000\/unsubscribe\?/ : new RegExp(`:3000/${locale}/unsubscribe\\?`));
    expect(html).toContain(`href="${page}"`);
    expect(sent.mail.text).toContain(page);
    expect(html).toContain(`href="http://localhost:3000${locale === 'fi' ? '' : `/${locale}`}/conversations/x"`);
  });

  it.each(LOCALES)('the digest in %s: one link per notification, named by it', async (locale) => {
    const user = await buildUser(app, { locale });
    await app.db
      .insert(notificationPreferences)
      .values({ userId: user.id, type: 'MESSAGE_RECEIVED', channel: 'DIGEST' });
    await notify(app.db, [
      { userId: user.id, type: 'MESSAGE_RECEIVED', data: hostileMessage },
      { userId: user.id, type: 'MESSAGE_RECEIVED', data: { ...hostileMessage, subject: 'Toinen' } },
    ]);
    await queueDigests(app.db, new Date(Date.now() + 60_000));
    const row = await newestTo(user.email);
    expect(row.template).toBe('digest');
    const sent = await asSent(row);
    const html = expectWellFormed(sent, locale);
    expect(html.match(/<li[^>]*><a[^>]* href="[^"]+\/conversations\/x"[^>]*>[^<]*Toinen<\/a><\/li>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;');
    expect(headerLines(sent.raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });
});

describe('the layout', () => {
  /** WCAG 2.x contrast ratio of two #rrggbb colours. */
  const contrast = (a: string, b: string) => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it("renders with React's production build, which the web app's server renderer must share", async () => {
    const to = 'production-build@example.fi';
    await enqueueEmail(app.db, { to, locale: 'fi', template: 'account-deleted', params: { how: 'DELETED' } });
    expect((await asSent(await newestTo(to))).mail.html).toContain('<html');
    // 'react' is loaded once per process and chosen by NODE_ENV then: it must be the production build.
    const require = createRequire(import.meta.url);
    const react = require.cache[require.resolve('react')]!.exports as unknown;
    expect(react).toBe(require.cache[join(dirname(require.resolve('react')), 'cjs', 'react.production.js')]?.exports);
    const server = join(dirname(require.resolve('react-dom')), 'cjs', 'react-dom-server.node.production.js');
    expect(Object.keys(require.cache)).toContain(server);
  });

  it('meets WCAG AA contrast for every text colour on its background', async () => {
    const { COLOURS } = await import('./htmlEmail.js');
    const pairs: [string, string][] = [
      [COLOURS.text, COLOURS.surface], // body text
      [COLOURS.primary, COLOURS.surface], // links
      [COLOURS.onPrimary, COLOURS.primary], // the header and the buttons
      [COLOURS.muted, COLOURS.background], // the footer
      [COLOURS.primary, COLOURS.background], // the footer's link
    ];
    for (const [fg, bg] of pairs) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe('one-click unsubscribe over HTTP (RFC 8058)', () => {
  async function subscriber(locale: 'fi' | 'sv' | 'en' = 'en') {
    const user = await buildUser(app, { locale });
    const urls = unsubscribeUrls(depsOf(app), user.id, 'MESSAGE_RECEIVED', locale);
    const url = new URL(urls.oneClick);
    return { user, path: url.pathname + url.search };
  }
  const channelOf = async (user: TestUser) => {
    const r = await gql(app, `{ notificationPreferences { type channel } }`, {}, { token: user.token });
    return (r.data!.notificationPreferences as { type: string; channel: string }[]).find(
      (p) => p.type === 'MESSAGE_RECEIVED',
    )!.channel;
  };
  const multipart = (boundary: string, parts: string[]) =>
    `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`;

  it('takes the body as a URL-encoded form', async () => {
    const { user, path } = await subscriber();
    const r = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ unsubscribed: 'MESSAGE_RECEIVED' });
    expect(await channelOf(user)).toBe('APP');
  });

  it('takes the body as multipart/form-data', async () => {
    const { user, path } = await subscriber();
    expect(await channelOf(user)).toBe('EMAIL');
    const boundary = '----mailclient7MA4YWxkTrZu0gW';
    const r = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart(boundary, ['Content-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click']),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ unsubscribed: 'MESSAGE_RECEIVED' });
    expect(await channelOf(user)).toBe('APP');
  });

  it('refuses a body it cannot read, or a large one, with a 4xx and changes nothing', async () => {
    const { user, path } = await subscriber();
    const broken = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      payload: 'this is not multipart',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const boundary = 'b0undary';
    const large = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart(boundary, [
        'Content-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click',
        `Content-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${'x'.repeat(10_000)}`,
      ]),
    });
    expect(large.statusCode).toBe(413);
    expect(await channelOf(user)).toBe('EMAIL');
  });

  it('answers a forged, empty or spent token with a 4xx, never a 500', async () => {
    const { path } = await subscriber();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const forged = path.replace('MESSAGE_RECEIVED', 'BOOKING_CONFIRMED');
    for (const url of [forged, '/api/unsubscribe?token=forged', '/api/unsubscribe?token=', '/api/unsubscribe']) {
      const r = await app.inject({ method: 'POST', url, headers: form, payload: 'List-Unsubscribe=One-Click' });
      expect({ url, status: r.statusCode }).toEqual({ url, status: 400 });
      expect(r.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });
    }
    // An account deleted since the message was sent: nothing is left to turn off.
    const gone = await subscriber();
    await app.db.delete(users).where(eq(users.id, gone.user.id));
    const r = await app.inject({
      method: 'POST',
      url: gone.path,
      headers: form,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(r.statusCode).toBe(200);
  });

  it('sends a GET of the address to the page that asks, in the recipient language, changing nothing', async () => {
    for (const locale of LOCALES) {
      const { user, path } = await subscriber(locale);
      const r = await app.inject({ method: 'GET', url: path });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(
        `${locale === 'fi' ? '' : `/${locale}`}/unsubscribe${path.slice(path.indexOf('?'))}`,
      );
      expect(await channelOf(user)).toBe('EMAIL');
    }
    const forged = await app.inject({ method: 'GET', url: '/api/unsubscribe?token=forged' });
    expect(forged.statusCode).toBe(303);
    expect(forged.headers.location).toBe('/unsubscribe?token=forged');
  });
});
