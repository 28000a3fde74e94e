import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loggerOptions } from '../../lib/logging.js';
import { buildUser, depsOf, lastEmailTo, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, openTestDatabase, testConfig, type GqlResult, type TestApp } from '../../test/helper.js';
import { deliverDue } from '../messaging/index.js';
import { emailOutbox } from '../messaging/tables.js';
import { FEEDBACK_LIMIT_PER_HOUR, senderLocale } from './legal.js';

const LEGAL_INFO = `{ legalInfo {
  operatorName businessId address email phone privacyEmail accessibilityEmail accessibilityEvaluatedOn
  applicationRetentionMonths participantRetentionMonths inactiveAccountMonths inactiveAccountNoticeDays
  dataAccessLogMonths auditLogMonths sentMailDays } }`;

const SEND = `mutation ($input: FeedbackInput!) { sendFeedback(input: $input) }`;

const OPERATOR = {
  OPERATOR_NAME: 'Lapin Testiklusteri ry',
  OPERATOR_BUSINESS_ID: '1234567-8',
  OPERATOR_ADDRESS: 'Testikatu 1, 96100 Rovaniemi',
  OPERATOR_EMAIL: 'info@klusteri.test',
  OPERATOR_PHONE: '+358 40 123 4567',
  PRIVACY_CONTACT_EMAIL: 'tietosuoja@klusteri.test',
  ACCESSIBILITY_FEEDBACK_EMAIL: 'saavutettavuus@klusteri.test',
  ACCESSIBILITY_EVALUATED_ON: '2026-11-30',
  APPLICATION_RETENTION_MONTHS: '6',
  PARTICIPANT_RETENTION_MONTHS: '18',
  INACTIVE_ACCOUNT_MONTHS: '48',
  INACTIVE_ACCOUNT_NOTICE_DAYS: '14',
  DATA_ACCESS_LOG_RETENTION_MONTHS: '36',
  AUDIT_LOG_RETENTION_MONTHS: '84',
  SENT_MAIL_RETENTION_DAYS: '30',
};

/** sendFeedback as a client at `ip` sends it, signed in when given a user, in `language`. */
async function send(
  app: TestApp,
  input: Record<string, unknown>,
  options: { ip?: string; user?: TestUser; language?: string } = {},
): Promise<GqlResult> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: options.ip ?? '198.51.100.1',
    headers: {
      'content-type': 'application/json',
      ...(options.user ? { authorization: `Bearer ${options.user.token}` } : {}),
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    payload: JSON.stringify({ query: SEND, variables: { input } }),
  });
  const body = response.json();
  return { status: response.statusCode, data: body.data ?? null, errors: body.errors, body: response.body };
}

const outboxTo = (app: TestApp, address: string) =>
  app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe('legalInfo', () => {
  let app: TestApp;
  let defaults: TestApp;
  beforeAll(async () => {
    [app, defaults] = await Promise.all([buildTestApp(OPERATOR), buildTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([app.closeAndDrop(), defaults.closeAndDrop()]);
  });

  it('gives anyone, signed in or not, the operator and the retention periods as configured', async () => {
    const expected = {
      operatorName: 'Lapin Testiklusteri ry',
      businessId: '1234567-8',
      address: 'Testikatu 1, 96100 Rovaniemi',
      email: 'info@klusteri.test',
      phone: '+358 40 123 4567',
      privacyEmail: 'tietosuoja@klusteri.test',
      accessibilityEmail: 'saavutettavuus@klusteri.test',
      accessibilityEvaluatedOn: '2026-11-30',
      applicationRetentionMonths: 6,
      participantRetentionMonths: 18,
      inactiveAccountMonths: 48,
      inactiveAccountNoticeDays: 14,
      dataAccessLogMonths: 36,
      auditLogMonths: 84,
      sentMailDays: 30,
    };
    const anonymous = await gql(app, LEGAL_INFO);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.legalInfo).toEqual(expected);
    const student = await buildUser(app, { roles: ['STUDENT'] });
    expect((await gql(app, LEGAL_INFO, {}, { token: student.token })).data!.legalInfo).toEqual(expected);
  });

  it('falls back to the operator address for privacy and accessibility, and to the default periods', async () => {
    const info = (await gql(defaults, LEGAL_INFO)).data!.legalInfo;
    expect(info.privacyEmail).toBe(info.email);
    expect(info.accessibilityEmail).toBe(info.email);
    expect(info.businessId).toBeNull();
    expect(info.phone).toBeNull();
    expect(info).toMatchObject({
      applicationRetentionMonths: 12,
      participantRetentionMonths: 24,
      inactiveAccountMonths: 36,
      inactiveAccountNoticeDays: 30,
      dataAccessLogMonths: 24,
    });
  });
});

describe('sendFeedback', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp(OPERATOR);
  });
  afterAll(async () => {
    await app.closeAndDrop();
  });

  it.each([
    ['ACCESSIBILITY', 'saavutettavuus@klusteri.test', 'saavutettavuus', '203.0.113.11'],
    ['PRIVACY', 'tietosuoja@klusteri.test', 'tietosuoja', '203.0.113.12'],
    ['GENERAL', 'info@klusteri.test', 'yleinen palaute', '203.0.113.13'],
  ])('queues %s feedback to %s', async (topic, address, topicName, ip) => {
    const before = (await outboxTo(app, address)).length;
    const result = await send(
      app,
      { topic, message: `Viesti aiheesta ${topic}\nToinen rivi.`, page: '/reports' },
      { ip, language: 'sv-FI,sv;q=0.9,en;q=0.8' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.sendFeedback).toBe(true);
    expect(await outboxTo(app, address)).toHaveLength(before + 1);
    const mail = await lastEmailTo(app, address);
    expect(mail!.subject).toBe(`Palaute: ${topicName}`);
    expect(mail!.text).toContain(`Viesti aiheesta ${topic}\nToinen rivi.`);
    expect(mail!.text).toContain('Sivu: /reports');
    expect(mail!.text).toContain('Lähettäjän kieli: ruotsi');
    // Anonymous: no answer address, and the operator is told so.
    expect(mail!.text).toContain('Vastausosoite: ei annettu');
    expect(mail!.text).toContain('Kirjautunut käyttäjä: ei');
    expect(mail!.userId).toBeNull();
    // Each topic goes to its own address only.
    const others = Object.values(OPERATOR).filter((v) => v.includes('@') && v !== address);
    for (const other of others) {
      expect((await lastEmailTo(app, other))?.text ?? '').not.toContain(`Viesti aiheesta ${topic}`);
    }
  });

  it('gives the sender’s name and answer address in the text, and the account’s language when signed in', async () => {
    const user = await buildUser(app, { roles: ['STUDENT'], locale: 'en' });
    const result = await send(
      app,
      {
        topic: 'PRIVACY',
        message: 'Please tell me what you hold about me.',
        name: 'Aino Virtanen',
        email: ' Aino.Virtanen@Example.FI ',
      },
      { ip: '203.0.113.20', user },
    );
    expect(result.errors).toBeUndefined();
    const mail = await lastEmailTo(app, 'tietosuoja@klusteri.test');
    expect(mail!.text).toContain('Lähettäjä: Aino Virtanen');
    expect(mail!.text).toContain('Vastausosoite: aino.virtanen@example.fi');
    expect(mail!.text).toContain('Lähettäjän kieli: englanti');
    expect(mail!.text).toContain('Kirjautunut käyttäjä: kyllä');
    expect(mail!.text).toContain('kuukauden kuluessa');
  });

  it('refuses invalid input with VALIDATION naming each field, and queues nothing', async () => {
    const before = (await app.db.select().from(emailOutbox)).length;
    const result = await send(
      app,
      { topic: 'GENERAL', message: '   ', email: 'not-an-address', name: 'x'.repeat(201), page: 'a\u202Eb' },
      { ip: '203.0.113.30' },
    );
    expect(result.errors?.[0]?.extensions.code).toBe('VALIDATION');
    const fields = (result.errors![0]!.extensions.fields as { field: string; message: string }[]).map((f) => f.field);
    expect(fields.sort()).toEqual(['email', 'message', 'name', 'page']);
    const tooLong = await send(app, { topic: 'GENERAL', message: 'x'.repeat(5001) }, { ip: '203.0.113.30' });
    expect(tooLong.errors?.[0]?.extensions.fields).toEqual([{ field: 'message', message: 'validation.tooLong' }]);
    // A topic that is not one of ours is refused by the schema's enum already.
    const topic = await send(app, { topic: 'SPAM', message: 'Hei' }, { ip: '203.0.113.30' });
    expect(topic.errors).toBeDefined();
    expect((await app.db.select().from(emailOutbox)).length).toBe(before);
  });

  it(`allows ${FEEDBACK_LIMIT_PER_HOUR} an hour from one address, then RATE_LIMITED with the seconds to wait`, async () => {
    const ip = '203.0.113.40';
    for (let i = 0; i < FEEDBACK_LIMIT_PER_HOUR; i++) {
      expect((await send(app, { topic: 'GENERAL', message: `Viesti ${i}` }, { ip })).data?.sendFeedback).toBe(true);
    }
    const before = (await outboxTo(app, 'info@klusteri.test')).length;
    const refused = await send(app, { topic: 'GENERAL', message: 'Yksi liikaa' }, { ip });
    expect(refused.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors![0]!.extensions.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await outboxTo(app, 'info@klusteri.test')).toHaveLength(before);
    // Another address is not held up by this one.
    expect((await send(app, { topic: 'GENERAL', message: 'Muualta' }, { ip: '203.0.113.41' })).errors).toBeUndefined();
  });

  it('limits a signed-in account across addresses, and nobody else by it', async () => {
    const user = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    for (let i = 0; i < FEEDBACK_LIMIT_PER_HOUR; i++) {
      const result = await send(app, { topic: 'GENERAL', message: `Tili ${i}` }, { ip: `203.0.113.${50 + i}`, user });
      expect(result.errors).toBeUndefined();
    }
    const refused = await send(app, { topic: 'GENERAL', message: 'Uusi osoite' }, { ip: '203.0.113.60', user });
    expect(refused.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    const other = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(
      (await send(app, { topic: 'GENERAL', message: 'Toinen' }, { ip: '203.0.113.61', user: other })).errors,
    ).toBeUndefined();
  });
});

describe('the log', () => {
  it('holds nothing of the feedback: not its text, the sender’s name or address, sent, refused or delivered', async () => {
    const { handle, drop } = await openTestDatabase();
    const lines: string[] = [];
    const config = testConfig({ ...OPERATOR, LOG_LEVEL: 'trace', DEV_MAILBOX: 'true' });
    const app = await buildApp(config, {
      database: handle,
      logger: loggerOptions(config, { write: (line: string) => void lines.push(line) }),
    });
    await app.ready();
    const testApp = Object.assign(app, { closeAndDrop: async () => {} }) as TestApp;
    try {
      const secret = { message: 'Salainen-viesti-3141', name: 'Salainen-Nimi', email: 'salainen.lahettaja@example.fi' };
      expect((await send(testApp, { topic: 'PRIVACY', ...secret }, { ip: '203.0.113.70' })).errors).toBeUndefined();
      await send(testApp, { topic: 'PRIVACY', ...secret, email: 'Salainen-virhe' }, { ip: '203.0.113.70' });
      for (let i = 0; i < FEEDBACK_LIMIT_PER_HOUR; i++) {
        await send(testApp, { topic: 'GENERAL', ...secret }, { ip: '203.0.113.70' });
      }
      expect(app.mailTransport).toBeTruthy();
      expect((await deliverDue(depsOf(testApp), app.mailTransport!)).sent).toBe(1 + FEEDBACK_LIMIT_PER_HOUR - 1);
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('\n');
      // Not the bare digits: a timestamp or a response time in the log may hold them by chance.
      for (const text of ['Salainen', 'salainen', 'viesti-3141']) expect(log).not.toContain(text);
    } finally {
      await app.close();
      await drop();
    }
  });
});

describe('senderLocale', () => {
  it.each([
    ['sv-FI,sv;q=0.9,en;q=0.8', 'sv'],
    ['de-DE,en;q=0.5', 'en'],
    ['FI', 'fi'],
    ['en;q=0, fi', 'fi'],
    ['de, ru', null],
    [undefined, null],
  ])('%s → %s', (header, locale) => expect(senderLocale(header)).toBe(locale));
});
