/**
 * Fixed-window rate limiting in the database, so that every server instance counts the same hits.
 * One statement both counts and answers (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`): of N hits
 * racing on one key with limit L, PostgreSQL's row lock hands out the counts 1…N one at a time, so
 * exactly L are allowed, however many instances they arrive at.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
// Types only: db/schema.ts exports this module's table, and the client imports the schema.
import type { Database } from '../db/client.js';

/**
 * One counter per key and window. `expires_at` (the window's end) lets housekeeping delete old
 * windows with one indexed statement.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);

export interface HitResult {
  /** Whether this hit is within the limit. */
  allowed: boolean;
  /** Hits counted on the key in the current window, this one included. */
  count: number;
  /** When refused, the seconds until the window ends (at least 1); 0 when allowed. */
  retryAfterSeconds: number;
}

/** Keys are built from client input (addresses, e-mail addresses): long ones are stored as a hash. */
const MAX_KEY_LENGTH = 200;
const storedKey = (key: string) =>
  key.length <= MAX_KEY_LENGTH ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;

/**
 * Counts one hit on `key` in the current window of `windowSeconds` (windows are aligned to the
 * epoch, so every instance agrees on them) and says whether it is within `limit`. Refused hits are
 * counted too: hammering does not make the window end sooner, and it ends on time whatever is sent.
 *
 * @example
 * const { allowed, retryAfterSeconds } = await hit(db, `search:${ip}`, 60, 120);
 */
export async function hit(db: Database, key: string, windowSeconds: number, limit: number): Promise<HitResult> {
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1)
    throw new RangeError('windowSeconds must be a positive integer');
  const result = await db.execute(
    sql`
      with bounds as (
        select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as window_start
      )
      insert into rate_limit_counters (key, window_start, expires_at, count)
      select ${storedKey(key)}, window_start, window_start + make_interval(secs => ${windowSeconds}), 1 from bounds
      on conflict (key, window_start) do update set count = rate_limit_counters.count + 1
      returning count, ceil(extract(epoch from expires_at - now())) as retry_after`,
  );
  // Both drivers answer with `{ rows }`; numeric comes back as a string.
  const [row] = (result as unknown as { rows: { count: number; retry_after: string | number }[] }).rows;
  const count = Number(row!.count);
  const allowed = count <= limit;
  return { allowed, count, retryAfterSeconds: allowed ? 0 : Math.max(1, Number(row!.retry_after)) };
}

/** Deletes windows that have ended; cheap (an index on `expires_at`) and safe from every instance. */
export async function deleteExpiredCounters(db: Database): Promise<number> {
  const result = await db.execute(
    sql`with gone as (delete from rate_limit_counters where expires_at < now() returning 1) select count(*)::int as n from gone`,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
