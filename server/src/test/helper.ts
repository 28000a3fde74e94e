/**
 * Builds the app for a test on its own database: PGlite in memory by default, or a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '../db/client.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
/** Concurrency is only meaningful on a real server: PGlite runs one query at a time. */
export const onRealPostgres = Boolean(TEST_DATABASE_URL);

export type App = Awaited<ReturnType<typeof buildApp>>;
export type TestApp = App & { closeAndDrop(): Promise<void> };

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    SEED_DEMO_DATA: 'false',
    // Tests deliver the outbox themselves (deliverDue), so that nothing races them.
    MAIL_DELIVERY: 'false',
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-test-')),
    WEB_DIST: join(tmpdir(), 'kv-no-web'),
    ...env,
  });
}

let template: Blob | undefined;
/** The migrated PGlite database the run's global setup saved, read once per test file. */
function migratedCopy(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  template ??= new Blob([readFileSync(file)]);
  return template;
}

/** A new database for one test file, with every migration applied (the app applies any missing). */
export async function openTestDatabase(options: OpenOptions = {}): Promise<{
  handle: DatabaseHandle;
  url: string | null;
  drop: () => Promise<void>;
}> {
  if (!TEST_DATABASE_URL) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, from: migratedCopy() }, options);
    return { handle, url: null, drop: async () => {} };
  }
  const name = `kv_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    handle: await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 }, options),
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function buildTestApp(env: Record<string, string> = {}, options: OpenOptions = {}): Promise<TestApp> {
  const { handle, drop } = await openTestDatabase(options);
  const app = await buildApp(testConfig(env), { database: handle, logger: false });
  await app.ready();
  const close = async () => {
    await app.close();
    await drop();
  };
  return Object.assign(app, { closeAndDrop: close });
}

/**
 * Two app instances on one fresh real PostgreSQL database, as behind a load balancer: the first
 * ready for `inject`, the second listening on a loopback port (for WebSocket subscribers).
 */
export async function buildTwoInstances(): Promise<{ first: App; second: App; close(): Promise<void> }> {
  const database = await openTestDatabase();
  const first = await buildApp(testConfig(), { database: database.handle, logger: false });
  await first.ready();
  const other = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 5 });
  const second = await buildApp(testConfig(), { database: other, logger: false });
  await second.listen({ port: 0, host: '127.0.0.1' });
  return {
    first,
    second,
    close: async () => {
      await second.close();
      await first.close();
      await database.drop();
    },
  };
}

export interface GqlOptions {
  token?: string;
  /** Refresh cookie value to send. */
  refresh?: string;
  headers?: Record<string, string>;
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; extensions: { code: string; [key: string]: any } }[];
  /** The refresh cookie the response set ('' when it was cleared), if any. */
  refresh?: string;
  body: string;
}

/** Sends one GraphQL request through `inject`. */
export async function gql<T = Record<string, any>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  options: GqlOptions = {},
): Promise<GqlResult<T>> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.refresh ? { cookie: `kv_refresh=${options.refresh}` } : {}),
      ...options.headers,
    },
    payload: JSON.stringify({ query, variables }),
  });
  const body = response.json();
  const cookie = response.cookies.find((c) => c.name === 'kv_refresh');
  return {
    status: response.statusCode,
    data: body.data ?? null,
    errors: body.errors,
    refresh: cookie?.value,
    body: response.body,
  };
}

/** The error code of the first error, for terse assertions. */
export const codeOf = (result: GqlResult) => result.errors?.[0]?.extensions.code;

/**
 * Pages through a list one row at a time (`first: 1` in `query`, which takes `$after`), following
 * endCursor, and returns the ids in the order served with each page's totalCount; for the tests that
 * prove a list loses and repeats nothing between pages.
 */
export async function pageOneByOne(
  app: App,
  query: string,
  pick: (data: Record<string, any>) => {
    totalCount: number;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  },
  options: GqlOptions & { variables?: Record<string, unknown> } = {},
): Promise<{ ids: string[]; totalCounts: number[] }> {
  const ids: string[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  for (let round = 0; round < 100; round++) {
    const result: GqlResult = await gql(app, query, { ...options.variables, after }, options);
    if (result.errors) throw new Error(`page ${round + 1}: ${JSON.stringify(result.errors)}`);
    const page = pick(result.data!);
    ids.push(...page.nodes.map((n) => n.id));
    totalCounts.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { ids, totalCounts };
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/**
 * Rate limits count in windows aligned to the epoch (lib/rateLimit.ts): a test that counts hits
 * up to a limit must make them all in one window. Waits for the next window when less than
 * `marginMs` of this one is left.
 */
export async function startOfRateWindow(windowSeconds = 60, marginMs = 10_000): Promise<void> {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
