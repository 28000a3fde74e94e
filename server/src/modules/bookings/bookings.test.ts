import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  depsOf,
  lastEmailTo,
  localIn,
  sessionInput,
  viewerOf,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, pageOneByOne, type TestApp } from '../../test/helper.js';
import { bookSeats } from './commands/book.js';
import { enforceMinimums, expireOffers } from './jobs.js';
import { withBilling } from '../../test/billing.js';

const FIELDS = `id state seats waitlistPosition offeredUntil cancelReason canCancel participants { name email } session { id seatsFree } bookerName`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { ${FIELDS} } }`;
const CLAIM = `mutation ($id: ID!) { claimBooking(id: $id) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { booking(id: $id) { ${FIELDS} } }`;
const SESSION = `query ($id: ID!) { session(id: $id) { seats seatsTaken seatsFree waitlistCount cancelledAt cancelReason } }`;

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let coordinator: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
});
afterAll(() => app.closeAndDrop());

async function session(overrides: Record<string, unknown> = {}, offer: Record<string, unknown> = {}) {
  const course = await buildCourse(app, offer, {
    organisation: school,
    sessions: [sessionInput({ seats: 3, ...overrides })],
  });
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

/** Moves a session's start an hour into the past (it runs now), as attendance is marked once it has started. */
async function started(id: string) {
  await app.db.execute(sql`update course_sessions
    set registration_deadline = now() - interval '2 hours', starts_at = now() - interval '1 hour', ends_at = now() + interval '5 hours'
    where id = ${id}`);
}

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `Osallistuja ${i + 1}`, email: `osallistuja${i + 1}@example.fi` }));

async function book(who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  return gql(
    app,
    BOOK,
    { input: withBilling({ sessionId, idempotencyKey: randomUUID(), ...extra }) },
    { token: who.token },
  );
}

describe('booking', () => {
  it('books a seat for the booker by default, and more for named participants', async () => {
    const id = await session();
    const user = await buildUser(app, { displayName: 'Eino Energia' });
    const mine = await book(user, id);
    expect(mine.data!.bookSeats).toMatchObject({
      state: 'CONFIRMED',
      seats: 1,
      participants: [{ name: 'Eino Energia', email: user.email }],
      session: { seatsFree: 2 },
    });
    const group = await book(await buildUser(app), id, { participants: people(2) });
    expect(group.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', seats: 2, session: { seatsFree: 0 } });
  });

  it('asks what to do when too few seats are free: take what is free, or all to the waitlist', async () => {
    const id = await session();
    await book(await buildUser(app), id, { participants: people(2) });
    const user = await buildUser(app);
    const short = await book(user, id, { participants: people(3) });
    expect(codeOf(short)).toBe('SEATS_EXHAUSTED');
    expect(short.errors![0]!.extensions).toMatchObject({ seatsFree: 1, seatsAsked: 3 });
    const partial = await book(user, id, { participants: people(3), whenShort: 'TAKE_AVAILABLE' });
    expect(partial.data!.bookSeats).toMatchObject({
      state: 'CONFIRMED',
      seats: 1,
      participants: [{ name: 'Osallistuja 1' }],
    });
    const waiting = await book(await buildUser(app), id, { participants: people(2), whenShort: 'JOIN_WAITLIST' });
    expect(waiting.data!.bookSeats).toMatchObject({ state: 'WAITLISTED', seats: 2, waitlistPosition: 1 });
    expect(codeOf(await book(await buildUser(app), id, { whenShort: 'TAKE_AVAILABLE' }))).toBe('SEATS_EXHAUSTED');
  });

  it('returns the first booking for a repeated idempotency key', async () => {
    const id = await session();
    const user = await buildUser(app);
    const key = randomUUID();
    const first = await gql(app, BOOK, { input: { sessionId: id, idempotencyKey: key } }, { token: user.token });
    const again = await gql(app, BOOK, { input: { sessionId: id, idempotencyKey: key } }, { token: user.token });
    expect(again.data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    expect((await gql(app, SESSION, { id }, { token: school.owner.token })).data!.session.seatsTaken).toBe(1);
  });

  it('closes at the registration deadline, and for drafts and cancelled sessions', async () => {
    const id = await session();
    await app.db.execute(
      sql`update course_sessions set registration_deadline = now() - interval '1 minute' where id = ${id}`,
    );
    expect(codeOf(await book(await buildUser(app), id))).toBe('REGISTRATION_CLOSED');
    const draft = await buildCourse(app, {}, { organisation: school, publish: false });
    const draftSession = (
      await gql(
        app,
        `query ($id: ID!) { offer(id: $id) { sessions { id } } }`,
        { id: draft.id },
        { token: school.owner.token },
      )
    ).data!.offer.sessions[0].id;
    expect(codeOf(await book(await buildUser(app), draftSession))).toBe('REGISTRATION_CLOSED');
    expect(codeOf(await book(await buildUser(app), randomUUID()))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, BOOK, { input: { sessionId: id, idempotencyKey: randomUUID() } }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('my bookings', () => {
  it('pages one at a time without loss or repetition, bookings made in one transaction too', async () => {
    const id = await session({ seats: 10 });
    const user = await buildUser(app);
    const made: string[] = [];
    await app.db.transaction(async (tx) => {
      for (let i = 0; i < 4; i++) {
        const input = { sessionId: id, idempotencyKey: randomUUID() };
        made.push((await bookSeats({ ...depsOf(app), db: tx }, viewerOf(user), input)).id);
      }
    });
    // One transaction: the same created_at to the microsecond, which a millisecond cursor would cut.
    const [instants] = await queryRows<{ n: number }>(
      app.db,
      sql`select count(distinct created_at)::int as n from bookings where booked_by = ${user.id}`,
    );
    expect(instants!.n).toBe(1);
    const PAGE = `query ($after: String) { myBookings(first: 1, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.myBookings, { token: user.token });
    expect(new Set(totalCounts)).toEqual(new Set([made.length]));
    expect(seen).toHaveLength(made.length);
    expect([...seen].sort()).toEqual([...made].sort());
  });
});

describe('upcoming bookings', () => {
  const UPCOMING = `query ($first: Int) { upcomingBookings(first: $first) { id state session { id startsAt } offer { title } } }`;
  const upcoming = async (who: TestUser | null, variables: Record<string, unknown> = {}) =>
    gql(app, UPCOMING, variables, who ? { token: who.token } : {});
  /** A session on day `day` from now (09:00–16:00 Helsinki time), registration open until the day before. */
  const onDay = (day: number, overrides: Record<string, unknown> = {}) =>
    session({
      startsAt: localIn(day, '09:00'),
      endsAt: localIn(day, '16:00'),
      registrationDeadline: localIn(day - 1, '12:00'),
      ...overrides,
    });
  const moveSession = (id: string, startsIn: string, endsIn: string) =>
    app.db.execute(sql`update course_sessions
      set registration_deadline = now() + ${startsIn}::interval - interval '1 hour',
          starts_at = now() + ${startsIn}::interval, ends_at = now() + ${endsIn}::interval
      where id = ${id}`);

  it("lists the viewer's own bookings still ahead or under way, soonest session first, and nothing else", async () => {
    const user = await buildUser(app);
    const other = await buildUser(app);
    const bookingOf = async (r: Awaited<ReturnType<typeof book>>) => {
      expect(r.errors).toBeUndefined();
      return r.data!.bookSeats.id as string;
    };
    // Under way: started an hour ago, ends in two.
    const running = await onDay(3);
    const underWay = await bookingOf(await book(user, running));
    await moveSession(running, '-1 hour', '2 hours');
    // Waitlisted: the one seat is someone else's.
    const full = await onDay(5, { seats: 1 });
    await book(other, full);
    const waiting = await bookingOf(await book(user, full, { whenShort: 'JOIN_WAITLIST' }));
    // Offered: a paid seat freed and held for the user.
    const paid = await onDay(10, { seats: 1, priceCents: 9_000 });
    const holder = await buildUser(app);
    const held = await bookingOf(await book(holder, paid));
    const offered = await bookingOf(await book(user, paid, { whenShort: 'JOIN_WAITLIST' }));
    await gql(app, CANCEL, { id: held }, { token: holder.token });
    // Two confirmed bookings of one session: the booking's id breaks the tie.
    const later = await onDay(20, { seats: 5 });
    const twice = [await bookingOf(await book(user, later)), await bookingOf(await book(user, later))].sort();
    const theirs = await bookingOf(await book(other, later));
    // Left out: a booking the user cancelled, one of a cancelled session, one of a session that has ended.
    const dropped = await bookingOf(await book(user, await onDay(8)));
    await gql(app, CANCEL, { id: dropped }, { token: user.token });
    const called = await onDay(12);
    const ofCancelled = await bookingOf(await book(user, called));
    await app.db.execute(
      sql`update course_sessions set cancelled_at = now(), cancel_reason = 'SESSION_CANCELLED' where id = ${called}`,
    );
    const ended = await onDay(4);
    const past = await bookingOf(await book(user, ended));
    await moveSession(ended, '-3 hours', '-1 hour');

    const r = await upcoming(user);
    expect(r.errors).toBeUndefined();
    const list = r.data!.upcomingBookings as { id: string; state: string; session: { id: string }; offer: object }[];
    expect(list.map((b) => [b.id, b.state])).toEqual([
      [underWay, 'CONFIRMED'],
      [waiting, 'WAITLISTED'],
      [offered, 'OFFERED'],
      [twice[0], 'CONFIRMED'],
      [twice[1], 'CONFIRMED'],
    ]);
    expect(list.map((b) => b.session.id)).toEqual([running, full, paid, later, later]);
    expect(list[0]!.offer).toEqual({ title: 'Aurinkosähköjärjestelmien asennus' });
    for (const id of [theirs, dropped, ofCancelled, past]) expect(list.map((b) => b.id)).not.toContain(id);
    expect((await upcoming(other)).data!.upcomingBookings.map((b: { id: string }) => b.id)).not.toContain(underWay);
    expect((await upcoming(user, { first: 2 })).data!.upcomingBookings.map((b: { id: string }) => b.id)).toEqual([
      underWay,
      waiting,
    ]);
    expect((await upcoming(await buildUser(app))).data!.upcomingBookings).toEqual([]);
  });

  it('returns ten unless told, at most fifty; a size outside 1–50 is refused, and so is a signed-out viewer', async () => {
    const user = await buildUser(app);
    for (const day of [6, 7]) {
      const id = await onDay(day, { seats: 10 });
      for (let i = 0; i < 6; i++) await book(user, id);
    }
    expect((await upcoming(user)).data!.upcomingBookings).toHaveLength(10);
    expect((await upcoming(user, { first: 50 })).data!.upcomingBookings).toHaveLength(12);
    for (const first of [0, -1, 51, 1000]) {
      const r = await upcoming(user, { first });
      expect(codeOf(r), `first: ${first}`).toBe('VALIDATION');
      expect(r.errors![0]!.extensions.fields).toEqual([
        { field: 'first', message: 'validation.pageSize', params: { max: 50 } },
      ]);
    }
    expect(codeOf(await upcoming(null))).toBe('UNAUTHENTICATED');
  });
});

describe('cancelling and the waitlist', () => {
  it('on a free course, gives freed seats straight to the waitlist in order, skipping those that do not fit', async () => {
    const id = await session({ priceCents: 0 });
    const first = await book(await buildUser(app), id, { participants: people(3) });
    const big = await book(await buildUser(app), id, { participants: people(3), whenShort: 'JOIN_WAITLIST' });
    const small = await book(await buildUser(app), id, { participants: people(1), whenShort: 'JOIN_WAITLIST' });
    expect(big.data!.bookSeats.waitlistPosition).toBe(1);
    expect(small.data!.bookSeats.waitlistPosition).toBe(2);
    const booker = first.data!.bookSeats;
    const users = await app.db.execute(sql`select booked_by from bookings where id = ${booker.id}`);
    const owner = (users as unknown as { rows: { booked_by: string }[] }).rows[0]!.booked_by;
    const token = app.signAccessToken({ id: owner, tokenVersion: 0 });
    expect((await gql(app, CANCEL, { id: booker.id }, { token })).data!.cancelBooking).toMatchObject({
      state: 'CANCELLED',
      cancelReason: 'BY_BOOKER',
    });
    // Three seats free: the first in line wants three and gets them; the second waits on.
    expect(
      (await gql(app, READ, { id: big.data!.bookSeats.id }, { token: coordinator.token })).data!.booking.state,
    ).toBe('CONFIRMED');
    expect(
      (await gql(app, READ, { id: small.data!.bookSeats.id }, { token: coordinator.token })).data!.booking,
    ).toMatchObject({ state: 'WAITLISTED', waitlistPosition: 1 });
  });

  it('on a paid course, holds a freed seat for the claim window; unclaimed, it passes on', async () => {
    const id = await session({ seats: 1, priceCents: 9_000 }, { claimWindowHours: 12 });
    const holder = await buildUser(app);
    const held = await book(holder, id);
    const nextUser = await buildUser(app);
    const next = await book(nextUser, id, { whenShort: 'JOIN_WAITLIST' });
    const lastUser = await buildUser(app);
    const last = await book(lastUser, id, { whenShort: 'JOIN_WAITLIST' });
    await gql(app, CANCEL, { id: held.data!.bookSeats.id }, { token: holder.token });
    const offered = (await gql(app, READ, { id: next.data!.bookSeats.id }, { token: nextUser.token })).data!.booking;
    expect(offered.state).toBe('OFFERED');
    const hours = (new Date(offered.offeredUntil).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    // The window closes unclaimed: the seat goes to the next in line.
    await app.db.execute(
      sql`update bookings set offered_until = now() - interval '1 second' where id = ${next.data!.bookSeats.id}`,
    );
    expect(codeOf(await gql(app, CLAIM, { id: next.data!.bookSeats.id }, { token: nextUser.token }))).toBe(
      'CLAIM_EXPIRED',
    );
    expect(await expireOffers(app.db)).toBe(1);
    expect(
      (await gql(app, READ, { id: next.data!.bookSeats.id }, { token: nextUser.token })).data!.booking,
    ).toMatchObject({ state: 'CANCELLED', cancelReason: 'CLAIM_EXPIRED' });
    expect((await gql(app, READ, { id: last.data!.bookSeats.id }, { token: lastUser.token })).data!.booking.state).toBe(
      'OFFERED',
    );
    const claimed = await gql(app, CLAIM, { id: last.data!.bookSeats.id }, { token: lastUser.token });
    expect(claimed.data!.claimBooking.state).toBe('CONFIRMED');
    expect(codeOf(await gql(app, CLAIM, { id: last.data!.bookSeats.id }, { token: lastUser.token }))).toBe(
      'INVALID_STATE',
    );
    expect(await expireOffers(app.db)).toBe(0);
  });

  it('lets the booker cancel only before the cancellation deadline; the organiser at any time', async () => {
    const id = await session({ cancellationDeadline: localIn(38) });
    const user = await buildUser(app);
    const booking = (await book(user, id)).data!.bookSeats;
    expect(booking.canCancel).toBe(true);
    await app.db.execute(
      sql`update course_sessions set cancellation_deadline = now() - interval '1 minute' where id = ${id}`,
    );
    expect((await gql(app, READ, { id: booking.id }, { token: user.token })).data!.booking.canCancel).toBe(false);
    expect(codeOf(await gql(app, CANCEL, { id: booking.id }, { token: user.token }))).toBe('CANCELLATION_CLOSED');
    const byOrganiser = await gql(app, CANCEL, { id: booking.id }, { token: school.owner.token });
    expect(byOrganiser.data!.cancelBooking).toMatchObject({ state: 'CANCELLED', cancelReason: 'BY_ORGANISER' });
    expect(codeOf(await gql(app, CANCEL, { id: booking.id }, { token: school.owner.token }))).toBe('INVALID_STATE');
  });

  it('cancels with the signed link from the confirmation, without signing in', async () => {
    const { cancelLink } = await import('./links.js');
    const id = await session();
    const user = await buildUser(app, { locale: 'sv' });
    const booking = (await book(user, id)).data!.bookSeats;
    const link = new URL(cancelLink(app, booking.id, 'sv'));
    // The link opens the page in the recipient's language.
    expect(link.pathname).toBe('/sv/bookings/cancel');
    const mail = await lastEmailTo(app, user.email);
    expect(mail!.subject).toMatch(/^Bokningen är bekräftad: /);
    expect(mail!.textBody).toContain(link.toString());
    const token = link.searchParams.get('token')!;
    const WITH_TOKEN = `mutation ($token: String!) { cancelBookingWithToken(token: $token) { id state } }`;
    expect(codeOf(await gql(app, WITH_TOKEN, { token: `${booking.id}.forged` }))).toBe('TOKEN_INVALID');
    expect((await gql(app, WITH_TOKEN, { token })).data!.cancelBookingWithToken).toEqual({
      id: booking.id,
      state: 'CANCELLED',
    });
  });
});

describe('sessions', () => {
  it('cancels a session that did not reach its minimum by the decision time, and tells everyone', async () => {
    const id = await session({ seats: 10, minParticipants: 3, decisionAt: localIn(30) });
    const a = await buildUser(app);
    await book(a, id, { participants: people(2) });
    expect(await enforceMinimums(app.db)).toBe(0);
    await app.db.execute(sql`update course_sessions set decision_at = now() - interval '1 minute' where id = ${id}`);
    expect(await enforceMinimums(app.db)).toBe(1);
    expect((await gql(app, SESSION, { id }, { token: school.owner.token })).data!.session).toMatchObject({
      cancelReason: 'MINIMUM_NOT_REACHED',
      seatsTaken: 0,
    });
    const notes = await app.db.query.notifications.findMany({ where: (n, { eq }) => eq(n.userId, a.id) });
    expect(notes.map((n) => n.type)).toEqual(expect.arrayContaining(['BOOKING_CONFIRMED', 'SESSION_CANCELLED']));
  });

  it('lets the organiser cancel a session and never lower capacity below the seats taken; more seats promote the waitlist', async () => {
    const id = await session({ seats: 2, priceCents: 0 });
    await book(await buildUser(app), id, { participants: people(2) });
    const waiting = await book(await buildUser(app), id, { whenShort: 'JOIN_WAITLIST' });
    const UPDATE = `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { seats seatsTaken } }`;
    const lower = await gql(app, UPDATE, { id, input: sessionInput({ seats: 1 }) }, { token: school.owner.token });
    expect(lower.errors![0]!.extensions.fields[0]).toMatchObject({
      field: 'seats',
      message: 'validation.seatsBelowTaken',
    });
    expect(
      (await gql(app, UPDATE, { id, input: sessionInput({ seats: 3, priceCents: 0 }) }, { token: school.owner.token }))
        .data!.updateSession,
    ).toEqual({ seats: 3, seatsTaken: 3 });
    expect(
      (await gql(app, READ, { id: waiting.data!.bookSeats.id }, { token: coordinator.token })).data!.booking.state,
    ).toBe('CONFIRMED');
    const outsider = await buildUser(app, { roles: ['EDUCATOR'] });
    const CANCEL_SESSION = `mutation ($id: ID!) { cancelSession(id: $id) { cancelledAt cancelReason seatsTaken } }`;
    expect(codeOf(await gql(app, CANCEL_SESSION, { id }, { token: outsider.token }))).toBe('FORBIDDEN');
    // Not the last session, but people are booked: it is cancelled, never silently removed.
    const offerId = (await gql(app, `query ($id: ID!) { session(id: $id) { offerId } }`, { id })).data!.session.offerId;
    await gql(
      app,
      `mutation ($id: ID!, $input: SessionInput!) { addSession(offerId: $id, input: $input) { id } }`,
      { id: offerId, input: sessionInput() },
      { token: school.owner.token },
    );
    const REMOVE = `mutation ($id: ID!) { removeSession(id: $id) }`;
    expect(codeOf(await gql(app, REMOVE, { id }, { token: school.owner.token }))).toBe('SESSION_IN_USE');
    const cancelled = await gql(app, CANCEL_SESSION, { id }, { token: school.owner.token });
    expect(cancelled.data!.cancelSession).toMatchObject({ cancelReason: 'SESSION_CANCELLED', seatsTaken: 0 });
  });
});

describe('authorisation', () => {
  it('shows a booking to its booker, the organisation and coordinators only; participants never see each other', async () => {
    const id = await session({ seats: 5 });
    const booker = await buildUser(app);
    const other = await buildUser(app);
    const mine = (await book(booker, id, { participants: people(2) })).data!.bookSeats;
    const theirs = (await book(other, id)).data!.bookSeats;
    const sees = async (who: TestUser, bookingId: string) =>
      (await gql(app, READ, { id: bookingId }, { token: who.token })).data!.booking;
    expect(await sees(booker, mine.id)).toMatchObject({ participants: people(2), bookerName: null });
    expect(await sees(booker, theirs.id)).toBeNull();
    expect(await sees(other, mine.id)).toBeNull();
    expect((await sees(school.owner, mine.id)).bookerName).toBe(booker.displayName);
    expect(await sees(coordinator, mine.id)).not.toBeNull();
    const otherSchool = (await buildOrganisation(app, { kind: 'EDUCATIONAL' })).owner;
    expect(await sees(otherSchool, mine.id)).toBeNull();
    for (const who of [booker, other, otherSchool]) {
      expect(
        codeOf(
          await gql(app, `query ($id: ID!) { sessionBookings(sessionId: $id) { id } }`, { id }, { token: who.token }),
        ),
      ).toBe('FORBIDDEN');
      expect(codeOf(await gql(app, CANCEL, { id: mine.id }, { token: who === booker ? other.token : who.token }))).toBe(
        'NOT_FOUND',
      );
    }
    const list = await gql(
      app,
      `query ($id: ID!) { sessionBookings(sessionId: $id) { id participants { name } } }`,
      { id },
      { token: school.owner.token },
    );
    expect(list.data!.sessionBookings).toHaveLength(2);
  });

  it('lets only the organisation mark attendance of confirmed participants', async () => {
    const id = await session();
    const booking = (await book(await buildUser(app), id)).data!.bookSeats;
    const [participant] = (
      await gql(
        app,
        `query ($id: ID!) { booking(id: $id) { participants { id } } }`,
        { id: booking.id },
        { token: school.owner.token },
      )
    ).data!.booking.participants;
    const MARK = `mutation ($id: ID!, $attended: Boolean) { markAttendance(participantId: $id, attended: $attended) { attended } }`;
    expect(
      codeOf(await gql(app, MARK, { id: participant.id, attended: true }, { token: (await buildUser(app)).token })),
    ).toBe('FORBIDDEN');
    // Not before the session has started: who came is not known yet.
    expect(codeOf(await gql(app, MARK, { id: participant.id, attended: true }, { token: school.owner.token }))).toBe(
      'SESSION_NOT_STARTED',
    );
    await started(id);
    expect(
      (await gql(app, MARK, { id: participant.id, attended: true }, { token: school.owner.token })).data!
        .markAttendance,
    ).toEqual({ attended: true });
  });
});

describe('marking a session’s attendance at once', () => {
  const MARK_ALL = `mutation ($session: ID!, $ids: [ID!]!, $attended: Boolean) {
    markSessionAttendance(sessionId: $session, participantIds: $ids, attended: $attended) { id attended }
  }`;
  const participantsOf = async (sessionId: string) =>
    (
      await gql(
        app,
        `query ($id: ID!) { sessionBookings(sessionId: $id) { state participants { id attended } } }`,
        { id: sessionId },
        { token: school.owner.token },
      )
    ).data!.sessionBookings as { state: string; participants: { id: string; attended: boolean | null }[] }[];

  it('marks every confirmed participant present in one call, for the organisation only', async () => {
    const id = await session({ seats: 5 });
    await book(await buildUser(app), id, { participants: people(2) });
    await book(await buildUser(app), id, { participants: people(3) });
    const ids = (await participantsOf(id)).flatMap((b) => b.participants.map((p) => p.id));
    expect(ids).toHaveLength(5);
    expect(codeOf(await gql(app, MARK_ALL, { session: id, ids, attended: true }, { token: school.owner.token }))).toBe(
      'SESSION_NOT_STARTED',
    );
    await started(id);

    const outsider = await buildUser(app, { roles: ['EDUCATOR'] });
    expect(codeOf(await gql(app, MARK_ALL, { session: id, ids, attended: true }, { token: outsider.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gql(app, MARK_ALL, { session: id, ids, attended: true }))).toBe('UNAUTHENTICATED');
    expect((await participantsOf(id)).flatMap((b) => b.participants.map((p) => p.attended))).toEqual(
      Array(5).fill(null),
    );

    const marked = await gql(app, MARK_ALL, { session: id, ids, attended: true }, { token: school.owner.token });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markSessionAttendance).toHaveLength(5);
    expect((await participantsOf(id)).flatMap((b) => b.participants.map((p) => p.attended))).toEqual(
      Array(5).fill(true),
    );
    // A coordinator may too; null clears the mark.
    const cleared = await gql(
      app,
      MARK_ALL,
      { session: id, ids: ids.slice(0, 2), attended: null },
      {
        token: coordinator.token,
      },
    );
    expect(cleared.errors).toBeUndefined();
    expect(
      (await participantsOf(id)).flatMap((b) => b.participants.map((p) => p.attended)).filter((a) => a === null),
    ).toHaveLength(2);
  });

  it('marks none when any one is not of a confirmed booking of this session', async () => {
    const id = await session({ seats: 2 });
    const other = await session({ seats: 2 });
    await book(await buildUser(app), id, { participants: people(2) });
    // The session is full: this one waits.
    await book(await buildUser(app), id, { participants: people(1), whenShort: 'JOIN_WAITLIST' });
    await book(await buildUser(app), other, { participants: people(1) });
    await started(id);
    const here = await participantsOf(id);
    const confirmed = here.filter((b) => b.state === 'CONFIRMED').flatMap((b) => b.participants.map((p) => p.id));
    const waiting = here.filter((b) => b.state === 'WAITLISTED').flatMap((b) => b.participants.map((p) => p.id));
    const elsewhere = (await participantsOf(other)).flatMap((b) => b.participants.map((p) => p.id));
    expect(confirmed).toHaveLength(2);
    expect(waiting).toHaveLength(1);
    for (const stray of [waiting[0]!, elsewhere[0]!, randomUUID()]) {
      const r = await gql(
        app,
        MARK_ALL,
        { session: id, ids: [...confirmed, stray], attended: true },
        {
          token: school.owner.token,
        },
      );
      expect(codeOf(r)).toBe('NOT_FOUND');
    }
    expect((await participantsOf(id)).flatMap((b) => b.participants.map((p) => p.attended))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('refuses an empty list, too many and ids that are not ids, with the field named', async () => {
    const id = await session();
    for (const [ids, message] of [
      [[], 'validation.required'],
      [Array.from({ length: 501 }, () => randomUUID()), 'validation.tooManyItems'],
    ] as const) {
      const r = await gql(app, MARK_ALL, { session: id, ids, attended: true }, { token: school.owner.token });
      expect(codeOf(r)).toBe('VALIDATION');
      expect(r.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: 'participantIds', message })]);
    }
    expect(
      codeOf(await gql(app, MARK_ALL, { session: id, ids: ['nope'], attended: true }, { token: school.owner.token })),
    ).toBe('NOT_FOUND');
  });
});

describe('files', () => {
  it('exports participants as CSV that Excel opens with Finnish letters intact', async () => {
    const id = await session();
    await book(await buildUser(app), id, { participants: [{ name: 'Äijä Öhman', email: 'aija@example.fi' }] });
    const denied = await app.inject({
      url: `/api/sessions/${id}/participants.csv`,
      headers: { authorization: `Bearer ${(await buildUser(app)).token}` },
    });
    expect(denied.statusCode).toBe(403);
    const response = await app.inject({
      url: `/api/sessions/${id}/participants.csv`,
      headers: { authorization: `Bearer ${school.owner.token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\n')[0]).toBe(
      'Nimi;Sähköposti;Tila;Jonosija;Varaaja;Varaajan sähköposti;Varattu;Läsnä;Organisaatio;Hinta (€, sis. alv)',
    );
    expect(text).toContain('Äijä Öhman;aija@example.fi;Vahvistettu');
    expect(text.trim().endsWith(';120,00')).toBe(true);
  });

  it('serves valid iCalendar with UTC times for a session, a booking and a revocable personal feed', async () => {
    const y = new Date().getFullYear() + 1;
    const id = await session({
      startsAt: `${y}-07-01T09:00`,
      endsAt: `${y}-07-01T16:00`,
      registrationDeadline: `${y}-06-25T12:00`,
    });
    const user = await buildUser(app);
    const booking = (await book(user, id)).data!.bookSeats;
    const sessionIcs = await app.inject(`/api/sessions/${id}.ics`);
    expect(sessionIcs.statusCode).toBe(200);
    expect(sessionIcs.body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    // 09:00 in Helsinki summer time is 06:00 UTC.
    expect(sessionIcs.body).toContain(`DTSTART:${y}0701T060000Z`);
    expect(sessionIcs.body).toContain('END:VEVENT');
    expect((await app.inject(`/api/bookings/${booking.id}.ics`)).statusCode).toBe(401);
    const bookingIcs = await app.inject({
      url: `/api/bookings/${booking.id}.ics`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(bookingIcs.body).toContain(`UID:booking-${booking.id}@keskusvaraamo`);
    const url = (await gql(app, `mutation { createCalendarFeed }`, {}, { token: user.token })).data!
      .createCalendarFeed as string;
    const path = new URL(url).pathname;
    expect((await app.inject(path)).body).toContain(`UID:booking-${booking.id}@keskusvaraamo`);
    expect((await gql(app, `{ hasCalendarFeed }`, {}, { token: user.token })).data!.hasCalendarFeed).toBe(true);
    await gql(app, `mutation { revokeCalendarFeed }`, {}, { token: user.token });
    expect((await app.inject(path)).statusCode).toBe(404);
  });
});
