/** Proposal lists resolve with a fixed number of queries, however long the list (no N+1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, depsOf, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { course, courseNeed, placementNeed, student, viewerOf } from '../../test/proposal-factories.js';
import { acceptProposal, proposeMatch } from './index.js';

let app: TestApp;
let queries = 0;
beforeAll(async () => {
  // The resolvers' statements are counted, not the rate limit's one per request.
  app = await buildTestApp({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' }, { onQuery: () => queries++ });
});
afterAll(() => app.closeAndDrop());

async function countQueries(run: () => Promise<unknown>) {
  queries = 0;
  const result = (await run()) as { errors?: unknown };
  expect(result.errors).toBeUndefined();
  return queries;
}

/** A coordinator and `n` proposals of every kind to their own company's needs, some accepted. */
async function proposalsOf(n: number): Promise<TestUser> {
  const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  const company = await buildOrganisation(app);
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  const offer = await course(app, school);
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const need = kind === 2 ? await placementNeed(app, company) : await courseNeed(app, company);
    const target =
      kind === 0
        ? { targetKind: 'OFFER', offerId: offer.id }
        : kind === 1
          ? { targetKind: 'SESSION', sessionId: offer.sessionId }
          : { targetKind: 'STUDENT', studentId: (await student(app)).id };
    const made = await proposeMatch(depsOf(app), viewerOf(coordinator), { needId: need.id, ...target, note: 'Hei' });
    if (i % 2 === 0) await acceptProposal(depsOf(app), viewerOf(company.owner), made.id);
  }
  return coordinator;
}

describe('proposal loaders', () => {
  it('lists proposals with needs, targets, answers, sides, actions and matches in the same number of queries for 3 or 12', async () => {
    const few = await proposalsOf(3);
    const many = await proposalsOf(12);
    const QUERY = `{ myProposals(first: 50) { totalCount nodes {
      id state origin note proposerName viewerSides actions createdAt
      need { title organisation { name } }
      target { kind title organisationName offer { title } session { startsAt } studentProfile { displayName } }
      needAnswer { answer answeredByName } targetAnswer { answer answeredByName }
      matchMade { minutesToMatch }
    } } }`;
    const forFew = await countQueries(() => gql(app, QUERY, {}, { token: few.token }));
    const forMany = await countQueries(() => gql(app, QUERY, {}, { token: many.token }));
    expect(forMany).toBe(forFew);
    expect(forMany).toBeLessThanOrEqual(26);
  });
});
