/**
 * Getting in and out: sign-up, sign-in, confirming the address (which signs in), refreshing and
 * ending sessions. Each takes the server's dependencies and returns plain data; HTTP and cookies
 * stay in the resolvers.
 */
import { PASSWORD_COMMON_MESSAGE, signInSchema, signUpSchema } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, parseInput, unauthenticated, validationError } from '../../../errors.js';
import { pageUrl } from '../../../lib/pageUrl.js';
import type { Viewer } from '../../../lib/viewer.js';
import { deviceCookieFor, deviceIdFor } from '../devices.js';
import { sendEmailToken, spendEmailToken } from '../emailLinks.js';
import { countEmailTo, countSignUp } from '../emailLimits.js';
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from '../passwords.js';
import { accountPolicy } from '../policy.js';
import { presentUser, type UserDto } from '../presenter.js';
import { countSignInAttempt } from '../rateLimit.js';
import { revokeAllSessions, revokeSessionOf, rotateSession, startSession } from '../sessions.js';
import { users } from '../tables.js';
import { accountState } from './deactivation.js';

/** A signed-in session: the access token for the client, the refresh token for its cookie. */
export interface Session {
  user: UserDto;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  /** A device cookie for this browser (devices.ts), after a sign-in. */
  deviceCookie?: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string;
}

export type UserRow = typeof users.$inferSelect;

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');
const deactivated = () => new AppError('ACCOUNT_DEACTIVATED', 'An administrator has deactivated this account');

/**
 * Refuses a session to an account that may not have one: a deactivated account is told so (only
 * after its password, or a link sent to its address, proved who asks), an erased one gets `erased`.
 */
export function refuseInactive(user: UserRow, erased: () => AppError): void {
  const state = accountState(user);
  if (accountPolicy.maySignIn(state)) return;
  throw state.anonymised ? erased() : deactivated();
}

/**
 * Records that the account was used (a sign-in, a refresh), which clears an inactivity warning.
 * Written at most once a day, so that a refresh stays a read.
 */
export async function markActive(db: Database, user: Pick<UserRow, 'id' | 'lastActiveAt' | 'inactivityWarnedAt'>) {
  const dayAgo = Date.now() - 86_400_000;
  if (user.lastActiveAt.getTime() > dayAgo && !user.inactivityWarnedAt) return;
  await db
    .update(users)
    .set({ lastActiveAt: sql`now()`, inactivityWarnedAt: null })
    .where(eq(users.id, user.id));
}

/** Refuses the most common and breached passwords with a VALIDATION error on `field`. */
export async function refuseCommonPassword(password: string, email: string | undefined, field: string): Promise<void> {
  if (await isCommonPassword(password, email)) {
    throw validationError([{ field, message: PASSWORD_COMMON_MESSAGE }]);
  }
}

/** Starts a session for an account that may have one (the caller checked), and marks it used. */
export async function openSession(deps: Deps, db: Database, user: UserRow, userAgent: string | null): Promise<Session> {
  await markActive(db, user);
  const refreshToken = await startSession(db, user.id, deps.config.refreshTokenTtlDays, userAgent);
  return {
    user: presentUser(user),
    accessToken: deps.signAccessToken(user),
    expiresIn: deps.config.accessTokenTtlSeconds,
    refreshToken,
  };
}

/**
 * Creates an account and e-mails a link that confirms the address (and signs in). The answer is the
 * same whether or not the address already has an account, and takes as long: the password is hashed
 * either way, and the owner of a taken address is e-mailed instead ("sign in, or reset your password").
 */
export async function signUp(deps: Deps, input: unknown, client: ClientInfo): Promise<void> {
  const data = parseInput(signUpSchema, input);
  await refuseCommonPassword(data.password, data.email, 'password');
  const limits = deps.config.emailLimits;
  await countSignUp(deps.db, limits, client.ip);
  const passwordHash = await hashPassword(data.password);
  const mayEmail = (await countEmailTo(deps.db, limits, data.email)).allowed;
  await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: data.email,
        passwordHash,
        displayName: data.displayName,
        roles: [data.role],
        locale: data.locale,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    // Past the recipient's limit nothing is sent, and the answer stays the same.
    if (!mayEmail) return;
    if (user) {
      await sendEmailToken(deps, tx, user, 'VERIFY_EMAIL');
      return;
    }
    const [owner] = await tx.select().from(users).where(eq(users.email, data.email));
    if (!owner) return;
    await deps.accountMailer.enqueue(tx, {
      to: owner.email,
      userId: owner.id,
      locale: owner.locale,
      template: 'sign-up-existing',
      params: {
        name: owner.displayName,
        signInLink: pageUrl(deps.config, owner.locale, '/sign-in'),
        resetLink: pageUrl(deps.config, owner.locale, '/forgot-password'),
      },
    });
  });
}

/**
 * Signs in with e-mail and password. The attempt is counted before the password is checked
 * (rateLimit.ts); a browser with this account's device cookie is counted on its own. An account
 * whose address is not confirmed yet answers as a wrong password would (so that sign-up cannot be
 * used to learn who has an account), and its owner gets a new confirmation link.
 */
export async function signIn(deps: Deps, input: unknown, client: ClientInfo): Promise<Session> {
  const { email, password } = parseInput(signInSchema, input);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const deviceId = deviceIdFor(deps.config.jwtSecret, client.deviceCookie, user?.id);
  const attempt = await countSignInAttempt(deps.db, deps.config.signInLimits, { email, ip: client.ip, deviceId });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) throw invalidCredentials();
  // A deactivated account is told so only past its password: a guesser learns nothing new.
  refuseInactive(user, invalidCredentials);
  if (!user.emailVerifiedAt) {
    if ((await countEmailTo(deps.db, deps.config.emailLimits, user.email)).allowed) {
      await deps.db.transaction((tx) => sendEmailToken(deps, tx, user, 'VERIFY_EMAIL'));
    }
    throw invalidCredentials();
  }
  await attempt.succeeded();
  const session = await openSession(deps, deps.db, user, client.userAgent);
  return { ...session, deviceCookie: deviceCookieFor(deps.config.jwtSecret, user.id, deviceId ?? undefined) };
}

export async function refreshSession(
  deps: Deps,
  refreshToken: string | undefined,
  client: ClientInfo,
): Promise<Session> {
  if (!refreshToken) throw unauthenticated();
  const result = await rotateSession(deps.db, refreshToken, deps.config.refreshTokenTtlDays, client.userAgent);
  if (!result.ok) {
    if (result.reason === 'reused') {
      deps.log.warn({ userId: result.userId }, 'A spent refresh token was presented again; its session was revoked');
    }
    throw unauthenticated();
  }
  const [user] = await deps.db.select().from(users).where(eq(users.id, result.userId));
  // Deactivation revokes every refresh token; this also holds for one that raced it.
  if (!user || !accountPolicy.maySignIn(accountState(user))) throw unauthenticated();
  await markActive(deps.db, user);
  return {
    user: presentUser(user),
    accessToken: deps.signAccessToken(user),
    expiresIn: deps.config.accessTokenTtlSeconds,
    refreshToken: result.token,
  };
}

export async function signOut(deps: Deps, refreshToken: string | undefined): Promise<void> {
  if (refreshToken) await revokeSessionOf(deps.db, refreshToken);
}

/** Revokes every refresh token and invalidates every access token already handed out. */
export async function signOutEverywhere(deps: Deps, viewer: Viewer): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, viewer.id));
    await revokeAllSessions(tx, viewer.id);
  });
}

/**
 * Confirms the address with the link from the e-mail, and signs in: the link proves the address,
 * and this is how a new account is first entered.
 */
export async function verifyEmail(deps: Deps, token: string, client: ClientInfo): Promise<Session> {
  return deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, token, 'VERIFY_EMAIL');
    if (!userId) throw new AppError('TOKEN_INVALID', 'The link is invalid, used or expired');
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId))
      .returning();
    // Thrown, the link stays unspent: it still works once the account is reactivated.
    refuseInactive(user!, () => new AppError('TOKEN_INVALID', 'The link is invalid, used or expired'));
    const session = await openSession(deps, tx, user!, client.userAgent);
    const deviceId = deviceIdFor(deps.config.jwtSecret, client.deviceCookie, user!.id);
    return { ...session, deviceCookie: deviceCookieFor(deps.config.jwtSecret, user!.id, deviceId ?? undefined) };
  });
}
