/** Application lists resolve with a fixed number of queries, however long the list (no N+1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildNeed, buildOrganisation, buildUser, depsOf } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { saveStudentProfile } from '../profiles/index.js';

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

/** A need with `n` applicants in different states, half of them with a profile. */
async function needWith(n: number) {
  const company = await buildOrganisation(app);
  const need = await buildNeed(app, { organisationId: company.id, positions: 100 }, { owner: company.owner });
  const states = ['SUBMITTED', 'SHORTLISTED', 'OFFERED', 'REJECTED'] as const;
  for (let i = 0; i < n; i++) {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    if (i % 2 === 0) {
      await saveStudentProfile(
        depsOf(app),
        { id: student.id, email: student.email, roles: student.roles, emailVerified: true },
        {
          institutionName: 'Lappia',
          fieldOfStudy: 'Sähköala',
          studyLevel: 'VOCATIONAL',
          topics: ['solar-pv'],
          languages: ['fi'],
          discoverable: false,
        },
      );
    }
    await buildApplication(app, need, { student, state: states[i % states.length] });
  }
  return { need, owner: company.owner };
}

describe('application loaders', () => {
  it("lists a need's applicants with names, profiles, timelines, actions and the need in the same number of queries for 2 or 12", async () => {
    const small = await needWith(2);
    const large = await needWith(12);
    const QUERY = `query ($id: ID!) { needApplications(needId: $id, first: 50) { totalCount nodes {
      id state studentName coverLetter actions rejectReason
      profile { fieldOfStudy studyLevel }
      events { fromState toState actor at }
      need { title applicationCount myApplication { id } canEdit organisation { name } }
    } } }`;
    const forSmall = await countQueries(() => gql(app, QUERY, { id: small.need.id }, { token: small.owner.token }));
    const forLarge = await countQueries(() => gql(app, QUERY, { id: large.need.id }, { token: large.owner.token }));
    expect(forLarge).toBe(forSmall);
    expect(forLarge).toBeLessThanOrEqual(16);
  });

  it("lists a student's applications with their needs and companies in the same number of queries for 2 or 12", async () => {
    const few = await buildUser(app, { roles: ['STUDENT'] });
    const many = await buildUser(app, { roles: ['STUDENT'] });
    for (const [student, n] of [
      [few, 2],
      [many, 12],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const company = await buildOrganisation(app);
        const need = await buildNeed(app, { organisationId: company.id }, { owner: company.owner });
        await buildApplication(app, need, { student });
      }
    }
    const QUERY = `{ myApplications(first: 50) { nodes { id state actions events { toState } need { title state organisation { name } } } } }`;
    const forFew = await countQueries(() => gql(app, QUERY, {}, { token: few.token }));
    const forMany = await countQueries(() => gql(app, QUERY, {}, { token: many.token }));
    expect(forMany).toBe(forFew);
  });
});
