/**
 * Deleting an account while the same person books, on real PostgreSQL (PGlite runs one query at a
 * time, so a race there proves nothing): whichever comes first, no live booking is left on an
 * erased account. Erasure locks the account row, then sessions; a booking locks the account row
 * (FOR KEY SHARE, checking it is not erased) before its session's, so the two take turns.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildUser,
  depsOf,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import {
  buildTestApp,
  codeOf,
  gql,
  onRealPostgres,
  TEST_DATABASE_URL,
  type GqlResult,
  type TestApp,
} from '../../test/helper.js';
import { eraseAccount } from './index.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;

describe.runIf(onRealPostgres)('deletion racing the same person’s writes (real PostgreSQL)', () => {
  let app: TestApp;
  let dbUrl: string;
  beforeAll(async () => {
    app = await buildTestApp();
    const [row] = await queryRows<{ db: string }>(app.db, sql`select current_database() as db`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${row!.db}`;
    dbUrl = url.toString();
  }, 60_000);
  afterAll(() => app?.closeAndDrop());

  /** Until `count` of the app's statements wait for a lock (polled: PostgreSQL announces no wait). */
  async function waitForLockWaits(count: number) {
    for (let i = 0; i < 200; i++) {
      const [row] = await queryRows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      if (row!.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`fewer than ${count} statements waited for a lock`);
  }

  async function sessionOf() {
    const course = await buildCourse(app, {}, { sessions: [sessionInput({ seats: 5, priceCents: 0 })] });
    const [row] = await queryRows<{ id: string }>(
      app.db,
      sql`select id from course_sessions where offer_id = ${course.id}`,
    );
    return row!.id;
  }

  const book = (who: TestUser, sessionId: string) =>
    gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID() } }, { token: who.token });

  /** The person's bookings that hold or wait for seats, and the session's taken seats. */
  async function outcome(userId: string, sessionId: string) {
    const live = await queryRows<{ id: string }>(
      app.db,
      sql`select id from bookings where booked_by = ${userId} and state in ('CONFIRMED', 'OFFERED', 'WAITLISTED')`,
    );
    const [session] = await queryRows<{ seats_taken: number }>(
      app.db,
      sql`select seats_taken from course_sessions where id = ${sessionId}`,
    );
    return { live: live.length, seatsTaken: session!.seats_taken };
  }

  it('a booking in flight when the deletion starts is cancelled by it', async () => {
    const person = await buildUser(app);
    const sessionId = await sessionOf();
    // Someone else's change of the session holds its lock: the booking waits behind it.
    const other = new pg.Client({ connectionString: dbUrl });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from course_sessions where id = $1 for update', [sessionId]);
      const booking = book(person, sessionId);
      await waitForLockWaits(1);
      const erasure = eraseAccount(depsOf(app), person.id, { by: person, action: 'ACCOUNT_DELETED' });
      await waitForLockWaits(2);
      await other.query('rollback');
      const [booked, erased] = await Promise.all([booking, erasure]);
      expect(erased).toBe(true);
      // The booking went through first and the deletion cancelled it.
      expect(booked.errors).toBeUndefined();
    } finally {
      await other.end();
    }
    expect(await outcome(person.id, sessionId)).toEqual({ live: 0, seatsTaken: 0 });
  });

  it('a booking that arrives while the deletion holds the account is refused', async () => {
    const person = await buildUser(app);
    const sessionId = await sessionOf();
    // The deletion's first step, held open: the account row locked, then anonymised.
    const erasing = new pg.Client({ connectionString: dbUrl });
    await erasing.connect();
    try {
      await erasing.query('begin');
      await erasing.query('select id from users where id = $1 for update', [person.id]);
      const booking = book(person, sessionId);
      await waitForLockWaits(1);
      await erasing.query(
        `update users set anonymised_at = now(), email = 'erased-' || id || '@erased.invalid', token_version = token_version + 1
         where id = $1`,
        [person.id],
      );
      await erasing.query('commit');
      expect(codeOf(await booking)).toBe('UNAUTHENTICATED');
    } finally {
      await erasing.end();
    }
    expect(await outcome(person.id, sessionId)).toEqual({ live: 0, seatsTaken: 0 });
  });

  it('many bookings racing one deletion leave no live booking and no seat taken', async () => {
    const person = await buildUser(app);
    const sessions = await Promise.all([sessionOf(), sessionOf(), sessionOf()]);
    const bookings = Array.from({ length: 9 }, (_, i) => book(person, sessions[i % 3]!));
    const erasure = eraseAccount(depsOf(app), person.id, { by: person, action: 'ACCOUNT_DELETED' });
    const results = await Promise.all(bookings);
    expect(await erasure).toBe(true);
    for (const result of results) if (result.errors) expect(codeOf(result)).toBe('UNAUTHENTICATED');
    for (const sessionId of sessions) {
      expect(await outcome(person.id, sessionId)).toEqual({ live: 0, seatsTaken: 0 });
    }
  });

  /**
   * The person's other writes take the same turn: each waits for a deletion holding the account and
   * then writes nothing (before, the wait ended in a letter, a message, a profile or a saved search
   * on an erased account).
   */
  describe('a write that arrives while the deletion holds the account is refused', () => {
    const APPLY = `mutation ($input: ApplyInput!) { applyToNeed(input: $input) { id } }`;
    const MESSAGE = `mutation ($id: ID!) { sendMessage(subjectKind: APPLICATION, subjectId: $id, body: "Hei vielä") { id } }`;
    const PROFILE = `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId } }`;
    const SEARCH = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`;

    const cases: [string, (student: TestUser) => Promise<() => Promise<GqlResult>>, string][] = [
      [
        'an application',
        async (student) => {
          const need = await buildNeed(app, { kind: 'INTERNSHIP' });
          return () =>
            gql(
              app,
              APPLY,
              { input: { needId: need.id, coverLetter: 'Hakemus odotti lukkoa.' } },
              { token: student.token },
            );
        },
        'select count(*)::int as n from applications where student_id = $1',
      ],
      [
        'a message',
        async (student) => {
          const application = await buildApplication(app, undefined, { student });
          return () => gql(app, MESSAGE, { id: application.id }, { token: student.token });
        },
        `select count(*)::int as n from messages where author_id = $1 and body <> '[removed]'`,
      ],
      [
        'a profile',
        async (student) => async () =>
          gql(
            app,
            PROFILE,
            {
              input: {
                institutionName: 'Lapin AMK',
                fieldOfStudy: 'Energiatekniikka',
                studyLevel: 'BACHELOR',
                topics: ['firewood'],
                languages: ['fi'],
                discoverable: true,
              },
            },
            { token: student.token },
          ),
        'select count(*)::int as n from student_profiles where user_id = $1',
      ],
      [
        'a saved search',
        async (student) => async () =>
          gql(
            app,
            SEARCH,
            { input: { name: 'Aurinko', path: '/search?text=aurinko', filter: { text: 'aurinko' }, alert: 'NONE' } },
            { token: student.token },
          ),
        'select count(*)::int as n from saved_searches where user_id = $1',
      ],
    ];

    it.each(cases)('%s', async (_what, prepare, countSql) => {
      const student = await buildUser(app, { roles: ['STUDENT'] });
      const write = await prepare(student);
      const erasing = new pg.Client({ connectionString: dbUrl });
      await erasing.connect();
      try {
        await erasing.query('begin');
        await erasing.query('select id from users where id = $1 for update', [student.id]);
        const request = write();
        await waitForLockWaits(1);
        await erasing.query(
          `update users set anonymised_at = now(), email = 'erased-' || id || '@erased.invalid', token_version = token_version + 1
           where id = $1`,
          [student.id],
        );
        await erasing.query(`update messages set body = '[removed]' where author_id = $1`, [student.id]);
        await erasing.query('commit');
        expect(codeOf(await request)).toBe('UNAUTHENTICATED');
      } finally {
        await erasing.end();
      }
      const [left] = await queryRows<{ n: number }>(app.db, sql.raw(countSql.replace('$1', `'${student.id}'`)));
      expect(left!.n).toBe(0);
    });
  });
});
