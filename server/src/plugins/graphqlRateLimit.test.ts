import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { buildUser } from '../test/factories.js';
import { buildTestApp, openTestDatabase, startOfRateWindow, testConfig, type TestApp } from '../test/helper.js';

const LIMIT = 3;
const QUERY = '{ search(first: 1) { totalCount } }';

/** A request from a given client address (inject's default is 127.0.0.1). */
const from = (remoteAddress: string, token?: string) =>
  ({
    method: 'POST',
    url: '/graphql',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query: QUERY }),
  }) as const;

let app: TestApp;
let statements: string[] = [];
beforeAll(async () => {
  app = await buildTestApp(
    { GRAPHQL_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    { onQuery: (query) => void statements.push(query) },
  );
});
afterAll(() => app.closeAndDrop());

describe('the GraphQL rate limit', () => {
  beforeEach(() => startOfRateWindow());

  it('answers 429 RATE_LIMITED with Retry-After once a visitor has used their minute', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await app.inject(from('192.0.2.1'))).statusCode).toBe(200);
    const refused = await app.inject(from('192.0.2.1'));
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Too many requests; try again in a moment',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    // Another address is counted on its own.
    expect((await app.inject(from('192.0.2.2'))).statusCode).toBe(200);
  });

  it('counts a signed-in user by their id, wherever they connect from', async () => {
    const user = await buildUser(app);
    // Their address has used its minute already; the user has not.
    for (let i = 0; i < LIMIT; i++) await app.inject(from('192.0.2.3'));
    expect((await app.inject(from('192.0.2.3'))).statusCode).toBe(429);
    expect((await app.inject(from('192.0.2.3', user.token))).statusCode).toBe(200);
    expect((await app.inject(from('192.0.2.4', user.token))).statusCode).toBe(200);
    expect((await app.inject(from('192.0.2.5', user.token))).statusCode).toBe(200);
    const refused = await app.inject(from('192.0.2.6', user.token));
    expect(refused.statusCode).toBe(429);
    // A forged token does not buy a fresh count: it is counted by address.
    expect((await app.inject(from('192.0.2.3', 'not-a-token'))).statusCode).toBe(429);
  });

  it('costs one statement per request', async () => {
    statements = [];
    await app.inject(from('192.0.2.7'));
    expect(statements.filter((s) => s.includes('rate_limit_counters'))).toHaveLength(1);
  });

  it('holds across instances sharing the database', async () => {
    const { handle, url, drop } = await openTestDatabase();
    const config = testConfig({ GRAPHQL_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    const first = await buildApp(config, { database: handle, logger: false });
    // The second instance: its own pool on PostgreSQL; on PGlite (one process) the same database.
    const second = await buildApp(config, {
      database: url ? await openDatabase({ kind: 'postgres', url }) : { ...handle, close: async () => {} },
      logger: false,
    });
    try {
      await Promise.all([first.ready(), second.ready()]);
      await startOfRateWindow();
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) {
        statuses.push((await (i % 2 ? second : first).inject(from('192.0.2.8'))).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await second.close();
      await first.close();
      await drop();
    }
  });
});
