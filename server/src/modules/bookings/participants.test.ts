/**
 * Issue 18, item 4: named participants are people. Each gets their own confirmation with their own
 * calendar event and cancel link; a participant cancels their own seat; the booker (or an organiser)
 * cancels or replaces one participant; the freed seat goes to the waitlist; the report's facts follow.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { TYPED_BILLING } from '../../test/billing.js';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  localIn,
  sessionInput,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { renderMessage } from '../messaging/index.js';
import { emailOutbox, notifications } from '../messaging/tables.js';
import { PARTICIPANT_CHANGES_PER_HOUR } from './commands/participants.js';
import { seatCancelLink } from './links.js';
import { participants } from './tables.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats participants { id name email } } }`;
const CANCEL_SEAT = `mutation ($b: ID!, $p: ID!) { cancelParticipant(bookingId: $b, participantId: $p) { id state seats } }`;
const CANCEL_SEAT_BY_LINK = `mutation ($token: String!) { cancelParticipantWithToken(token: $token) { id state seats } }`;
const REPLACE = `mutation ($b: ID!, $p: ID!, $participant: ParticipantInput!) {
  replaceParticipant(bookingId: $b, participantId: $p, participant: $participant) { id seats participants { id name email } } }`;
const ADD = `mutation ($b: ID!, $participant: ParticipantInput!) {
  addParticipant(bookingId: $b, participant: $participant) { id seats participants { name email } } }`;
const SEATS_FREE = `query ($id: ID!) { session(id: $id) { seatsFree } }`;

let app: TestApp;
let school: TestOrganisation;

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
});
afterAll(() => app.closeAndDrop());

async function newSession(overrides: Record<string, unknown> = {}) {
  const course = await buildCourse(
    app,
    { title: 'Tulityökortti' },
    { organisation: school, sessions: [sessionInput({ seats: 6, ...overrides })] },
  );
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

type Booked = { id: string; state: string; seats: number; participants: { id: string; name: string; email: string }[] };

async function bookTeam(booker: TestUser, sessionId: string, people: { name: string; email: string }[]) {
  const r = await gql(
    app,
    BOOK,
    { input: { sessionId, idempotencyKey: randomUUID(), participants: people, billing: TYPED_BILLING } },
    { token: booker.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats as Booked;
}

/** The e-mails to an address, rendered as sent, oldest first. */
async function mailTo(address: string) {
  const rows = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
  return Promise.all(rows.map(async (row) => (await renderMessage(app.deps(), row))!));
}

function calendarOf(message: { attachments: { contentType: string; content: string }[] }) {
  expect(message.attachments).toHaveLength(1);
  const calendar = new ICAL.Component(ICAL.parse(message.attachments[0]!.content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    status: String(event.getFirstPropertyValue('status')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    attendee: String(event.getFirstPropertyValue('attendee') ?? '').replace(/^mailto:/i, ''),
  };
}

const seatLinkIn = (text: string) => /\/bookings\/cancel-seat\?token=(\S+)/.exec(text)?.[1];
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);

async function typesOf(userId: string) {
  const rows = await app.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt));
  return rows.map((r) => ({ type: r.type, data: r.data }));
}

/** A booking as a match's hold is: three confirmed seats, its booker the one participant named. */
async function heldLikeAMatch() {
  const sessionId = await newSession();
  const booker = await buildUser(app);
  const booking = await bookTeam(booker, sessionId, [
    { name: 'Varaaja', email: booker.email },
    { name: 'Nimetön 2', email: `n2-${randomUUID().slice(0, 8)}@example.fi` },
    { name: 'Nimetön 3', email: `n3-${randomUUID().slice(0, 8)}@example.fi` },
  ]);
  await app.db
    .delete(participants)
    .where(and(eq(participants.bookingId, booking.id), sql`${participants.position} > 0`));
  return { sessionId, booker, booking };
}

describe('each named participant', () => {
  it('gets their own confirmation, calendar event and cancel link; the booker keeps theirs', async () => {
    const sessionId = await newSession();
    const booker = await buildUser(app, { locale: 'fi' });
    const colleague = await buildUser(app, { locale: 'en' });
    const guest = `vieras-${randomUUID().slice(0, 8)}@example.fi`;
    const booking = await bookTeam(booker, sessionId, [
      { name: 'Varaaja Itse', email: booker.email },
      { name: 'Colin Colleague', email: colleague.email },
      { name: 'Ville Vieras', email: guest },
    ]);
    expect(booking.state).toBe('CONFIRMED');
    const [, withAccount, withoutAccount] = booking.participants;

    // The colleague (an account): a notification as a participant, and their e-mail in English.
    const told = (await typesOf(colleague.id)).filter((n) => n.type === 'BOOKING_CONFIRMED');
    expect(told).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ role: 'PARTICIPANT', participantId: withAccount!.id }),
      }),
    ]);
    const [toColleague] = (await mailTo(colleague.email)).filter((m) =>
      m.subject.startsWith('A seat is booked for you'),
    );
    const event = calendarOf(toColleague!);
    expect(event).toMatchObject({
      method: 'REQUEST',
      uid: `participant-${withAccount!.id}@keskusvaraamo`,
      status: 'CONFIRMED',
      attendee: colleague.email,
    });
    expect(seatLinkIn(toColleague!.text)).toBeTruthy();
    expect(toColleague!.text).not.toContain('/bookings/cancel?token=');

    // The guest (no account): e-mail only, in the booker's language, with their own link.
    const [toGuest, ...more] = await mailTo(guest);
    expect(more).toEqual([]);
    expect(toGuest!.subject).toBe('Sinulle on varattu paikka: Tulityökortti');
    expect(calendarOf(toGuest!)).toMatchObject({
      uid: `participant-${withoutAccount!.id}@keskusvaraamo`,
      attendee: guest,
    });
    expect(seatLinkIn(toGuest!.text)).not.toBe(seatLinkIn(toColleague!.text));
    // In the HTML the link is a button named by what it does.
    expect(toGuest!.html).toMatch(/<a[^>]+href="[^"]+\/bookings\/cancel-seat\?token=[^"]+"[^>]*>.*Peru oma paikkani/s);

    // The booker: one confirmation, the booking's own event and the booking's cancel link.
    const toBooker = (await mailTo(booker.email)).filter((m) => m.subject.startsWith('Varaus vahvistettu'));
    expect(toBooker).toHaveLength(1);
    expect(calendarOf(toBooker[0]!).uid).toBe(`booking-${booking.id}@keskusvaraamo`);
    expect(toBooker[0]!.text).toContain('/bookings/cancel?token=');
    expect(toBooker[0]!.html).toMatch(/<a[^>]+href="[^"]+\/bookings\/cancel\?token=[^"]+"[^>]*>.*Peru varaus/s);
  });

  it('cancels their own seat by their link: the booker is told, the seat goes to the waitlist, the calendar drops it', async () => {
    const sessionId = await newSession({ seats: 3 });
    const booker = await buildUser(app);
    const guest = `oma-${randomUUID().slice(0, 8)}@example.fi`;
    const booking = await bookTeam(booker, sessionId, [
      { name: 'Varaaja Itse', email: booker.email },
      { name: 'Olli Osallistuja', email: guest },
      { name: 'Kaija Kolmas', email: `kolmas-${randomUUID().slice(0, 8)}@example.fi` },
    ]);
    const waiting = await buildUser(app);
    const queued = await gql(
      app,
      `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`,
      { input: { sessionId, idempotencyKey: randomUUID(), whenShort: 'JOIN_WAITLIST' } },
      { token: waiting.token },
    );
    expect(queued.data!.bookSeats.state).toBe('WAITLISTED');
    const seat = booking.participants[1]!;
    const token = tokenOf(seatCancelLink(app, seat.id, 'fi'));

    const r = await gql(app, CANCEL_SEAT_BY_LINK, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.cancelParticipantWithToken).toMatchObject({ id: booking.id, state: 'CONFIRMED', seats: 2 });
    expect(await app.db.select().from(participants).where(eq(participants.id, seat.id))).toEqual([]);

    // The freed seat: offered to the first in line (a paid course), so none is free.
    const [offered] = await queryRows<{ state: string }>(
      app.db,
      sql`select state from bookings where id = ${queued.data!.bookSeats.id}`,
    );
    expect(offered!.state).toBe('OFFERED');
    expect((await gql(app, SEATS_FREE, { id: sessionId })).data!.session.seatsFree).toBe(0);

    // The participant's calendar removes their own event.
    const [lost] = (await mailTo(guest)).filter((m) => m.subject.startsWith('Paikkasi peruttiin'));
    expect(calendarOf(lost!)).toMatchObject({
      method: 'CANCEL',
      uid: `participant-${seat.id}@keskusvaraamo`,
      status: 'CANCELLED',
    });
    expect(seatLinkIn(lost!.text)).toBeUndefined();
    // The booker is told; the organisers see a cancellation of one seat.
    expect((await typesOf(booker.id)).find((n) => n.type === 'BOOKING_CHANGED')?.data).toMatchObject({
      event: 'SEAT_CANCELLED',
      seats: 2,
    });
    expect(
      (await typesOf(school.owner.id)).some((n) => n.type === 'COURSE_BOOKING_CANCELLED' && n.data.count === 1),
    ).toBe(true);
    // The report counts two seats and two participants now.
    const [fact] = await queryRows<{ seats: number; participants: number }>(
      app.db,
      sql`select seats, participants from report_bookings where booking_id = ${booking.id}`,
    );
    expect(fact).toEqual({ seats: 2, participants: 2 });

    // The link has done its work; a forged one does nothing.
    expect((await gql(app, CANCEL_SEAT_BY_LINK, { token })).errors?.[0]?.extensions.code).toBe('TOKEN_INVALID');
    expect((await gql(app, CANCEL_SEAT_BY_LINK, { token: `${token}x` })).errors?.[0]?.extensions.code).toBe(
      'TOKEN_INVALID',
    );
  });

  it('is replaced by the booker: the old person loses the event, the new one gets theirs; no one twice', async () => {
    const sessionId = await newSession();
    const booker = await buildUser(app, { locale: 'sv' });
    const old = `gammal-${randomUUID().slice(0, 8)}@example.fi`;
    const fresh = `ny-${randomUUID().slice(0, 8)}@example.fi`;
    const booking = await bookTeam(booker, sessionId, [
      { name: 'Bo Bokare', email: booker.email },
      { name: 'Gammal Deltagare', email: old },
    ]);
    const seat = booking.participants[1]!;

    const twice = await gql(
      app,
      REPLACE,
      { b: booking.id, p: seat.id, participant: { name: 'Bo Igen', email: booker.email.toUpperCase() } },
      { token: booker.token },
    );
    expect(twice.errors?.[0]?.extensions.code).toBe('VALIDATION');
    expect(JSON.stringify(twice.errors)).toContain('validation.participantTwice');
    const bad = await gql(
      app,
      REPLACE,
      { b: booking.id, p: seat.id, participant: { name: 'X', email: 'not-an-address' } },
      { token: booker.token },
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('VALIDATION');

    const r = await gql(
      app,
      REPLACE,
      { b: booking.id, p: seat.id, participant: { name: 'Ny Deltagare', email: fresh } },
      { token: booker.token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.replaceParticipant.seats).toBe(2);
    expect(r.data!.replaceParticipant.participants.map((p: { email: string }) => p.email)).toEqual([
      booker.email,
      fresh,
    ]);

    const [lost] = (await mailTo(old)).filter((m) => m.subject.startsWith('Din plats är avbokad'));
    expect(calendarOf(lost!)).toMatchObject({ method: 'CANCEL', uid: `participant-${seat.id}@keskusvaraamo` });
    const [gained] = (await mailTo(fresh)).filter((m) => m.subject.startsWith('En plats är bokad åt dig'));
    expect(calendarOf(gained!)).toMatchObject({ method: 'REQUEST', attendee: fresh });
    expect(seatLinkIn(gained!.text)).toBeTruthy();
    // The booker did it: not told of it again.
    expect((await typesOf(booker.id)).some((n) => n.type === 'BOOKING_CHANGED')).toBe(false);
  });

  it('is changed only by the booker and the session’s organisers, before the start, and the booker only before the deadline', async () => {
    const sessionId = await newSession({
      startsAt: localIn(3, '09:00'),
      endsAt: localIn(3, '16:00'),
      registrationDeadline: localIn(1, '12:00'),
      cancellationDeadline: localIn(2, '12:00'),
    });
    const booker = await buildUser(app);
    const booking = await bookTeam(booker, sessionId, [
      { name: 'Varaaja Itse', email: booker.email },
      { name: 'Toinen', email: `toinen-${randomUUID().slice(0, 8)}@example.fi` },
      { name: 'Kolmas', email: `kolmas-${randomUUID().slice(0, 8)}@example.fi` },
    ]);
    const [, second, third] = booking.participants;
    const vars = { b: booking.id, p: second!.id };

    const stranger = await buildUser(app);
    const otherSchool = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    expect((await gql(app, CANCEL_SEAT, vars)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(app, CANCEL_SEAT, vars, { token: stranger.token })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await gql(app, CANCEL_SEAT, vars, { token: otherSchool.owner.token })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await gql(
          app,
          REPLACE,
          { ...vars, participant: { name: 'Vieras', email: 'v@example.fi' } },
          { token: stranger.token },
        )
      ).errors?.[0]?.extensions.code,
    ).toBe('NOT_FOUND');
    // A participant of another booking is not this booking's.
    const elsewhere = await bookTeam(stranger, sessionId, [
      { name: 'S', email: stranger.email },
      { name: 'T', email: `t-${randomUUID().slice(0, 8)}@example.fi` },
    ]);
    expect(
      (await gql(app, CANCEL_SEAT, { b: booking.id, p: elsewhere.participants[1]!.id }, { token: booker.token }))
        .errors?.[0]?.extensions.code,
    ).toBe('NOT_FOUND');

    // Past the cancellation deadline the booker may not; the organiser may, and the booker is told.
    await app.db.execute(
      sql`update course_sessions set cancellation_deadline = now() - interval '1 hour' where id = ${sessionId}`,
    );
    const late = await gql(app, CANCEL_SEAT, vars, { token: booker.token });
    expect(late.errors?.[0]?.extensions.code).toBe('CANCELLATION_CLOSED');
    const byOrganiser = await gql(app, CANCEL_SEAT, vars, { token: school.owner.token });
    expect(byOrganiser.errors).toBeUndefined();
    expect(byOrganiser.data!.cancelParticipant.seats).toBe(2);
    expect((await typesOf(booker.id)).some((n) => n.type === 'BOOKING_CHANGED')).toBe(true);

    // Once the session has started, nobody changes its seats.
    await app.db.execute(
      sql`update course_sessions set starts_at = now() - interval '1 minute', registration_deadline = now() - interval '2 minutes' where id = ${sessionId}`,
    );
    expect(
      (await gql(app, CANCEL_SEAT, { b: booking.id, p: third!.id }, { token: school.owner.token })).errors?.[0]
        ?.extensions.code,
    ).toBe('SESSION_STARTED');
  });

  it('names the seats a booking holds but names nobody for, each person confirmed, none twice, no more than its seats', async () => {
    const { booker, booking } = await heldLikeAMatch();
    const newcomer = `uusi-${randomUUID().slice(0, 8)}@example.fi`;
    const stranger = await buildUser(app);
    const add = (email: string, token?: string) =>
      gql(app, ADD, { b: booking.id, participant: { name: 'Uusi Osallistuja', email } }, token ? { token } : {});

    expect((await add(newcomer)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await add(newcomer, stranger.token)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const twice = await add(booker.email, booker.token);
    expect(JSON.stringify(twice.errors)).toContain('validation.participantTwice');
    const added = await add(newcomer, booker.token);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addParticipant.participants.map((p: { email: string }) => p.email)).toEqual([
      booker.email,
      newcomer,
    ]);
    const [confirmation] = (await mailTo(newcomer)).filter((m) => m.subject.startsWith('Sinulle on varattu paikka'));
    expect(calendarOf(confirmation!)).toMatchObject({ method: 'REQUEST', attendee: newcomer });
    expect(seatLinkIn(confirmation!.text)).toBeTruthy();
    // The organiser names the last one; then every seat is named.
    expect((await add(`kolmas-${randomUUID().slice(0, 8)}@example.fi`, school.owner.token)).errors).toBeUndefined();
    const full = await add(`neljas-${randomUUID().slice(0, 8)}@example.fi`, booker.token);
    expect(full.errors?.[0]?.extensions.code).toBe('VALIDATION');
    expect(JSON.stringify(full.errors)).toContain('validation.noUnnamedSeat');
    const [fact] = await queryRows<{ seats: number; participants: number }>(
      app.db,
      sql`select seats, participants from report_bookings where booking_id = ${booking.id}`,
    );
    expect(fact).toEqual({ seats: 3, participants: 3 });
  });

  it('cancels the whole booking with its only named participant, however many seats it holds (a match’s hold)', async () => {
    const { sessionId, booker, booking } = await heldLikeAMatch();
    const r = await gql(app, CANCEL_SEAT, { b: booking.id, p: booking.participants[0]!.id }, { token: booker.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.cancelParticipant).toMatchObject({ state: 'CANCELLED', seats: 3 });
    expect((await gql(app, SEATS_FREE, { id: sessionId })).data!.session.seatsFree).toBe(6);
  });

  it('cancels the booking with its last participant', async () => {
    const sessionId = await newSession();
    const booker = await buildUser(app);
    const booking = await bookTeam(booker, sessionId, [
      { name: 'Vain Yksi', email: `yksi-${randomUUID().slice(0, 8)}@example.fi` },
      { name: 'Ja Toinen', email: `toinen-${randomUUID().slice(0, 8)}@example.fi` },
    ]);
    const [first, second] = booking.participants;
    await gql(app, CANCEL_SEAT, { b: booking.id, p: first!.id }, { token: booker.token });
    const last = await gql(app, CANCEL_SEAT, { b: booking.id, p: second!.id }, { token: booker.token });
    expect(last.errors).toBeUndefined();
    expect(last.data!.cancelParticipant).toMatchObject({ state: 'CANCELLED', seats: 1 });
    expect((await gql(app, SEATS_FREE, { id: sessionId })).data!.session.seatsFree).toBe(6);
    const left = await app.db
      .select()
      .from(participants)
      .where(and(eq(participants.bookingId, booking.id)));
    expect(left).toHaveLength(1);
  });

  it('lets one person name at most PARTICIPANT_CHANGES_PER_HOUR people an hour (each is e-mailed)', async () => {
    const { booker, booking } = await heldLikeAMatch();
    const [named] = await app.db.select().from(participants).where(eq(participants.bookingId, booking.id));
    let code: string | undefined;
    for (let i = 0; i <= PARTICIPANT_CHANGES_PER_HOUR && !code; i++) {
      const r = await gql(
        app,
        REPLACE,
        { b: booking.id, p: named!.id, participant: { name: `Vaihto ${i}`, email: `vaihto-${i}@example.fi` } },
        { token: booker.token },
      );
      code = r.errors?.[0]?.extensions.code;
      if (i < PARTICIPANT_CHANGES_PER_HOUR) expect(r.errors).toBeUndefined();
    }
    expect(code).toBe('RATE_LIMITED');
  });
});
