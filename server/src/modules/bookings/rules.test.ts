/**
 * Rules that keep one person from taking a session for themselves: a cap on the seats one booker
 * holds, and idempotency keys that answer only for the request they were made for.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildOrganisation, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { withBilling } from '../../test/billing.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats participants { name } } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { state } }`;
const SESSION = `query ($id: ID!) { session(id: $id) { seats maxSeatsPerBooker viewerSeats } }`;
const UPDATE_SESSION = `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { seats maxSeatsPerBooker } }`;

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
});
afterAll(() => app.closeAndDrop());

async function session(overrides: Record<string, unknown> = {}) {
  const course = await buildCourse(app, {}, { organisation: school, sessions: [sessionInput(overrides)] });
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return r.data!.offer.sessions[0].id as string;
}

const people = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ name: `Henkilö ${from + i}`, email: `henkilo${from + i}@example.fi` }));

function book(who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) {
  return gql(
    app,
    BOOK,
    { input: withBilling({ sessionId, idempotencyKey: randomUUID(), ...extra }) },
    { token: who.token },
  );
}

describe('seats per booker', () => {
  it('caps the seats one booker holds on a session, whatever is free; other bookers are not affected', async () => {
    const id = await session({ seats: 20, maxSeatsPerBooker: 4 });
    const booker = await buildUser(app);
    expect((await book(booker, id, { participants: people(3) })).data!.bookSeats).toMatchObject({
      state: 'CONFIRMED',
      seats: 3,
    });
    const over = await book(booker, id, { participants: people(2, 4) });
    expect(codeOf(over)).toBe('SEATS_PER_BOOKER');
    expect(over.errors![0]!.extensions).toMatchObject({ maxSeatsPerBooker: 4, seatsHeld: 3, seatsAsked: 2 });
    // TAKE_AVAILABLE is about free seats, not a way around the cap.
    expect(codeOf(await book(booker, id, { participants: people(2, 4), whenShort: 'TAKE_AVAILABLE' }))).toBe(
      'SEATS_PER_BOOKER',
    );
    expect((await book(booker, id)).data!.bookSeats.seats).toBe(1);
    expect(codeOf(await book(booker, id))).toBe('SEATS_PER_BOOKER');
    expect((await gql(app, SESSION, { id }, { token: booker.token })).data!.session).toEqual({
      seats: 20,
      maxSeatsPerBooker: 4,
      viewerSeats: 4,
    });
    expect((await book(await buildUser(app), id, { participants: people(4) })).data!.bookSeats.state).toBe('CONFIRMED');
    expect((await gql(app, SESSION, { id })).data!.session.viewerSeats).toBeNull();
  });

  it('counts waitlisted and offered seats too; a cancelled booking no longer counts', async () => {
    const id = await session({ seats: 2, maxSeatsPerBooker: 2, priceCents: 0 });
    await book(await buildUser(app), id, { participants: people(2) });
    const booker = await buildUser(app);
    const waiting = await book(booker, id, { participants: people(2, 3), whenShort: 'JOIN_WAITLIST' });
    expect(waiting.data!.bookSeats.state).toBe('WAITLISTED');
    expect(codeOf(await book(booker, id, { whenShort: 'JOIN_WAITLIST' }))).toBe('SEATS_PER_BOOKER');
    await gql(app, CANCEL, { id: waiting.data!.bookSeats.id }, { token: booker.token });
    expect((await book(booker, id, { whenShort: 'JOIN_WAITLIST' })).data!.bookSeats.state).toBe('WAITLISTED');
  });

  it('defaults to 10 seats (the seats, when fewer), enough for a company to book its team', async () => {
    const big = await session({ seats: 40 });
    const small = await session({ seats: 3 });
    expect((await gql(app, SESSION, { id: big })).data!.session.maxSeatsPerBooker).toBe(10);
    expect((await gql(app, SESSION, { id: small })).data!.session.maxSeatsPerBooker).toBe(3);
    const company = await buildOrganisation(app, { kind: 'COMPANY' });
    const team = await book(company.owner, big, { participants: people(10) });
    expect(team.data!.bookSeats).toMatchObject({ state: 'CONFIRMED', seats: 10 });
    expect(team.data!.bookSeats.participants).toHaveLength(10);
    expect(codeOf(await book(company.owner, big))).toBe('SEATS_PER_BOOKER');
  });

  it('is the organiser’s to set, at most the seats; an edit without it keeps it', async () => {
    const id = await session({ seats: 20 });
    const above = await gql(
      app,
      UPDATE_SESSION,
      { id, input: sessionInput({ seats: 20, maxSeatsPerBooker: 21 }) },
      { token: school.owner.token },
    );
    expect(above.errors![0]!.extensions.fields).toEqual([
      { field: 'maxSeatsPerBooker', message: 'validation.seatsPerBookerAboveSeats' },
    ]);
    const set = await gql(
      app,
      UPDATE_SESSION,
      { id, input: sessionInput({ seats: 20, maxSeatsPerBooker: 2 }) },
      { token: school.owner.token },
    );
    expect(set.data!.updateSession).toEqual({ seats: 20, maxSeatsPerBooker: 2 });
    const kept = await gql(
      app,
      UPDATE_SESSION,
      { id, input: sessionInput({ seats: 25 }) },
      { token: school.owner.token },
    );
    expect(kept.data!.updateSession).toEqual({ seats: 25, maxSeatsPerBooker: 2 });
    expect(codeOf(await book(await buildUser(app), id, { participants: people(3) }))).toBe('SEATS_PER_BOOKER');
    const outsider = await buildUser(app, { roles: ['EDUCATOR'] });
    expect(
      codeOf(
        await gql(
          app,
          UPDATE_SESSION,
          { id, input: sessionInput({ maxSeatsPerBooker: 20 }) },
          { token: outsider.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('idempotency keys', () => {
  it('answer a repeated request with its first booking, and anything else with IDEMPOTENCY_KEY_REUSED', async () => {
    const id = await session({ seats: 10 });
    const other = await session({ seats: 10 });
    const booker = await buildUser(app);
    const idempotencyKey = randomUUID();
    const send = (input: Record<string, unknown>) =>
      gql(app, BOOK, { input: withBilling({ idempotencyKey, ...input }) }, { token: booker.token });
    const first = await send({ sessionId: id, participants: people(2) });
    expect((await send({ sessionId: id, participants: people(2) })).data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    expect(codeOf(await send({ sessionId: id, participants: people(3) }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await send({ sessionId: id, participants: people(2, 2) }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await send({ sessionId: id }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await send({ sessionId: other, participants: people(2) }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await gql(app, SESSION, { id: other }, { token: booker.token })).data!.session.viewerSeats).toBe(0);
    // Another person's key is theirs: the same key books for them.
    const someone = await gql(
      app,
      BOOK,
      { input: withBilling({ idempotencyKey, sessionId: other, participants: people(2) }) },
      { token: (await buildUser(app)).token },
    );
    expect(someone.data!.bookSeats.state).toBe('CONFIRMED');
  });

  it('are compared under the session lock too (a full session, the waitlist)', async () => {
    const id = await session({ seats: 1, priceCents: 0 });
    await book(await buildUser(app), id);
    const booker = await buildUser(app);
    const idempotencyKey = randomUUID();
    const send = (input: Record<string, unknown>) =>
      gql(
        app,
        BOOK,
        { input: { sessionId: id, idempotencyKey, whenShort: 'JOIN_WAITLIST', ...input } },
        {
          token: booker.token,
        },
      );
    const first = await send({ participants: people(1) });
    expect(first.data!.bookSeats.state).toBe('WAITLISTED');
    expect((await send({ participants: people(1) })).data!.bookSeats.id).toBe(first.data!.bookSeats.id);
    expect(codeOf(await send({ participants: people(2) }))).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
