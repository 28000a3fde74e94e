/**
 * Seats under concurrency, on real PostgreSQL (PGlite runs one query at a time, so a race there
 * proves nothing): these run when TEST_DATABASE_URL is set, as in CI.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildCourse, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, TEST_DATABASE_URL, type TestApp } from '../../test/helper.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats } }`;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i}`, email: `p${i}@example.fi` }));

describe.runIf(onRealPostgres)('seats under concurrency (real PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app?.closeAndDrop());

  /** The database of this app, for a second connection of our own. */
  let dbUrl: string;
  beforeAll(async () => {
    const [row] = await queryRows<{ db: string }>(app.db, sql`select current_database() as db`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${row!.db}`;
    dbUrl = url.toString();
  });

  /**
   * Until `count` statements of the app wait for a lock (held by our own connection, or by each
   * other). PostgreSQL announces no lock wait, so pg_stat_activity is polled: the test goes on as
   * soon as the wait shows (not after a fixed sleep), and fails after 5 s.
   */
  async function waitForLockWait(sessionId: string, count = 1) {
    for (let i = 0; i < 200; i++) {
      const waiting = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      if (waiting[0]!.n >= count) return;
      // The poll's interval, not a wait for an outcome.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no booking waited for session ${sessionId}`);
  }

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

  it('parallel bookings by one booker never pass the seats-per-booker cap, confirmed or waitlisted', async () => {
    const capped = async (seats: number, maxSeatsPerBooker: number) => {
      const course = await buildCourse(
        app,
        {},
        { sessions: [sessionInput({ seats, maxSeatsPerBooker, priceCents: 0 })] },
      );
      return (await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id })).data!.offer
        .sessions[0].id as string;
    };
    const held = async (sessionId: string, userId: string) =>
      (
        await queryRows<{ seats: number }>(
          app.db,
          sql`select coalesce(sum(seats), 0)::int as seats from bookings
              where session_id = ${sessionId} and booked_by = ${userId} and state <> 'CANCELLED'`,
        )
      )[0]!.seats;
    // Seats free for all; then a session someone else has nearly filled, where they wait.
    for (const [seats, cap, taken, whenShort] of [
      [50, 10, 0, null],
      [7, 7, 6, 'JOIN_WAITLIST'],
    ] as const) {
      const id = await capped(seats, cap);
      if (taken)
        await gql(
          app,
          BOOK,
          { input: { sessionId: id, idempotencyKey: randomUUID(), participants: people(taken) } },
          { token: (await buildUser(app)).token },
        );
      const booker = await buildUser(app);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          gql(
            app,
            BOOK,
            { input: { sessionId: id, idempotencyKey: randomUUID(), participants: people(2), whenShort } },
            { token: booker.token },
          ),
        ),
      );
      expect(new Set(results.filter((r) => r.errors).map(codeOf))).toEqual(new Set(['SEATS_PER_BOOKER']));
      const booked = results.filter((r) => !r.errors).reduce((n, r) => n + r.data!.bookSeats.seats, 0);
      expect(booked).toBe(cap - (cap % 2));
      expect(await held(id, booker.id)).toBe(booked);
    }
  });

  it('a booking that commits while the one-statement booking waits for the session is counted', async () => {
    // The statement reads the booker's seats in its snapshot, then waits for the row lock: when
    // it gets it, a booking committed meanwhile must send it to the locked path, which counts it.
    const id = await sessionOf(20);
    await app.db.execute(sql`update course_sessions set max_seats_per_booker = 4 where id = ${id}`);
    const booker = await buildUser(app);
    const other = new pg.Client({ connectionString: dbUrl });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('update course_sessions set seats_taken = seats_taken + 3 where id = $1', [id]);
      await other.query(
        `insert into bookings (session_id, booked_by, state, seats, idempotency_key, confirmed_at)
         values ($1, $2, 'CONFIRMED', 3, $3, now())`,
        [id, booker.id, randomUUID()],
      );
      const pending = gql(
        app,
        BOOK,
        { input: { sessionId: id, idempotencyKey: randomUUID(), participants: people(2) } },
        { token: booker.token },
      );
      await waitForLockWait(id);
      await other.query('commit');
      const result = await pending;
      expect(codeOf(result)).toBe('SEATS_PER_BOOKER');
      expect(result.errors![0]!.extensions).toMatchObject({ seatsHeld: 3, seatsAsked: 2 });
      expect(await seatsTaken(id)).toBe(3);
    } finally {
      await other.end();
    }
  });

  it('a waitlisted booking that commits while the one-statement booking waits is counted too', async () => {
    // A waitlisted booking takes no seat, yet it counts against the cap: the locked path writes the
    // session's row all the same, or the waiting statement would go on with its stale count.
    const id = await sessionOf(4);
    await app.db.execute(sql`update course_sessions set seats_taken = 2, max_seats_per_booker = 4 where id = ${id}`);
    const booker = await buildUser(app);
    const waitKey = randomUUID();
    const other = new pg.Client({ connectionString: dbUrl });
    await other.connect();
    try {
      // Our own uncommitted row with the key the waitlisted booking will use (on another session, so
      // as not to lock this one) holds it at its insert, after it has taken the session's lock and counted.
      const elsewhere = await sessionOf(4);
      await other.query('begin');
      await other.query(
        `insert into bookings (session_id, booked_by, state, seats, idempotency_key, cancelled_at, cancel_reason)
         values ($1, $2, 'CANCELLED', 1, $3, now(), 'BY_BOOKER')`,
        [elsewhere, booker.id, waitKey],
      );
      const waitlisted = gql(
        app,
        BOOK,
        { input: { sessionId: id, idempotencyKey: waitKey, participants: people(3), whenShort: 'JOIN_WAITLIST' } },
        { token: booker.token },
      );
      await waitForLockWait(id, 1);
      const fits = gql(
        app,
        BOOK,
        { input: { sessionId: id, idempotencyKey: randomUUID(), participants: people(2) } },
        { token: booker.token },
      );
      await waitForLockWait(id, 2);
      await other.query('rollback');
      expect((await waitlisted).data!.bookSeats).toMatchObject({ state: 'WAITLISTED', seats: 3 });
      expect(codeOf(await fits)).toBe('SEATS_PER_BOOKER');
      expect(await seatsTaken(id)).toBe(2);
    } finally {
      await other.end();
    }
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
