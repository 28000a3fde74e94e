/**
 * Sign-in throttling: failures are counted per account and per client address in a sliding
 * window, in the database so that every server instance counts the same failures.
 */
import { and, count, eq, gt, lt, min, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { signInFailures } from './tables.js';

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowMinutes: number;
}

const accountKey = (email: string) => `account:${email}`;
const addressKey = (ip: string) => `address:${ip}`;

async function failuresIn(db: Database, key: string, windowMinutes: number) {
  const [row] = await db
    .select({ n: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.key, key),
        gt(signInFailures.createdAt, sql`now() - make_interval(mins => ${windowMinutes})`),
      ),
    );
  return { n: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** Throws RATE_LIMITED, with the seconds to wait, when either counter is full. */
export async function assertSignInAllowed(
  db: Database,
  limits: SignInLimits,
  email: string,
  ip: string,
): Promise<void> {
  for (const [key, limit] of [
    [accountKey(email), limits.perAccount],
    [addressKey(ip), limits.perAddress],
  ] as const) {
    const { n, oldest } = await failuresIn(db, key, limits.windowMinutes);
    if (n >= limit) {
      const freesAt = (oldest ? new Date(oldest).getTime() : Date.now()) + limits.windowMinutes * 60_000;
      const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - Date.now()) / 1000));
      throw new AppError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
    }
  }
}

export async function recordSignInFailure(
  db: Database,
  limits: SignInLimits,
  email: string,
  ip: string,
): Promise<void> {
  await db.insert(signInFailures).values([{ key: accountKey(email) }, { key: addressKey(ip) }]);
  // Keep the table small: rows older than the window no longer count.
  await db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, sql`now() - make_interval(mins => ${limits.windowMinutes})`));
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearAccountFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, accountKey(email)));
}
