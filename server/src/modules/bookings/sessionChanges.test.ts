/**
 * Issue 18: a session's change of time, place or link, and its cancellation, reach everyone booked
 * (bookers by state, named participants by e-mail, in the right language) with calendar messages
 * that move or remove the event; the organising organisation's members are told of bookings,
 * cancellations, waitlist moves and their session's automatic cancellation.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  depsOf,
  localIn,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { renderMessage } from '../messaging/index.js';
import { emailOutbox, notificationPreferences, notifications } from '../messaging/tables.js';
import { bookingCalendar, sessionCalendar } from './calendar.js';
import { enforceMinimums } from './jobs.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { id state } }`;
const UPDATE = `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }`;
const NOTIFICATIONS = `query { notifications(first: 50) { nodes { type subject event place municipalityCode minimum decisionAt changes { field before after } path } } }`;

let app: TestApp;
let school: TestOrganisation;
let colleague: TestUser;
let otherSchool: TestOrganisation;

beforeAll(async () => {
  app = await buildTestApp();
  colleague = await buildUser(app, { roles: ['EDUCATOR'], locale: 'en' });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL', members: [colleague] });
  otherSchool = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
});
afterAll(() => app.closeAndDrop());

async function newSession(overrides: Record<string, unknown> = {}) {
  const course = await buildCourse(
    app,
    { title: 'Hakkeen laatu ja varastointi' },
    { organisation: school, sessions: [sessionInput({ seats: 2, ...overrides })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

async function book(who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  const r = await gql(
    app,
    BOOK,
    { input: { sessionId, idempotencyKey: randomUUID(), ...extra } },
    { token: who.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats as { id: string; state: string };
}

async function noticesOf(userId: string, sessionId: string) {
  return app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.data}->>'sessionId' = ${sessionId}`))
    .orderBy(asc(notifications.createdAt));
}

/** The e-mails to an address, rendered as sent, oldest first. */
async function mailTo(address: string) {
  const rows = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
  return Promise.all(rows.map(async (row) => ({ row, message: (await renderMessage(app.deps(), row))! })));
}

/** Every VEVENT of a calendar file, with the file's METHOD: what a calendar program reads. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    sequence: Number(e.getFirstPropertyValue('sequence')),
    status: String(e.getFirstPropertyValue('status')),
    location: String(e.getFirstPropertyValue('location') ?? ''),
    start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    // A URI's scheme is case-insensitive (ical-generator writes MAILTO:).
    attendee: String(e.getFirstPropertyValue('attendee') ?? '').replace(/^mailto:/i, 'mailto:') || null,
    organizer: String(e.getFirstPropertyValue('organizer') ?? '').replace(/^mailto:/i, 'mailto:') || null,
  }));
  return { method: calendar.getFirstPropertyValue('method') as string | null, events };
}

function calendarOf(message: { attachments: { contentType: string; content: string }[] }) {
  expect(message.attachments).toHaveLength(1);
  const [file] = message.attachments;
  const parsed = parseCalendar(file!.content);
  // The file says what its MIME type says.
  expect(file!.contentType).toBe(`text/calendar; charset=utf-8; method=${parsed.method}`);
  return parsed;
}

async function sequenceOf(sessionId: string) {
  const [row] = await queryRows<{ calendar_sequence: number }>(
    app.db,
    sql`select calendar_sequence from course_sessions where id = ${sessionId}`,
  );
  return Number(row!.calendar_sequence);
}

const move = (sessionId: string, overrides: Record<string, unknown>) =>
  gql(app, UPDATE, { id: sessionId, input: sessionInput({ seats: 2, ...overrides }) }, { token: school.owner.token });

describe('a session that moves', () => {
  let sessionId: string;
  let confirmed: TestUser;
  let groupBooker: TestUser;
  let participantWithAccount: TestUser;
  const participantEmail = `osallistuja-${randomUUID().slice(0, 8)}@example.fi`;
  let waitlisted: TestUser;
  let cancelled: TestUser;
  let elsewhere: TestUser;
  let bookingIds: Record<string, string>;

  beforeAll(async () => {
    // A paid course of two seats: a freed seat is offered (held for a claim window).
    sessionId = await newSession({ seats: 2 });
    confirmed = await buildUser(app, { displayName: 'Erkki Yrittäjä', locale: 'en' });
    groupBooker = await buildUser(app, { displayName: 'Aino Asiakas' });
    participantWithAccount = await buildUser(app, { displayName: 'Sara Svensson', locale: 'sv' });
    waitlisted = await buildUser(app);
    cancelled = await buildUser(app);
    elsewhere = await buildUser(app);

    const c = await book(cancelled, sessionId);
    // Each books one seat for someone else: a participant without an account, one with.
    const a = await book(confirmed, sessionId, {
      participants: [{ name: 'Pekka Ilman Tiliä', email: participantEmail }],
    });
    const g = await book(groupBooker, sessionId, {
      participants: [{ name: 'Sara Svensson', email: participantWithAccount.email }],
      whenShort: 'JOIN_WAITLIST',
    });
    expect(g.state).toBe('WAITLISTED');
    const w = await book(waitlisted, sessionId, { whenShort: 'JOIN_WAITLIST' });
    expect(w.state).toBe('WAITLISTED');
    // The first cancels: the seat is offered to the first in line.
    expect((await gql(app, CANCEL, { id: c.id }, { token: cancelled.token })).errors).toBeUndefined();
    bookingIds = { confirmed: a.id, group: g.id, waitlisted: w.id, cancelled: c.id };
    const other = await newSession();
    await book(elsewhere, other);

    const before = await sequenceOf(sessionId);
    const r = await move(sessionId, {
      startsAt: localIn(41, '10:00'),
      endsAt: localIn(41, '17:00'),
      place: 'Kittilän koulu, luokka 12',
      municipalityCode: '261',
    });
    expect(r.errors).toBeUndefined();
    expect(await sequenceOf(sessionId)).toBe(before + 1);
  });

  it('tells each booker what applies to their booking, and no one else', async () => {
    const changed = async (u: TestUser) =>
      (await noticesOf(u.id, sessionId)).filter((n) => n.type === 'SESSION_CHANGED').map((n) => n.data);
    const [a] = await changed(confirmed);
    expect(a).toMatchObject({ bookingId: bookingIds.confirmed, event: 'CONFIRMED' });
    expect((a!.changes as { field: string }[]).map((c) => c.field)).toEqual([
      'STARTS_AT',
      'ENDS_AT',
      'PLACE',
      'MUNICIPALITY',
    ]);
    expect(await changed(groupBooker)).toMatchObject([{ bookingId: bookingIds.group, event: 'OFFERED' }]);
    expect(await changed(waitlisted)).toMatchObject([{ bookingId: bookingIds.waitlisted, event: 'WAITLISTED' }]);
    // A cancelled booking is not told, nor the booker of another session.
    expect(await changed(cancelled)).toEqual([]);
    expect((await noticesOf(elsewhere.id, sessionId)).length).toBe(0);
  });

  it('shows the change in the app with what it was and what it is', async () => {
    const r = await gql(app, NOTIFICATIONS, {}, { token: confirmed.token });
    const notice = r.data!.notifications.nodes.find((n: { type: string }) => n.type === 'SESSION_CHANGED');
    expect(notice).toMatchObject({ subject: 'Hakkeen laatu ja varastointi', event: 'CONFIRMED', path: '/my/bookings' });
    expect(notice.changes).toContainEqual({
      field: 'PLACE',
      before: 'Lapin AMK, Jokiväylä 11, Rovaniemi',
      after: 'Kittilän koulu, luokka 12',
    });
    expect(notice.changes).toContainEqual({ field: 'MUNICIPALITY', before: '698', after: '261' });
  });

  it('e-mails a confirmed booker the change with a calendar REQUEST that moves the event', async () => {
    const mail = (await mailTo(confirmed.email)).at(-1)!;
    expect(mail.message.subject).toBe('Time or place changed: Hakkeen laatu ja varastointi');
    expect(mail.message.text).toContain('Place: Lapin AMK, Jokiväylä 11, Rovaniemi → Kittilän koulu, luokka 12');
    expect(mail.message.text).toContain('Municipality: Rovaniemi → Kittilä');
    expect(mail.message.text).toMatch(/Starts: .*09:00 → .*10:00/);
    // The booker's own cancel link.
    expect(mail.message.text).toContain('/bookings/cancel');
    const cal = calendarOf(mail.message);
    expect(cal.method).toBe('REQUEST');
    const [event] = cal.events;
    expect(event).toMatchObject({
      uid: `booking-${bookingIds.confirmed}@keskusvaraamo`,
      status: 'CONFIRMED',
      sequence: (await sequenceOf(sessionId)) + 1,
      attendee: `mailto:${confirmed.email}`,
      organizer: 'mailto:no-reply@keskusvaraamo.fi',
    });
    expect(event!.location).toContain('Kittilän koulu, luokka 12');
  });

  it('sends no calendar event for a seat offered or waited for', async () => {
    const offeredMail = (await mailTo(groupBooker.email)).at(-1)!;
    expect(offeredMail.message.subject).toBe('Kurssin aika tai paikka muuttui: Hakkeen laatu ja varastointi');
    expect(offeredMail.message.text).toContain('Sinulle varattu paikka koskee uutta aikaa ja paikkaa.');
    expect(offeredMail.message.attachments).toEqual([]);
    const waitingMail = (await mailTo(waitlisted.email)).at(-1)!;
    expect(waitingMail.message.text).toContain('Olet edelleen jonossa');
    expect(waitingMail.message.attachments).toEqual([]);
    // A downloaded file for an offered seat is tentative, not confirmed.
    const file = parseCalendar(
      await bookingCalendar(depsOf(app), { id: bookingIds.group!, sessionId, state: 'OFFERED' }),
    );
    expect(file.method).toBe('PUBLISH');
    expect(file.events[0]).toMatchObject({ status: 'TENTATIVE', sequence: await sequenceOf(sessionId) });
  });

  it("tells named participants: with an account in the app in their language, without one by e-mail in the booker's", async () => {
    const inApp = (await noticesOf(participantWithAccount.id, sessionId)).filter((n) => n.type === 'SESSION_CHANGED');
    expect(inApp.map((n) => n.data)).toMatchObject([{ role: 'PARTICIPANT', event: 'PARTICIPANT', state: 'OFFERED' }]);
    const svMail = (await mailTo(participantWithAccount.email)).at(-1)!;
    expect(svMail.message.subject).toBe('Kursens tid eller plats har ändrats: Hakkeen laatu ja varastointi');
    expect(svMail.message.text).not.toContain('/bookings/cancel');

    // Their own confirmation when the seat was booked, then the change.
    const mails = await mailTo(participantEmail);
    expect(mails.map((m) => m.message.subject)).toEqual([
      'A seat is booked for you: Hakkeen laatu ja varastointi',
      'Time or place changed: Hakkeen laatu ja varastointi',
    ]);
    const only = mails[1];
    expect(only!.row.userId).toBeNull();
    expect(only!.row.locale).toBe('en');
    expect(only!.message.subject).toBe('Time or place changed: Hakkeen laatu ja varastointi');
    expect(only!.message.text).toContain('Place: Lapin AMK, Jokiväylä 11, Rovaniemi → Kittilän koulu, luokka 12');
    expect(only!.message.text).toContain('You are booked on it as a participant.');
    // Not the booker: no link that cancels the booking (only their own seat's), no unsubscribe (no account to change).
    expect(only!.message.text).not.toContain('/bookings/cancel?token=');
    expect(only!.message.text).toContain('/bookings/cancel-seat?token=');
    expect(only!.message.headers['List-Unsubscribe']).toBeUndefined();
    // The confirmed seat's calendar update, addressed to the participant.
    const cal = calendarOf(only!.message);
    expect(cal.method).toBe('REQUEST');
    expect(cal.events[0]).toMatchObject({ status: 'CONFIRMED', attendee: `mailto:${participantEmail}` });
    // The participant's own event: the one their confirmation added.
    expect(cal.events[0]!.uid).toBe(calendarOf(mails[0]!.message).events[0]!.uid);
    expect(cal.events[0]!.uid).toMatch(/^participant-/);
  });

  it('does not tell anyone of a change of seats alone, nor bump the sequence', async () => {
    const before = await sequenceOf(sessionId);
    const count = async () =>
      (await app.db.select().from(notifications).where(eq(notifications.type, 'SESSION_CHANGED'))).length;
    const told = await count();
    const r = await move(sessionId, {
      seats: 4,
      startsAt: localIn(41, '10:00'),
      endsAt: localIn(41, '17:00'),
      place: 'Kittilän koulu, luokka 12',
      municipalityCode: '261',
      priceCents: 15_000,
    });
    expect(r.errors).toBeUndefined();
    expect(await count()).toBe(told);
    expect(await sequenceOf(sessionId)).toBe(before);
  });
});

describe('a session moved after its cancellation deadline', () => {
  it('may be cancelled by those booked until it starts; a change of seats alone keeps the deadline', async () => {
    const sessionId = await newSession({ cancellationDeadline: localIn(30, '12:00') });
    const booker = await buildUser(app);
    const booking = await book(booker, sessionId);
    await app.db.execute(
      sql`update course_sessions set cancellation_deadline = now() - interval '1 hour' where id = ${sessionId}`,
    );
    expect((await gql(app, CANCEL, { id: booking.id }, { token: booker.token })).errors?.[0]?.extensions.code).toBe(
      'CANCELLATION_CLOSED',
    );
    const past = localIn(0, '00:00');
    // More seats only: the deadline stands.
    expect((await move(sessionId, { seats: 3, cancellationDeadline: past })).errors).toBeUndefined();
    expect((await gql(app, CANCEL, { id: booking.id }, { token: booker.token })).errors?.[0]?.extensions.code).toBe(
      'CANCELLATION_CLOSED',
    );
    // A new start: the booker may cancel until it.
    const moved = await move(sessionId, {
      seats: 3,
      startsAt: localIn(42, '09:00'),
      endsAt: localIn(42, '16:00'),
      cancellationDeadline: past,
    });
    expect(moved.errors).toBeUndefined();
    const cancelled = await gql(app, CANCEL, { id: booking.id }, { token: booker.token });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelBooking.state).toBe('CANCELLED');
  });
});

describe('a session cancelled for too few participants', () => {
  it('tells its bookers and participants which session and why, removes the event, and tells its organisers', async () => {
    const sessionId = await newSession({ seats: 10, priceCents: 0, minParticipants: 3, decisionAt: localIn(30) });
    const booker = await buildUser(app, { locale: 'en' });
    const participantEmail = `ilman-tilia-${randomUUID().slice(0, 8)}@example.fi`;
    const booking = await book(booker, sessionId, {
      participants: [
        { name: 'Booker', email: booker.email },
        { name: 'Ilman Tiliä', email: participantEmail },
      ],
    });
    const before = await sequenceOf(sessionId);
    await app.db.execute(
      sql`update course_sessions set decision_at = now() - interval '1 minute' where id = ${sessionId}`,
    );
    expect(await enforceMinimums(app.db)).toBe(1);
    expect(await sequenceOf(sessionId)).toBe(before + 1);

    const [notice] = (await noticesOf(booker.id, sessionId)).filter((n) => n.type === 'SESSION_CANCELLED');
    expect(notice!.data).toMatchObject({
      cancelReason: 'MINIMUM_NOT_REACHED',
      minParticipants: 3,
      municipalityCode: '698',
    });
    const mail = (await mailTo(booker.email)).at(-1)!;
    expect(mail.message.subject).toBe('Session cancelled, too few participants: Hakkeen laatu ja varastointi');
    expect(mail.message.text).toContain('Lapin AMK, Jokiväylä 11, Rovaniemi');
    expect(mail.message.text).toContain('did not reach its minimum of 3 participants by the decision time');
    expect(mail.message.text).not.toContain('/bookings/cancel');
    const cal = calendarOf(mail.message);
    expect(cal.method).toBe('CANCEL');
    expect(cal.events[0]).toMatchObject({
      uid: `booking-${booking.id}@keskusvaraamo`,
      status: 'CANCELLED',
      sequence: before + 1 + 2,
    });

    const [confirmation, participantMail, ...more] = await mailTo(participantEmail);
    expect(confirmation!.message.subject).toBe('A seat is booked for you: Hakkeen laatu ja varastointi');
    expect(more).toEqual([]);
    expect(participantMail!.message.text).toContain('The booking you were a participant of is cancelled.');
    expect(calendarOf(participantMail!.message).method).toBe('CANCEL');

    // The session's own file is cancelled with the sequence moved on.
    const own = parseCalendar(await sessionCalendar(depsOf(app), sessionId));
    expect(own.events[0]).toMatchObject({ status: 'CANCELLED', sequence: before + 1 });

    // Its organisers (both members), once, at once by e-mail; another organisation's member not.
    for (const member of [school.owner, colleague]) {
      const told = (await noticesOf(member.id, sessionId)).filter((n) => n.type === 'COURSE_SESSION_CANCELLED');
      expect(told.map((n) => [n.channel, n.data.cancelReason, n.data.count])).toEqual([
        ['EMAIL', 'MINIMUM_NOT_REACHED', 1],
      ]);
    }
    const english = (await mailTo(colleague.email)).at(-1)!;
    expect(english.message.subject).toBe('Session cancelled automatically: Hakkeen laatu ja varastointi');
    expect(english.message.text).toContain('did not reach its minimum of 3 participants');
    expect(english.message.attachments).toEqual([]);
    expect(await noticesOf(otherSchool.owner.id, sessionId)).toEqual([]);
  });
});

describe("educators are told of their sessions' bookings", () => {
  it('new bookings, cancellations and waitlist moves, each its own type, in the daily digest unless chosen otherwise', async () => {
    const sessionId = await newSession({ seats: 1, priceCents: 0 });
    const first = await buildUser(app);
    const second = await buildUser(app);
    // The colleague wants new bookings at once.
    await app.db
      .insert(notificationPreferences)
      .values({ userId: colleague.id, type: 'COURSE_BOOKING_RECEIVED', channel: 'EMAIL' });

    const a = await book(first, sessionId);
    await book(second, sessionId, { whenShort: 'JOIN_WAITLIST' });
    expect((await gql(app, CANCEL, { id: a.id }, { token: first.token })).errors).toBeUndefined();

    const seen = async (u: TestUser) =>
      (await noticesOf(u.id, sessionId)).map((n) => [n.type, n.data.event ?? null, n.channel]);
    expect(await seen(school.owner)).toEqual([
      ['COURSE_BOOKING_RECEIVED', null, 'DIGEST'],
      ['COURSE_WAITLIST_CHANGED', 'JOINED', 'DIGEST'],
      ['COURSE_BOOKING_CANCELLED', 'BY_BOOKER', 'DIGEST'],
      ['COURSE_WAITLIST_CHANGED', 'PROMOTED', 'DIGEST'],
    ]);
    expect((await seen(colleague))[0]).toEqual(['COURSE_BOOKING_RECEIVED', null, 'EMAIL']);
    const mail = (await mailTo(colleague.email)).find(
      (m) => m.message.subject === 'New booking: Hakkeen laatu ja varastointi',
    );
    expect(mail!.message.text).toContain('Seats taken now: 1 of 1.');
    // No booker's calendar or cancel link in an organiser's e-mail.
    expect(mail!.message.attachments).toEqual([]);
    expect(mail!.message.text).not.toContain('/bookings/cancel');
    // Another organisation's member and the bookers are not told as organisers.
    expect(await noticesOf(otherSchool.owner.id, sessionId)).toEqual([]);
    expect((await noticesOf(first.id, sessionId)).some((n) => n.type.startsWith('COURSE_'))).toBe(false);
  });

  it('an organiser who cancels a booking is not told of their own act; their colleague is', async () => {
    const sessionId = await newSession({ seats: 2 });
    const booker = await buildUser(app);
    const b = await book(booker, sessionId);
    expect((await gql(app, CANCEL, { id: b.id }, { token: colleague.token })).errors).toBeUndefined();
    const cancelledFor = async (u: TestUser) =>
      (await noticesOf(u.id, sessionId)).filter((n) => n.type === 'COURSE_BOOKING_CANCELLED').map((n) => n.data.event);
    expect(await cancelledFor(school.owner)).toEqual(['BY_ORGANISER']);
    expect(await cancelledFor(colleague)).toEqual([]);
  });
});
