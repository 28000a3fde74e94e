/**
 * Sign-in throttling with growing delays instead of a lockout (OWASP ASVS 5.0 V6.3, NIST SP 800-63B
 * 3.2.2, OWASP "Slow down online guessing attacks with device cookies").
 *
 * Every attempt is counted before its password is checked, in one statement that also refuses it
 * when its key must still wait: of many attempts racing on one key, only the free ones get a
 * password check. Past the free attempts each one makes the next wait 1 s, 2 s, 4 s … up to a cap
 * (SIGN_IN_FIRST_DELAY_SECONDS, doubling, at most SIGN_IN_MAX_DELAY_SECONDS).
 * Refused attempts are not counted, so hammering never makes the wait longer, and a key that has
 * been quiet for the window starts again from nothing.
 *
 * A browser that once signed in to the account presents a device cookie: its attempts are counted
 * on that device alone, so nobody else's guesses (on the account or from the owner's address) keep
 * the owner out. Other attempts are counted on the account and on the client address.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { signInThrottles } from './tables.js';

export interface SignInLimits {
  /** Attempts on an account (or a device) before delays start. */
  perAccount: number;
  /** Attempts from a client address before delays start. */
  perAddress: number;
  /** A key that has had no attempt for this long starts again from nothing. */
  windowMinutes: number;
  /** The wait after the last free attempt; each further attempt doubles it. */
  firstDelaySeconds: number;
  /** The longest delay between two attempts on one key. */
  maxDelaySeconds: number;
}

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (ip: string) => `address:${ip}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;

interface Rule {
  key: string;
  free: number;
}

/**
 * Counts an attempt on `key` unless it must still wait; returns the seconds to wait when refused,
 * or null when the attempt may go ahead.
 */
async function countAttempt(db: Database, rule: Rule, limits: SignInLimits): Promise<number | null> {
  // clock_timestamp(), not now(): a statement that waited for the row's lock must compare with the
  // time it got it, not the time it started (which can be earlier than what the winner wrote).
  // The attempt's number n: 1 after a quiet window, else one more than before. From the free
  // count on, the next attempt waits 2^(n - free) seconds, at most the cap.
  const n = sql`case when ${signInThrottles.lastAttemptAt} < clock_timestamp() - make_interval(mins => ${limits.windowMinutes})
    then 1 else ${signInThrottles.attempts} + 1 end`;
  const delay = (attempts: ReturnType<typeof sql>) =>
    sql`case when ${attempts} < ${rule.free} then interval '0'
      else make_interval(secs => least(${limits.maxDelaySeconds},
        ${limits.firstDelaySeconds} * power(2, least(${attempts} - ${rule.free}, 20)))) end`;
  const counted = await db
    .insert(signInThrottles)
    .values({
      key: rule.key,
      attempts: 1,
      nextAttemptAt: sql`clock_timestamp() + ${delay(sql`1`)}`,
      lastAttemptAt: sql`clock_timestamp()`,
    })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: { attempts: n, nextAttemptAt: sql`clock_timestamp() + ${delay(n)}`, lastAttemptAt: sql`clock_timestamp()` },
      // The row is locked while this is evaluated: racing attempts see each other's counts.
      setWhere: sql`${signInThrottles.nextAttemptAt} <= clock_timestamp()`,
    })
    .returning({ attempts: signInThrottles.attempts });
  if (counted.length) return null;
  const [row] = await db
    .select({ wait: sql<string>`extract(epoch from ${signInThrottles.nextAttemptAt} - clock_timestamp())` })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, rule.key));
  return Math.max(1, Math.ceil(Number(row?.wait ?? 1)));
}

/** Takes back one counted attempt (a successful sign-in's, or one refused on another key). */
async function uncount(db: Database, key: string): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ attempts: sql`greatest(${signInThrottles.attempts} - 1, 0)` })
    .where(eq(signInThrottles.key, key));
}

const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', 'Too many sign-in attempts; try again later', { retryAfterSeconds });

export interface SignInAttempt {
  email: string;
  ip: string;
  /** The device id from a valid device cookie for this account, if the browser sent one. */
  deviceId: string | null;
}

/**
 * Counts the attempt before its password is checked; throws RATE_LIMITED (with the seconds to
 * wait) when it must wait. Returns what to call once the password proved right.
 */
export async function countSignInAttempt(
  db: Database,
  limits: SignInLimits,
  attempt: SignInAttempt,
): Promise<{ succeeded(): Promise<void> }> {
  if (attempt.deviceId) {
    const key = deviceKey(attempt.deviceId);
    const wait = await countAttempt(db, { key, free: limits.perAccount }, limits);
    if (wait !== null) throw rateLimited(wait);
    return {
      succeeded: async () => {
        await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
      },
    };
  }
  const address = addressKey(attempt.ip);
  const account = accountKey(attempt.email);
  const addressWait = await countAttempt(db, { key: address, free: limits.perAddress }, limits);
  if (addressWait !== null) throw rateLimited(addressWait);
  const accountWait = await countAttempt(db, { key: account, free: limits.perAccount }, limits);
  if (accountWait !== null) {
    await uncount(db, address);
    throw rateLimited(accountWait);
  }
  return {
    succeeded: async () => {
      // The account's owner is back: its count starts again. The address keeps its failures (an
      // attacker could otherwise clear it by signing in to an account of their own) but not this success.
      await db.delete(signInThrottles).where(eq(signInThrottles.key, account));
      await uncount(db, address);
    },
  };
}

/** After a password reset the owner must be able to sign in at once, from any browser. */
export async function clearAccountThrottle(db: Database, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(email)));
}

/** Deletes throttles that have been quiet for a day (housekeeping). */
export async function deleteQuietThrottles(db: Database): Promise<number> {
  const deleted = await db
    .delete(signInThrottles)
    .where(lt(signInThrottles.lastAttemptAt, sql`now() - interval '1 day'`))
    .returning({ key: signInThrottles.key });
  return deleted.length;
}
