/**
 * Seats under concurrency, on real PostgreSQL (PGlite runs one query at a time, so a race there
 * proves nothing): these run when TEST_DATABASE_URL is set, as in CI.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildCourse, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type TestApp } from '../../test/helper.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats } }`;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i}`, email: `p${i}@example.fi` }));

describe.runIf(onRealPostgres)('seats under concurrency (real PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app?.closeAndDrop());

  async function sessionOf(seats: number, priceCents = 0) {
    const course = await buildCourse(app, {}, { sessions: [sessionInput({ seats, priceCents })] });
    return (await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id })).data!.offer
      .sessions[0].id as string;
  }

  const seatsTaken = async (id: string) =>
    (
      await queryRows<{ seats_taken: number }>(app.db, sql`select seats_taken from course_sessions where id = ${id}`)
    )[0]!.seats_taken;
  const waitlist = (id: string) =>
    queryRows<{ id: string; queue_number: string; booked_by: string }>(
      app.db,
      sql`select id, queue_number, booked_by from bookings where session_id = ${id} and state = 'WAITLISTED' order by queue_number`,
    );

  it('200 concurrent requests for 1–3 seats on a 20-seat session: exactly 20 taken, the rest waitlisted in order, no errors', async () => {
    const id = await sessionOf(20);
    const users = await Promise.all(Array.from({ length: 200 }, () => buildUser(app)));
    const results = await Promise.all(
      users.map((user, i) =>
        gql(
          app,
          BOOK,
          {
            input: {
              sessionId: id,
              idempotencyKey: randomUUID(),
              participants: people((i % 3) + 1),
              whenShort: 'JOIN_WAITLIST',
            },
          },
          { token: user.token },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const confirmed = results.filter((r) => r.data!.bookSeats.state === 'CONFIRMED');
    const confirmedSeats = confirmed.reduce((n, r) => n + r.data!.bookSeats.seats, 0);
    expect(confirmedSeats).toBe(20);
    expect(await seatsTaken(id)).toBe(20);
    const waiting = await waitlist(id);
    expect(waiting).toHaveLength(200 - confirmed.length);
    // Arrival order: queue numbers are handed out under the session lock, strictly increasing.
    const numbers = waiting.map((w) => Number(w.queue_number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('the same idempotency key sent 20 times at once books once', async () => {
    const id = await sessionOf(50);
    const user = await buildUser(app);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        gql(
          app,
          BOOK,
          { input: { sessionId: id, idempotencyKey: key, participants: people(2) } },
          { token: user.token },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.bookSeats.id)).size).toBe(1);
    expect(await seatsTaken(id)).toBe(2);
  });

  it('concurrent cancellations and claims keep the waitlist order', async () => {
    // Ten single seats, all taken; ten in the waitlist. On a paid course freed seats are offered.
    const id = await sessionOf(10, 5_000);
    const holders: { user: TestUser; booking: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const user = await buildUser(app);
      holders.push({
        user,
        booking: (
          await gql(app, BOOK, { input: { sessionId: id, idempotencyKey: randomUUID() } }, { token: user.token })
        ).data!.bookSeats.id,
      });
    }
    const waiters: { user: TestUser; booking: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const user = await buildUser(app);
      const r = await gql(
        app,
        BOOK,
        { input: { sessionId: id, idempotencyKey: randomUUID(), whenShort: 'JOIN_WAITLIST' } },
        { token: user.token },
      );
      waiters.push({ user, booking: r.data!.bookSeats.id });
    }
    // Five holders cancel at once: the first five in line get offers, the last five keep waiting.
    const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { state } }`;
    const cancels = await Promise.all(
      holders.slice(0, 5).map((h) => gql(app, CANCEL, { id: h.booking }, { token: h.user.token })),
    );
    expect(cancels.map(codeOf)).toEqual(Array(5).fill(undefined));
    const stateOf = async (bookingId: string) =>
      (await queryRows<{ state: string }>(app.db, sql`select state from bookings where id = ${bookingId}`))[0]!.state;
    expect(await Promise.all(waiters.map((w) => stateOf(w.booking)))).toEqual([
      ...Array(5).fill('OFFERED'),
      ...Array(5).fill('WAITLISTED'),
    ]);
    // Claims and more cancellations race: offers are claimed, freed seats go to the next in line.
    const CLAIM = `mutation ($id: ID!) { claimBooking(id: $id) { state } }`;
    const raced = await Promise.all([
      ...waiters.slice(0, 5).map((w) => gql(app, CLAIM, { id: w.booking }, { token: w.user.token })),
      ...holders.slice(5, 8).map((h) => gql(app, CANCEL, { id: h.booking }, { token: h.user.token })),
    ]);
    expect(raced.map(codeOf)).toEqual(Array(8).fill(undefined));
    expect(await Promise.all(waiters.map((w) => stateOf(w.booking)))).toEqual([
      ...Array(5).fill('CONFIRMED'),
      ...Array(3).fill('OFFERED'),
      ...Array(2).fill('WAITLISTED'),
    ]);
    expect(await seatsTaken(id)).toBe(10);
  });
});
