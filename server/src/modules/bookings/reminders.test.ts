/**
 * Issue 18, item 3: reminders before a session (bookers and named participants, with time, place
 * and a map link), before a held seat lapses, and the coordinators' weekly summary; each sent once,
 * also when two instances run the job at the same moment (real PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHelsinki } from '../../lib/helsinki.js';
import {
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, buildTwoInstances, gql, onRealPostgres, type App, type TestApp } from '../../test/helper.js';
import { deleteMessagingOf, renderMessage } from '../messaging/index.js';
import { emailOutbox, notifications, remindersSent } from '../messaging/tables.js';
import { offers } from '../offers/tables.js';
import { lastWeeklyTime, sendWeeklySummaries } from '../proposals/index.js';
import { mapUrl, sendOfferReminders, sendSessionReminders } from './reminders.js';
import { TYPED_BILLING } from '../../test/billing.js';
import { bookings } from './tables.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { id state } }`;
const UPDATE = `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }`;
const HOUR = 3600 * 1000;

/** A Helsinki wall-clock time `hours` from now ("2027-03-28T09:00"). */
const inHours = (hours: number) => toHelsinki(new Date(Date.now() + hours * HOUR));

/** A session starting in `hours` (its registration closing an hour before), as the organiser enters it. */
const soon = (hours: number, overrides: Record<string, unknown> = {}) =>
  sessionInput({
    startsAt: inHours(hours),
    endsAt: inHours(hours + 6),
    registrationDeadline: inHours(hours - 1),
    seats: 3,
    ...overrides,
  });

async function newSession(app: App, school: TestOrganisation, hours: number, course: Record<string, unknown> = {}) {
  const offer = await buildCourse(
    app,
    { title: 'Hakelämpölaitoksen käyttö', ...course },
    { organisation: school, sessions: [soon(hours)] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: offer.id });
  return { offerId: offer.id, sessionId: r.data!.offer.sessions[0].id as string };
}

async function book(app: App, who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  const r = await gql(
    app,
    BOOK,
    { input: { sessionId, idempotencyKey: randomUUID(), ...extra } },
    { token: who.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats as { id: string; state: string };
}

/** As if the booking had been made `days` ago (before the reminder time). */
async function madeDaysAgo(app: App, bookingId: string, days = 3) {
  await app.db
    .update(bookings)
    .set({ confirmedAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(bookings.id, bookingId));
}

async function reminders(app: App, userId: string, type = 'SESSION_REMINDER') {
  return app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)))
    .orderBy(asc(notifications.createdAt));
}

async function mailTo(app: App, address: string) {
  const rows = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
  return Promise.all(rows.map(async (row) => (await renderMessage(app.deps(), row))!));
}

describe('reminders before a session', () => {
  let app: TestApp;
  let school: TestOrganisation;

  beforeAll(async () => {
    app = await buildTestApp();
    school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  });
  afterAll(() => app.closeAndDrop());

  it('reminds a confirmed booking’s booker and named participants once, with the time, place and a map link', async () => {
    const { sessionId } = await newSession(app, school, 20);
    const booker = await buildUser(app, { locale: 'fi' });
    const withAccount = await buildUser(app, { locale: 'sv' });
    const withoutAccount = `ilman-tilia-${randomUUID().slice(0, 6)}@example.fi`;
    const booking = await book(app, booker, sessionId, {
      participants: [
        { name: 'Varaaja Itse', email: booker.email },
        { name: 'Sara Svensson', email: withAccount.email },
        { name: 'Pekka Tiliton', email: withoutAccount },
      ],
      billing: TYPED_BILLING,
    });
    expect(booking.state).toBe('CONFIRMED');
    await madeDaysAgo(app, booking.id);

    await sendSessionReminders(app.db);
    await sendSessionReminders(app.db);

    const [mine, ...more] = await reminders(app, booker.id);
    expect(more).toEqual([]);
    expect(mine!.channel).toBe('EMAIL');
    expect(mine!.data).toMatchObject({
      sessionId,
      bookingId: booking.id,
      place: 'Lapin AMK, Jokiväylä 11, Rovaniemi',
      municipalityCode: '698',
      mapUrl:
        'https://www.openstreetmap.org/search?query=Lapin%20AMK%2C%20Jokiv%C3%A4yl%C3%A4%2011%2C%20Rovaniemi%2C%20Rovaniemi',
    });
    const read = await gql(
      app,
      `query { notifications(first: 5) { nodes { type subject startsAt endsAt place municipalityCode mapUrl summary { queueCount } } } }`,
      {},
      { token: booker.token },
    );
    expect(read.data!.notifications.nodes.find((n: { type: string }) => n.type === 'SESSION_REMINDER')).toMatchObject({
      subject: 'Hakelämpölaitoksen käyttö',
      place: 'Lapin AMK, Jokiväylä 11, Rovaniemi',
      mapUrl: expect.stringMatching(/^https:\/\/www\.openstreetmap\.org\/search\?query=/),
      endsAt: expect.any(String),
      summary: null,
    });
    expect(await reminders(app, withAccount.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ role: 'PARTICIPANT', sessionId }) }),
    ]);

    // The booker's e-mail: in Finnish, with the time and the map link, no calendar file (nothing moved).
    const [toBooker] = (await mailTo(app, booker.email)).filter((m) => m.subject.startsWith('Muistutus'));
    expect(toBooker!.text).toContain('Paikka: Lapin AMK, Jokiväylä 11, Rovaniemi, Rovaniemi');
    expect(toBooker!.text).toContain('Kartta:\nhttps://www.openstreetmap.org/search?query=');
    expect(toBooker!.html).toContain('href="https://www.openstreetmap.org/search?query=');
    expect(toBooker!.attachments).toEqual([]);
    // The participant without an account: e-mail only, in the booker's language, once.
    const toParticipant = (await mailTo(app, withoutAccount)).filter((m) => m.subject.startsWith('Muistutus'));
    expect(toParticipant).toHaveLength(1);
    expect(toParticipant[0]!.text).toContain('Sinut on ilmoitettu osallistujaksi kurssille Hakelämpölaitoksen käyttö.');
    // The participant with an account reads it in Swedish.
    const [toSara] = (await mailTo(app, withAccount.email)).filter((m) => m.subject.startsWith('Påminnelse'));
    expect(toSara!.text).toContain('Du är anmäld som deltagare till Hakelämpölaitoksen käyttö.');
  });

  it('reminds nobody of a waitlisted or cancelled booking, a booking made after the reminder time, or a later session', async () => {
    const { sessionId } = await newSession(app, school, 20);
    const [first, second, waiting, late] = await Promise.all([
      buildUser(app),
      buildUser(app),
      buildUser(app),
      buildUser(app),
    ]);
    const a = await book(app, first, sessionId);
    const b = await book(app, second, sessionId);
    const c = await book(app, late, sessionId);
    const w = await book(app, waiting, sessionId, { whenShort: 'JOIN_WAITLIST' });
    expect(w.state).toBe('WAITLISTED');
    await madeDaysAgo(app, a.id);
    await madeDaysAgo(app, b.id);
    await app.db
      .update(bookings)
      .set({ createdAt: sql`now() - interval '3 days'` })
      .where(eq(bookings.id, w.id));
    expect((await gql(app, CANCEL, { id: b.id }, { token: second.token })).errors).toBeUndefined();
    // `c` was confirmed now, inside the reminder time: its confirmation was the reminder.
    const later = await newSession(app, school, 60);
    const d = await book(app, first, later.sessionId);
    await madeDaysAgo(app, d.id);

    await sendSessionReminders(app.db);

    expect(await reminders(app, first.id)).toHaveLength(1);
    for (const user of [second, waiting, late]) expect(await reminders(app, user.id)).toEqual([]);
    expect(c.state).toBe('CONFIRMED');
  });

  it('sends none for a course set to no reminder, and a moved session is reminded again of its new time', async () => {
    const quiet = await newSession(app, school, 10, { reminderHours: 0 });
    const booker = await buildUser(app);
    const q = await book(app, booker, quiet.sessionId);
    await madeDaysAgo(app, q.id);
    await sendSessionReminders(app.db);
    expect(await reminders(app, booker.id)).toEqual([]);

    const moving = await newSession(app, school, 20);
    const m = await book(app, booker, moving.sessionId);
    await madeDaysAgo(app, m.id);
    await sendSessionReminders(app.db);
    expect(await reminders(app, booker.id)).toHaveLength(1);
    const moved = await gql(app, UPDATE, { id: moving.sessionId, input: soon(22) }, { token: school.owner.token });
    expect(moved.errors).toBeUndefined();
    await sendSessionReminders(app.db);
    await sendSessionReminders(app.db);
    const list = await reminders(app, booker.id);
    expect(list).toHaveLength(2);
    expect(new Date(String(list[1]!.data.startsAt)).getTime()).toBeGreaterThan(
      new Date(String(list[0]!.data.startsAt)).getTime(),
    );
  });

  it('refuses a reminder setting outside the choices, and remembers a chosen one', async () => {
    const update = `mutation ($id: ID!, $input: OfferInput!) { updateOffer(id: $id, input: $input) { reminderHours } }`;
    const { offerId } = await newSession(app, school, 100);
    const [row] = await app.db.select().from(offers).where(eq(offers.id, offerId));
    expect(row!.reminderHours).toBe(24);
    const input = {
      kind: 'COURSE',
      organisationId: school.id,
      title: row!.title,
      description: row!.description,
      language: 'fi',
      topics: row!.topics,
      municipalityCode: '698',
      languages: ['fi'],
    };
    const bad = await gql(
      app,
      update,
      { id: offerId, input: { ...input, reminderHours: 5 } },
      { token: school.owner.token },
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('VALIDATION');
    expect(JSON.stringify(bad.errors)).toContain('validation.choice');
    const week = await gql(
      app,
      update,
      { id: offerId, input: { ...input, reminderHours: 168 } },
      { token: school.owner.token },
    );
    expect(week.errors).toBeUndefined();
    expect(week.data!.updateOffer.reminderHours).toBe(168);
  });

  it('reminds a held seat’s booker before it lapses, once, and not while there is time', async () => {
    const { sessionId } = await newSession(app, school, 200);
    const [holder, next, other] = await Promise.all([buildUser(app), buildUser(app), buildUser(app, { locale: 'en' })]);
    const held = await book(app, holder, sessionId, {
      participants: ['A', 'B', 'C'].map((n) => ({
        name: `Osallistuja ${n}`,
        email: `${n}-${randomUUID()}@example.fi`,
      })),
      billing: TYPED_BILLING,
    });
    const waiting = await book(app, next, sessionId, { whenShort: 'JOIN_WAITLIST' });
    const waiting2 = await book(app, other, sessionId, { whenShort: 'JOIN_WAITLIST' });
    expect([waiting.state, waiting2.state]).toEqual(['WAITLISTED', 'WAITLISTED']);
    expect((await gql(app, CANCEL, { id: held.id }, { token: holder.token })).errors).toBeUndefined();
    const offered = await app.db.select().from(bookings).where(eq(bookings.sessionId, sessionId));
    expect(offered.filter((b) => b.state === 'OFFERED')).toHaveLength(2);

    // 24 hours to claim: nothing yet. Five hours left on `other`'s seat: a reminder (6 h before).
    await sendOfferReminders(app.db);
    expect(await reminders(app, next.id, 'BOOKING_OFFER_EXPIRING')).toEqual([]);
    await app.db
      .update(bookings)
      .set({ offeredUntil: sql`now() + interval '5 hours'` })
      .where(eq(bookings.id, waiting2.id));
    await sendOfferReminders(app.db);
    await sendOfferReminders(app.db);
    expect(await reminders(app, next.id, 'BOOKING_OFFER_EXPIRING')).toEqual([]);
    const [notice, ...more] = await reminders(app, other.id, 'BOOKING_OFFER_EXPIRING');
    expect(more).toEqual([]);
    expect(notice!.data).toMatchObject({ bookingId: waiting2.id, path: '/my/bookings' });
    const [mail] = (await mailTo(app, other.email)).filter((m) => m.subject.startsWith('Claim your seat'));
    expect(mail!.text).toContain('is still waiting for you');
    expect(mail!.attachments).toEqual([]);
  });

  it('links a map only for a place, and encodes it', () => {
    expect(mapUrl({ place: null, municipalityCode: '698' })).toBeNull();
    expect(mapUrl({ place: '  ', municipalityCode: null })).toBeNull();
    expect(mapUrl({ place: 'Koulutie 1 & "sali"', municipalityCode: '732' })).toBe(
      'https://www.openstreetmap.org/search?query=Koulutie%201%20%26%20%22sali%22%2C%20Salla',
    );
  });
});

describe('the coordinators’ weekly summary', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.closeAndDrop());

  it('falls on Monday at the digest hour in Helsinki, in summer and winter time', () => {
    // Monday 7 December 2026, 07:00 in Helsinki is 05:00 UTC (winter time).
    expect(lastWeeklyTime(new Date('2026-12-07T05:00:00Z'), 7).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(lastWeeklyTime(new Date('2026-12-07T04:59:00Z'), 7).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(lastWeeklyTime(new Date('2026-12-13T21:00:00Z'), 7).toISOString()).toBe('2026-12-07T05:00:00.000Z');
    // Summer time: 07:00 in Helsinki is 04:00 UTC.
    expect(lastWeeklyTime(new Date('2027-06-09T12:00:00Z'), 7).toISOString()).toBe('2027-06-07T04:00:00.000Z');
  });

  it('tells every coordinator in use once, with the queue and the week’s figures, and nobody a week late', async () => {
    const [coordinator, second, away] = await Promise.all([
      buildUser(app, { roles: ['COORDINATOR'] }),
      buildUser(app, { roles: ['COORDINATOR'], locale: 'en' }),
      buildUser(app, { roles: ['COORDINATOR'], deactivatedAt: new Date() }),
    ]);
    const entrepreneur = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const waiting = await buildNeed(app, { title: 'Aurinkopaneelien huoltaja kesäksi' });
    const monday = lastWeeklyTime(new Date(), 7);
    const published = new Date(monday.getTime() - 20 * 24 * HOUR);
    await app.db.execute(
      sql`update needs set published_at = ${published.toISOString()}::timestamptz where id = ${waiting.id}`,
    );

    await sendWeeklySummaries(app.db, 7, new Date(monday.getTime() + HOUR));
    await sendWeeklySummaries(app.db, 7, new Date(monday.getTime() + 2 * HOUR));

    const [mine, ...more] = await reminders(app, coordinator.id, 'WEEKLY_SUMMARY');
    expect(more).toEqual([]);
    expect(mine!.data).toMatchObject({ path: '/coordinator/queue', weekEnd: monday.toISOString() });
    expect(Number(mine!.data.queueCount)).toBeGreaterThanOrEqual(1);
    expect(mine!.data.oldest).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ needId: waiting.id, title: 'Aurinkopaneelien huoltaja kesäksi' }),
      ]),
    );
    expect(await reminders(app, second.id, 'WEEKLY_SUMMARY')).toHaveLength(1);
    expect(await reminders(app, away.id, 'WEEKLY_SUMMARY')).toEqual([]);
    expect(await reminders(app, entrepreneur.id, 'WEEKLY_SUMMARY')).toEqual([]);
    const read = await gql(
      app,
      `query { notifications(first: 5) { nodes { type path summary { weekEnd queueCount openProposals newNeeds matchesMade oldest { needId title daysWaiting } } } } }`,
      {},
      { token: second.token },
    );
    expect(read.data!.notifications.nodes[0]).toMatchObject({
      type: 'WEEKLY_SUMMARY',
      path: '/coordinator/queue',
      summary: { weekEnd: monday.toISOString(), queueCount: Number(mine!.data.queueCount) },
    });
    expect(read.data!.notifications.nodes[0].summary.oldest).toContainEqual({
      needId: waiting.id,
      title: 'Aurinkopaneelien huoltaja kesäksi',
      daysWaiting: 20,
    });
    const [mail] = (await mailTo(app, second.email)).filter((m) => m.subject.startsWith('Weekly summary'));
    expect(mail!.text).toContain('Waiting longest:\n- ');
    expect(mail!.text).toContain('Aurinkopaneelien huoltaja kesäksi (20 days)');

    // A summary more than a day late is not sent (next Monday's will be).
    const newcomer = await buildUser(app, { roles: ['COORDINATOR'] });
    await sendWeeklySummaries(app.db, 7, new Date(monday.getTime() + 30 * HOUR));
    expect(await reminders(app, newcomer.id, 'WEEKLY_SUMMARY')).toEqual([]);

    // Erasing a coordinator forgets their summaries' log.
    await deleteMessagingOf(app.db, coordinator.id, coordinator.email);
    expect(await app.db.select().from(remindersSent).where(eq(remindersSent.subjectId, coordinator.id))).toEqual([]);
  });
});

describe.runIf(onRealPostgres)('reminders from two instances at once', () => {
  let first: App;
  let second: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ first, second, close } = await buildTwoInstances());
  });
  afterAll(async () => {
    await close?.();
  });

  it('sends each reminder once when both run the job at the same moment', async () => {
    const school = await buildOrganisation(first, { kind: 'EDUCATIONAL' });
    const bookers = await Promise.all(Array.from({ length: 8 }, () => buildUser(first)));
    const coordinators = await Promise.all(
      Array.from({ length: 4 }, () => buildUser(first, { roles: ['COORDINATOR'] })),
    );
    const { sessionId } = await newSession(first, school, 20);
    for (const who of bookers) {
      const b = await book(first, who, sessionId, { whenShort: 'JOIN_WAITLIST' });
      await madeDaysAgo(first, b.id);
    }
    const monday = lastWeeklyTime(new Date(), 7);
    const at = new Date(monday.getTime() + HOUR);
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        sendSessionReminders(first.db),
        sendSessionReminders(second.db),
        sendWeeklySummaries(first.db, 7, at),
        sendWeeklySummaries(second.db, 7, at),
      ]);
    }
    const confirmed = await first.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.sessionId, sessionId), eq(bookings.state, 'CONFIRMED')));
    expect(confirmed.length).toBe(3);
    for (const b of confirmed) expect(await reminders(first, b.bookedBy)).toHaveLength(1);
    for (const c of coordinators) expect(await reminders(first, c.id, 'WEEKLY_SUMMARY')).toHaveLength(1);
    const mails = await first.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(
        sql`${emailOutbox.params}->>'notificationId' in (select id::text from notifications where type = 'SESSION_REMINDER')`,
      );
    expect(mails[0]!.n).toBe(3);
  });
});
