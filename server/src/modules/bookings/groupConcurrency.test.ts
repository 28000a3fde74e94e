/**
 * Bookings naming others (each participant told in the booking's transaction) made at the same
 * moment on one session, as the booking benchmark makes them: none fails, seats add up.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPED_BILLING } from '../../test/billing.js';
import { buildCourse, buildUser, sessionInput } from '../../test/factories.js';
import { buildTestApp, gql, onRealPostgres, type TestApp } from '../../test/helper.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats } }`;

describe.runIf(onRealPostgres)('group bookings at the same moment (real PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app?.closeAndDrop());

  it('books every pair, tells every participant, and no answer is an internal error', async () => {
    const course = await buildCourse(app, {}, { sessions: [sessionInput({ seats: 100 })] });
    const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
    const sessionId = r.data!.offer.sessions[0].id as string;
    const bookers = await Promise.all(Array.from({ length: 20 }, () => buildUser(app)));
    const answers = await Promise.all(
      bookers.map((booker, i) =>
        gql(
          app,
          BOOK,
          {
            input: {
              sessionId,
              idempotencyKey: randomUUID(),
              participants: [
                { name: `A ${i}`, email: `a-${i}-${randomUUID().slice(0, 6)}@example.fi` },
                { name: `B ${i}`, email: `b-${i}-${randomUUID().slice(0, 6)}@example.fi` },
              ],
              billing: TYPED_BILLING,
            },
          },
          { token: booker.token },
        ),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(answers.map((a) => a.data!.bookSeats.state)).toEqual(bookers.map(() => 'CONFIRMED'));
  });
});
