/**
 * Accounts' part of erasing a person (privacy's deleteAccount, eraseUser and the retention job):
 * the password check before a person deletes their own account, and the anonymisation of the
 * account row itself. Each writes accounts' tables only, in the caller's transaction.
 */
import { ERASED_TEXT, erasedEmail, type Locale, type UserRole } from '@keskusvaraamo/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, unauthenticated } from '../../errors.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import type { ClientInfo } from './commands/signIn.js';
import { deviceIdFor } from './devices.js';
import { verifyPassword } from './passwords.js';
import { accountKey, countSignInAttempt } from './rateLimit.js';
import { emailTokens, refreshTokens, signInThrottles, users } from './tables.js';

/** What erasure needs to know of the account before it is anonymised. */
export interface ErasableAccount {
  id: string;
  email: string;
  displayName: string;
  roles: UserRole[];
  locale: Locale;
  anonymised: boolean;
}

/** The account as erasure sees it (null when there is none); `lock` holds its row until the transaction ends. */
export async function erasableAccount(db: Database, userId: string, lock = false): Promise<ErasableAccount | null> {
  const query = db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      anonymisedAt: users.anonymisedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return null;
  const { anonymisedAt, ...account } = row;
  return { ...account, anonymised: anonymisedAt !== null };
}

/**
 * Checks the password of a person who deletes their own account. Guesses (with a stolen access
 * token) are counted and slowed down like sign-ins; a wrong one is INVALID_CREDENTIALS.
 */
export async function confirmOwnPassword(
  deps: Deps,
  userId: string,
  password: string,
  client: ClientInfo,
): Promise<void> {
  const [current] = await deps.db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!current) throw unauthenticated();
  const attempt = await countSignInAttempt(deps.db, deps.config.signInLimits, {
    email: current.email,
    ip: client.ip,
    deviceId: deviceIdFor(deps.config.jwtSecret, client.deviceCookie, current.id),
  });
  if (!(await verifyPassword(current.passwordHash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'The password is wrong', {
      fields: [{ field: 'password', message: 'validation.wrongPassword' }],
    });
  }
  await attempt.succeeded();
}

/**
 * Anonymises the account: the address becomes an undeliverable one of its own, the name
 * ERASED_TEXT, the password a hash of nothing anyone knows; roles are emptied (the account can do
 * nothing; the reports' facts hold no person's id or role, so no figure moves); any deactivation is
 * cleared (the account is anonymised instead); the token version is bumped, so every access token
 * and live subscription ends, and every refresh token, e-mail link and sign-in throttle of the
 * address is deleted. Idempotent: an account anonymised already is left as it is. Returns whether
 * the account was changed.
 */
export async function anonymiseAccount(db: Database, userId: string): Promise<boolean> {
  const [before] = await db
    .select({ email: users.email, anonymisedAt: users.anonymisedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!before) return false;
  await db.delete(refreshTokens).where(eq(refreshTokens.userId, userId));
  await db.delete(emailTokens).where(eq(emailTokens.userId, userId));
  await db.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(before.email)));
  if (before.anonymisedAt) return false;
  await db
    .update(users)
    .set({
      email: erasedEmail(userId),
      displayName: ERASED_TEXT,
      // Not an argon2 hash: verifying any password against it fails.
      passwordHash: `erased:${hashToken(newToken())}`,
      roles: [],
      emailVerifiedAt: null,
      deactivatedAt: null,
      deactivationReason: null,
      inactivityWarnedAt: null,
      anonymisedAt: sql`now()`,
      tokenVersion: sql`${users.tokenVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
  return true;
}

/**
 * Holds the person's account row (FOR KEY SHARE, the lock a foreign key to it takes anyway) until
 * the transaction ends, and says whether the account is still live (not erased). A use case that
 * writes something of the person's calls it before its other locks, so that an erasure (which
 * locks the row FOR UPDATE first) and the write take turns: one that waited for an erasure finds
 * the account erased and stops, and an erasure that waited for it finds what it wrote.
 */
export async function lockLiveAccount(db: Database, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.anonymisedAt)))
    .for('key share');
  return rows.length > 0;
}

/** The same as one CTE (`<name> as (…)`) for a statement of another module: a row while the account is live. */
export const liveAccountCte = (name: string, userId: string) =>
  sql`${sql.identifier(name)} as (
    select ${users.id} as id from ${users} where ${users.id} = ${userId} and ${users.anonymisedAt} is null for key share
  )`;
