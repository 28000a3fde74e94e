/**
 * Download my data: a person with data in every module gets every section with their rows, and
 * nothing of another person's (another student's letter, another booker's participants, others'
 * notifications, views and audit rows); no password hash or token hash anywhere in the file; the
 * route wants a bearer token, answers as a no-store attachment and is limited per person.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailTokens, refreshTokens, users } from '../accounts/tables.js';
import { auditEvents, dataAccessEvents } from '../audit/tables.js';
import { bookings, calendarFeeds, sessionMessages } from '../bookings/tables.js';
import { emailOutbox, notificationPreferences, notifications, remindersSent } from '../messaging/tables.js';
import { invitations, organisations } from '../organisations/tables.js';
import { studentProfiles } from '../profiles/tables.js';
import { proposals } from '../proposals/tables.js';
import { savedSearches } from '../savedSearches/tables.js';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  PASSWORD,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { EXPORT_COVERAGE, EXPORT_FORMAT, type DataExport, type ExportSection } from './export.js';
import { EXPORTS_PER_HOUR } from './exportRoute.js';

const OTHER_LETTER = 'Toisen opiskelijan salainen hakemuskirje, jota ei kuulu näyttää.';
const MY_LETTER = 'Minun oma hakemuskirjeeni aurinkovoimalan harjoitteluun.';
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;
const SEND = `mutation ($kind: ConversationSubjectKind!, $id: ID!, $body: String!) { sendMessage(subjectKind: $kind, subjectId: $id, body: $body) { id } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

let app: TestApp;
let me: TestUser;
let other: TestUser;
let coordinator: TestUser;

async function download(token?: string) {
  return app.inject({
    method: 'GET',
    url: '/api/me/data-export.json',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

let myBookingId: string;

beforeAll(async () => {
  app = await buildTestApp();
  me = await buildUser(app, { roles: ['STUDENT', 'ENTREPRENEUR', 'EDUCATOR'], displayName: 'Minna Minä' });
  other = await buildUser(app, { roles: ['STUDENT'], displayName: 'Olli Toinen' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Kaisa Koordinaattori' });
  const ok = (r: { errors?: unknown }) => expect(r.errors).toBeUndefined();

  // Account: a sign-in (a refresh token family), a verification link, a profile.
  ok(await gql(app, SIGN_IN, { input: { email: me.email, password: PASSWORD } }));
  await app.db
    .insert(emailTokens)
    .values({ userId: me.id, purpose: 'VERIFY_EMAIL', tokenHash: 'email-token-hash-secret', expiresAt: new Date() });
  await app.db.insert(studentProfiles).values({
    userId: me.id,
    institutionName: 'Lapin AMK',
    fieldOfStudy: 'Sähkötekniikka',
    studyLevel: 'BACHELOR',
    topics: ['solar-pv'],
    languages: ['fi'],
    discoverable: true,
  });

  // Organisations: a company where I am a member (and which I verified), my own school, an invitation.
  const company = await buildOrganisation(app, { members: [me] });
  await app.db.update(organisations).set({ verifiedBy: me.id }).where(eq(organisations.id, company.id));
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL', owner: me });
  await app.db.insert(invitations).values({
    organisationId: company.id,
    email: me.email,
    role: 'MEMBER',
    tokenHash: 'invitation-token-hash-secret',
    expiresAt: new Date(Date.now() + 86_400_000),
  });

  // Marketplace: my need (another student applies to it), my course, my application elsewhere.
  const myNeed = await buildNeed(app, {}, { owner: me });
  await buildApplication(app, myNeed, { student: other, coverLetter: OTHER_LETTER });
  const myCourse = await buildCourse(app, {}, { organisation: school });
  const elsewhere = await buildNeed(app, {});
  const application = await buildApplication(app, elsewhere, {
    student: me,
    coverLetter: MY_LETTER,
    state: 'REJECTED',
  });
  await buildApplication(app, elsewhere, { student: other, coverLetter: OTHER_LETTER });
  ok(await gql(app, SEND, { kind: 'APPLICATION', id: application.id, body: 'Kiitos tiedosta.' }, { token: me.token }));
  ok(
    await gql(
      app,
      SEND,
      { kind: 'APPLICATION', id: application.id, body: 'Onnea jatkoon!' },
      { token: elsewhere.owner.token },
    ),
  );

  // Bookings: mine (with a friend), and someone else's that names me among others.
  const otherCourse = await buildCourse(app, {});
  const { data } = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: otherCourse.id });
  const sessionId = data!.offer.sessions[0].id;
  ok(
    await gql(
      app,
      BOOK,
      {
        input: {
          sessionId,
          idempotencyKey: randomUUID(),
          participants: [
            { name: 'Minna Minä', email: me.email },
            { name: 'Kalle Kaveri', email: 'kalle.kaveri@example.fi' },
          ],
          // On my company's behalf: its details are remembered, as saved by me.
          billing: {
            organisationId: company.id,
            organisationName: company.name,
            businessId: company.businessId,
            invoiceMethod: 'EMAIL',
            invoiceEmail: 'minna.laskut@example.fi',
            reference: 'Minnan kustannuspaikka 42',
          },
        },
      },
      { token: me.token },
    ),
  );
  ok(
    await gql(
      app,
      BOOK,
      {
        input: {
          sessionId,
          idempotencyKey: randomUUID(),
          participants: [
            { name: 'Minna Minä', email: me.email },
            { name: 'Vieras Varaaja', email: 'vieras.varaaja@example.fi' },
          ],
          billing: {
            organisationName: 'Vieras Oy',
            businessId: '1572860-0',
            invoiceMethod: 'EMAIL',
            invoiceEmail: 'vieras.laskut@example.fi',
            reference: 'Vieraan viite',
          },
        },
      },
      { token: other.token },
    ),
  );
  await app.db.insert(calendarFeeds).values({ userId: me.id, tokenHash: 'calendar-token-hash-secret' });
  // A message I sent to everyone booked on my school's course.
  const { data: mine } = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: myCourse.id });
  await app.db.insert(sessionMessages).values({
    sessionId: mine!.offer.sessions[0].id,
    authorId: me.id,
    body: 'Muistakaa turvakengät.',
    recipientCount: 3,
  });
  // The reminder of my booking's session, and a coordinator's weekly summary (theirs, not mine).
  const [myBooking] = await app.db.select().from(bookings).where(eq(bookings.bookedBy, me.id));
  myBookingId = myBooking!.id;
  await app.db.insert(remindersSent).values([
    { kind: 'SESSION', subjectId: myBookingId, dueAt: new Date('2027-03-01T08:00:00Z') },
    { kind: 'WEEKLY_SUMMARY', subjectId: coordinator.id, dueAt: new Date('2027-03-01T05:00:00Z') },
  ]);

  // A coordinator's proposal of me; preferences, a saved search; the two logs.
  await app.db.insert(proposals).values({
    needId: elsewhere.id,
    targetKind: 'STUDENT',
    studentId: me.id,
    origin: 'COORDINATOR',
    proposedBy: coordinator.id,
    note: 'Hyvä ehdokas aurinkovoimalaan.',
  });
  await app.db.insert(notificationPreferences).values({ userId: me.id, type: 'APPLICATION_UPDATED', channel: 'OFF' });
  await app.db.insert(savedSearches).values({
    userId: me.id,
    name: 'Aurinkokurssit',
    filter: { text: 'aurinko' },
    path: '/search?q=aurinko',
    alert: 'DAILY',
  });
  await app.db.insert(dataAccessEvents).values([
    {
      subjectUserId: me.id,
      viewerId: coordinator.id,
      viewerRoles: ['COORDINATOR'],
      kind: 'PROFILE',
      source: 'PROFILE_PAGE',
    },
    {
      subjectUserId: other.id,
      viewerId: coordinator.id,
      viewerRoles: ['COORDINATOR'],
      kind: 'APPLICATION',
      source: 'APPLICATIONS',
    },
  ]);
  await app.db.insert(auditEvents).values([
    {
      actorId: coordinator.id,
      action: 'ROLES_CHANGED',
      subjectKind: 'USER',
      subjectId: me.id,
      details: { reason: 'mine' },
    },
    {
      actorId: coordinator.id,
      action: 'USER_DEACTIVATED',
      subjectKind: 'USER',
      subjectId: other.id,
      details: { reason: 'theirs' },
    },
  ]);
});

afterAll(async () => {
  await app?.closeAndDrop();
});

describe('GET /api/me/data-export.json', () => {
  let text: string;
  let doc: DataExport;

  beforeAll(async () => {
    const response = await download(me.token);
    expect(response.statusCode).toBe(200);
    text = response.body;
    doc = response.json();
  });

  it('is a JSON attachment named for the day, never cached', async () => {
    const response = await download(me.token);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="keskusvaraamo-data-${new Date().toISOString().slice(0, 10)}.json"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('starts with the header naming the person', () => {
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.service).toBe('Osaamisen keskusvaraamo');
    expect(new Date(doc.exportedAt).toISOString()).toBe(doc.exportedAt);
    expect(doc.person).toEqual({ id: me.id, email: me.email, displayName: 'Minna Minä' });
  });

  it('has every section the coverage names, each with the person’s rows', () => {
    const sections = new Set(
      Object.values(EXPORT_COVERAGE).flatMap((c) => ('exported' in c ? c.exported : [])),
    ) as Set<ExportSection>;
    const empty = [...sections].filter((name) => {
      const value = doc.sections[name];
      return value == null || (Array.isArray(value) && value.length === 0);
    });
    expect(empty).toEqual([]);
    expect(Object.keys(doc.sections).sort()).toEqual([...sections].sort());
  });

  it('holds the person’s own data', () => {
    const s = doc.sections as Record<string, any>;
    expect(s.account).toMatchObject({ id: me.id, email: me.email, roles: me.roles });
    expect(s.studentProfile).toMatchObject({ userId: me.id, institutionName: 'Lapin AMK' });
    expect(s.applications).toHaveLength(1);
    expect(s.applications[0]).toMatchObject({ coverLetter: MY_LETTER, state: 'REJECTED' });
    expect(s.applications[0].timeline.map((e: any) => e.toState)).toEqual(['SUBMITTED', 'REJECTED']);
    expect(s.bookings).toHaveLength(1);
    expect(s.bookings[0].participants.map((p: any) => p.name)).toEqual(['Minna Minä', 'Kalle Kaveri']);
    expect(s.bookings[0].billing).toMatchObject({
      invoiceMethod: 'EMAIL',
      invoiceEmail: 'minna.laskut@example.fi',
      reference: 'Minnan kustannuspaikka 42',
      unitPriceCents: 12_000,
    });
    expect(s.savedBillingDetails).toEqual([
      expect.objectContaining({ invoiceEmail: 'minna.laskut@example.fi', reference: 'Minnan kustannuspaikka 42' }),
    ]);
    // Another booker's billing details are theirs.
    expect(text).not.toContain('vieras.laskut@example.fi');
    expect(text).not.toContain('Vieraan viite');
    expect(s.bookingsAsParticipant).toEqual([
      expect.objectContaining({ name: 'Minna Minä', email: me.email, bookingState: 'CONFIRMED' }),
    ]);
    expect(s.sessionMessages).toEqual([
      expect.objectContaining({
        body: 'Muistakaa turvakengät.',
        recipientCount: 3,
        organisationName: expect.any(String),
      }),
    ]);
    expect(s.remindersSent).toEqual([
      expect.objectContaining({ kind: 'SESSION', subjectId: myBookingId, dueAt: '2027-03-01T08:00:00.000Z' }),
    ]);
    expect(s.conversations).toHaveLength(1);
    expect(s.conversations[0].messages.map((m: any) => [m.body, m.byYou])).toEqual([
      ['Kiitos tiedosta.', true],
      ['Onnea jatkoon!', false],
    ]);
    expect(s.proposals[0]).toMatchObject({ note: 'Hyvä ehdokas aurinkovoimalaan.', you: { areTheStudent: true } });
    expect(s.dataAccessLog).toEqual([
      expect.objectContaining({ viewerName: 'Kaisa Koordinaattori', kind: 'PROFILE', source: 'PROFILE_PAGE' }),
    ]);
    expect(s.auditLog).toEqual([expect.objectContaining({ action: 'ROLES_CHANGED', aboutYou: true })]);
    expect(s.calendarFeeds[0]).toEqual({ id: expect.any(String), createdAt: expect.any(String), revokedAt: null });
    expect(s.signInRecords[0]).toMatchObject({ usedAt: null, revokedAt: null });
  });

  it('writes dates as ISO 8601 instants', () => {
    const s = doc.sections as Record<string, any>;
    expect(s.account.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(s.bookings[0].startsAt).toMatch(/Z$/);
  });

  it('holds nothing of another person’s', async () => {
    expect(text).not.toContain(OTHER_LETTER);
    expect(text).not.toContain('Vieras Varaaja');
    expect(text).not.toContain('vieras.varaaja@example.fi');
    expect(text).not.toContain(other.email);
    expect(text).not.toContain('theirs');
    expect(text).not.toContain(other.id);
    const othersNotifications = await app.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(inArray(notifications.userId, [other.id, coordinator.id]));
    expect(othersNotifications.length).toBeGreaterThan(0);
    for (const { id } of othersNotifications) expect(text).not.toContain(id);
    const othersMail = await app.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, other.email));
    for (const { id } of othersMail) expect(text).not.toContain(id);
  });

  it('holds no password hash, token hash or token version', async () => {
    const [account] = await app.db.select().from(users).where(eq(users.id, me.id));
    expect(text).not.toContain(account!.passwordHash);
    expect(text).not.toMatch(/passwordHash|tokenHash|tokenVersion|password_hash|token_hash/);
    const tokens = await app.db.select().from(refreshTokens).where(eq(refreshTokens.userId, me.id));
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(text).not.toContain(token.tokenHash);
    for (const secret of ['email-token-hash-secret', 'invitation-token-hash-secret', 'calendar-token-hash-secret']) {
      expect(text).not.toContain(secret);
    }
    // E-mail bodies and parameters carry single-use links: only what was sent and when.
    expect(text).not.toMatch(/textBody|"params"/);
  });

  it('answers 401 with a JSON code without a token, and for a bad one', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const response = await download(token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(response.body).not.toContain(me.email);
    }
  });

  it('gives each person only their own document', async () => {
    const response = await download(other.token);
    expect(response.statusCode).toBe(200);
    const theirs = response.json() as DataExport;
    expect(theirs.person.id).toBe(other.id);
    expect(response.body).not.toContain(MY_LETTER);
    expect(response.body).not.toContain('Kalle Kaveri');
  });

  it(`allows ${EXPORTS_PER_HOUR} downloads an hour per person, then 429 with Retry-After`, async () => {
    const person = await buildUser(app);
    for (let i = 0; i < EXPORTS_PER_HOUR; i++) expect((await download(person.token)).statusCode).toBe(200);
    const refused = await download(person.token);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another person's count is their own.
    expect((await download(coordinator.token)).statusCode).toBe(200);
  });
});
