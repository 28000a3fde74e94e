/** List fields resolve with a fixed number of queries, however long the list (no N+1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildNeed, buildOrganisation, buildUser, needInput, depsOf } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { createNeed } from '../needs/index.js';

let app: TestApp;
let queries = 0;
beforeAll(async () => {
  // The resolvers' statements are counted, not the rate limit's one per request.
  app = await buildTestApp({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' }, { onQuery: () => queries++ });
});
afterAll(() => app.closeAndDrop());

async function countQueries(run: () => Promise<unknown>) {
  queries = 0;
  await run();
  return queries;
}

describe('loaders', () => {
  it('resolves My needs with their companies and rights in the same number of queries for 3 or 30 needs', async () => {
    const few = await buildOrganisation(app);
    const many = await buildOrganisation(app);
    for (const [org, n] of [
      [few, 3],
      [many, 30],
    ] as const) {
      const viewer = { id: org.owner.id, email: org.owner.email, roles: org.owner.roles, emailVerified: true };
      for (let i = 0; i < n; i++) await createNeed(depsOf(app), viewer, needInput({ organisationId: org.id }));
    }
    const QUERY = `{ myNeeds(first: 50) { nodes { id canEdit organisation { name } } } }`;
    const forFew = await countQueries(() => gql(app, QUERY, {}, { token: few.owner.token }));
    const forMany = await countQueries(() => gql(app, QUERY, {}, { token: many.owner.token }));
    expect(forMany).toBe(forFew);
    expect(forMany).toBeLessThanOrEqual(8);
  });

  it('resolves offers with organisations and sessions in the same number of queries for 2 or 12 courses', async () => {
    const small = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    const large = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    for (let i = 0; i < 2; i++) await buildCourse(app, {}, { organisation: small, publish: false });
    for (let i = 0; i < 12; i++) await buildCourse(app, {}, { organisation: large, publish: false });
    const QUERY = `{ myOffers(first: 50) { nodes { id canEdit organisation { name } sessions { id seatsFree } } } }`;
    const forSmall = await countQueries(() => gql(app, QUERY, {}, { token: small.owner.token }));
    const forLarge = await countQueries(() => gql(app, QUERY, {}, { token: large.owner.token }));
    expect(forLarge).toBe(forSmall);
  });

  it('keeps the member lists of many organisations to one query', async () => {
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    for (let i = 0; i < 5; i++) await buildNeed(app);
    const QUERY = (first: number) => `{ organisations(first: ${first}) { nodes { id members { userId } myRole } } }`;
    const two = await countQueries(() => gql(app, QUERY(2), {}, { token: coordinator.token }));
    const twenty = await countQueries(() => gql(app, QUERY(20), {}, { token: coordinator.token }));
    expect(twenty).toBe(two);
  });
});

describe('booking loaders', () => {
  it("lists a session's bookings with bookers, participants and places in the same number of queries for 2 or 12 bookings", async () => {
    const { randomUUID } = await import('node:crypto');
    const { sessionInput } = await import('../../test/factories.js');
    const idsOf = async (seats: number) => {
      const course = await buildCourse(app, {}, { sessions: [sessionInput({ seats })] });
      const id = (await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id })).data!
        .offer.sessions[0].id;
      for (let i = 0; i < seats; i++) {
        const user = await buildUser(app);
        await gql(
          app,
          `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
          { input: { sessionId: id, idempotencyKey: randomUUID() } },
          { token: user.token },
        );
      }
      return { id, owner: course.org.owner };
    };
    const small = await idsOf(2);
    const large = await idsOf(12);
    const QUERY = `query ($id: ID!) { sessionBookings(sessionId: $id) { id bookerName bookerEmail waitlistPosition canCancel participants { name } session { waitlistCount } offer { title organisation { name } } } }`;
    const forSmall = await countQueries(() => gql(app, QUERY, { id: small.id }, { token: small.owner.token }));
    const forLarge = await countQueries(() => gql(app, QUERY, { id: large.id }, { token: large.owner.token }));
    expect(forLarge).toBe(forSmall);
  });
});
