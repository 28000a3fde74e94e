/**
 * Opens the database: PGlite (embedded, data on disk or in memory) by default, real PostgreSQL
 * through `pg` when a URL is given. Both give the same drizzle API over the same schema.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction is a Database too; use cases accept either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseTarget =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /**
       * An in-memory database starts as this copy of another's data directory (PGlite's
       * `dumpDataDir`) rather than from an empty cluster: tests start from one migrated copy.
       */
      from?: Blob;
    }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseTarget['kind'];
  /** Runs `fn` holding a session-wide lock, so that only one instance migrates or seeds at a time. */
  withExclusiveLock<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /**
   * LISTEN on a channel: `onPayload` gets every NOTIFY payload, from this process or any other
   * sharing the database. Returns a function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Arbitrary, stable key for the migration/seed advisory lock. */
const STARTUP_LOCK_KEY = 4_219_001;

export interface OpenOptions {
  /** Called with every SQL statement drizzle sends (tests count queries with it). */
  onQuery?: (query: string) => void;
}

/**
 * Settings of every connection the app opens to PostgreSQL: no parallel query. The app's statements
 * are small and many run at once, so one spread over workers takes cores that other requests need;
 * and on small tables the planner chose it wrongly (a matching statement took 15 ms in a parallel
 * seq scan where its index takes 1.4 ms).
 */
export const CONNECTION_OPTIONS = '-c max_parallel_workers_per_gather=0';

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const client = target.dataDir
      ? new PGlite(target.dataDir)
      : new PGlite(target.from ? { loadDataDir: target.from } : {});
    await client.waitReady;
    const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      // PGlite is one connection inside one process: nothing else can run at the same time.
      withExclusiveLock: (fn) => fn(db),
      ping: async () => {
        await client.query('select 1');
      },
      listen: async (channel, onPayload) => client.listen(channel, onPayload),
      close: () => client.close(),
    };
  }

  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, options: CONNECTION_OPTIONS });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, logger }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async withExclusiveLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await fn(drizzlePg({ client, schema }) as unknown as Database);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    listen: (channel, onPayload) => listenOnPostgres(target.url, channel, onPayload),
    close: () => pool.end(),
  };
}

/**
 * A dedicated connection for LISTEN (a pooled one would be handed to queries). When it drops it
 * reconnects after a second, and keeps trying, until stopped; notifications sent while it is
 * down are missed, so listeners should treat a payload as "look again", not as the data itself.
 */
async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void) {
  let stopped = false;
  let client: pg.Client | null = null;
  let connected = false;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    const retry = () => {
      if (client === next) client = null;
      if (!stopped) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    };
    next.on('error', () => {});
    next.on('end', retry);
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      client = next;
      connected = true;
    } catch (error) {
      next.removeListener('end', retry);
      await next.end().catch(() => {});
      if (client === null && !stopped && connected) retry();
      else throw error;
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A unique constraint's violation (drizzle may wrap the driver's error in `cause`). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code ? e : e?.cause;
  return pgError?.code === '23505' && (pgError.constraint ?? '').includes(constraint);
}

/**
 * A foreign key's violation: a row still referred to (23001 under ON DELETE RESTRICT, 23503 under
 * NO ACTION), or a reference to nothing (23503).
 */
export function isForeignKeyViolation(error: unknown, constraint = ''): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code ? e : e?.cause;
  return (pgError?.code === '23001' || pgError?.code === '23503') && (pgError.constraint ?? '').includes(constraint);
}

const dialect = new PgDialect();

/**
 * Runs a statement as a named prepared statement on a PostgreSQL pool: parsed and planned once per
 * connection rather than on every call (for a hot statement whose planning costs more than its
 * execution). Inside a transaction, and on PGlite, it simply runs. Without a name, the statement
 * is named after its text: for statements built in a few shapes, each shape prepared once (each
 * costs about 400 kB per connection while it lasts, so keep the shapes few).
 */
export async function preparedRows<T>(db: Database, name: string | null, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  name ??= `q_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  // Tell drizzle's logger, as drizzle would: query counting in tests and the benchmarks read it.
  const session = (db as unknown as { session?: { logger?: { logQuery(q: string, p: unknown[]): void } } }).session;
  session?.logger?.logQuery(text, params as unknown[]);
  const result = await client.query({ name, text, values: params as unknown[] });
  return result.rows as T[];
}
