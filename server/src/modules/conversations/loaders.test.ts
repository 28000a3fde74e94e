/** Thread lists resolve with a fixed number of queries, however long the list (no N+1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildNeed, buildOrganisation, buildUser, depsOf } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { sendMessage } from './commands.js';

let app: TestApp;
let queries = 0;
beforeAll(async () => {
  // The resolvers' statements are counted, not the rate limit's one per request.
  app = await buildTestApp({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' }, { onQuery: () => queries++ });
});
afterAll(() => app.closeAndDrop());

async function countQueries(run: () => Promise<{ errors?: unknown }>) {
  queries = 0;
  expect((await run()).errors).toBeUndefined();
  return queries;
}

describe('conversation loaders', () => {
  it('lists threads with last messages, authors and unread counts in the same number of queries for 2 or 10', async () => {
    const few = await buildUser(app, { roles: ['STUDENT'] });
    const many = await buildUser(app, { roles: ['STUDENT'] });
    for (const [student, n] of [
      [few, 2],
      [many, 10],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const company = await buildOrganisation(app);
        const need = await buildNeed(app, { organisationId: company.id }, { owner: company.owner });
        const application = await buildApplication(app, need, { student });
        const owner = {
          id: company.owner.id,
          email: company.owner.email,
          roles: company.owner.roles,
          emailVerified: true,
        };
        await sendMessage(depsOf(app), owner, 'APPLICATION', application.id, { body: `Hei, kiitos hakemuksesta ${i}` });
      }
    }
    const QUERY = `{ myConversations(first: 50) { totalCount nodes { id title unreadCount lastMessage { body authorName mine } } } unreadMessageCount }`;
    const forFew = await countQueries(() => gql(app, QUERY, {}, { token: few.token }));
    const forMany = await countQueries(() => gql(app, QUERY, {}, { token: many.token }));
    expect(forMany).toBe(forFew);
  });
});
