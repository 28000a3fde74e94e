/**
 * Account use cases: sign-up, sign-in, sessions, passwords, e-mail verification, roles.
 * Each takes the server's dependencies and returns plain data; HTTP and cookies stay in the resolvers.
 */
import {
  changePasswordSchema,
  listSearchSchema,
  PASSWORD_COMMON_MESSAGE,
  requestPasswordResetSchema,
  resetPasswordSchema,
  setUserRolesSchema,
  signInSchema,
  signUpSchema,
  updateProfileSchema,
} from '@keskusvaraamo/shared';
import { and, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated, validationError } from '../../errors.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { enqueueEmail } from '../messaging/index.js';
import { deviceCookieFor, deviceIdFor } from './devices.js';
import { countEmailSender, countEmailTo, countSignUp, rateLimited } from './emailLimits.js';
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from './passwords.js';
import { accountPolicy } from './policy.js';
import { presentUser, type UserDto } from './presenter.js';
import { clearAccountThrottle, countSignInAttempt } from './rateLimit.js';
import { revokeAllSessions, revokeSessionOf, rotateSession, startSession } from './sessions.js';
import { emailTokens, users } from './tables.js';
import type { Viewer } from '../../lib/viewer.js';

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

const VERIFY_EMAIL_HOURS = 24;
const RESET_PASSWORD_HOURS = 1;

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');

/** Refuses the most common and breached passwords with a VALIDATION error on `field`. */
async function refuseCommonPassword(password: string, email: string | undefined, field: string): Promise<void> {
  if (await isCommonPassword(password, email)) {
    throw validationError([{ field, message: PASSWORD_COMMON_MESSAGE }]);
  }
}

type UserRow = typeof users.$inferSelect;

async function openSession(deps: Deps, db: Database, user: UserRow, userAgent: string | null): Promise<Session> {
  const refreshToken = await startSession(db, user.id, deps.config.refreshTokenTtlDays, userAgent);
  return {
    user: presentUser(user),
    accessToken: deps.signAccessToken(user),
    expiresIn: deps.config.accessTokenTtlSeconds,
    refreshToken,
  };
}

/** Stores a new single-use token (only its hash) and returns the link that spends it. */
async function issueEmailToken(
  deps: Pick<Deps, 'config'>,
  db: Database,
  userId: string,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
): Promise<{ link: string; expiresAt: Date }> {
  const token = newToken();
  const hours = purpose === 'VERIFY_EMAIL' ? VERIFY_EMAIL_HOURS : RESET_PASSWORD_HOURS;
  const [row] = await db
    .insert(emailTokens)
    .values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: sql`now() + make_interval(hours => ${hours})`,
    })
    .returning({ expiresAt: emailTokens.expiresAt });
  const path = purpose === 'VERIFY_EMAIL' ? 'verify-email' : 'reset-password';
  return { link: `${deps.config.publicUrl}/${path}?token=${token}`, expiresAt: row!.expiresAt };
}

async function enqueueTokenEmail(
  db: Database,
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
  link: string,
): Promise<void> {
  await enqueueEmail(db, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template: purpose === 'VERIFY_EMAIL' ? 'verify-email' : 'reset-password',
    params: { name: user.displayName, link },
  });
}

async function sendEmailToken(
  deps: Pick<Deps, 'config'>,
  db: Database,
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
): Promise<void> {
  const { link } = await issueEmailToken(deps, db, user.id, purpose);
  await enqueueTokenEmail(db, user, purpose, link);
}

/** Spends a single-use e-mail token; returns its user, or null when it is unknown, used or expired. */
async function spendEmailToken(db: Database, token: string, purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD') {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
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
    await enqueueEmail(tx, {
      to: owner.email,
      userId: owner.id,
      locale: owner.locale,
      template: 'sign-up-existing',
      params: {
        name: owner.displayName,
        signInLink: `${deps.config.publicUrl}/sign-in`,
        resetLink: `${deps.config.publicUrl}/forgot-password`,
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
  if (!user) throw unauthenticated();
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

/** Changes the password, ends every session and opens a fresh one for this browser. */
export async function changePassword(deps: Deps, viewer: Viewer, input: unknown, client: ClientInfo): Promise<Session> {
  const data = parseInput(changePasswordSchema, input);
  await refuseCommonPassword(data.newPassword, viewer.email, 'newPassword');
  const [current] = await deps.db.select().from(users).where(eq(users.id, viewer.id));
  if (!current) throw unauthenticated();
  // Guesses at the current password (with a stolen access token) are throttled like sign-ins.
  const deviceId = deviceIdFor(deps.config.jwtSecret, client.deviceCookie, current.id);
  const attempt = await countSignInAttempt(deps.db, deps.config.signInLimits, {
    email: current.email,
    ip: client.ip,
    deviceId,
  });
  if (!(await verifyPassword(current.passwordHash, data.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong', {
      fields: [{ field: 'currentPassword', message: 'validation.wrongPassword' }],
    });
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(data.newPassword);
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, viewer.id))
      .returning();
    await revokeAllSessions(tx, viewer.id);
    return openSession(deps, tx, user!, client.userAgent);
  });
}

export async function updateProfile(deps: Deps, viewer: Viewer, input: unknown): Promise<UserDto> {
  const data = parseInput(updateProfileSchema, input);
  const [user] = await deps.db
    .update(users)
    .set({ displayName: data.displayName, locale: data.locale, updatedAt: sql`now()` })
    .where(eq(users.id, viewer.id))
    .returning();
  if (!user) throw unauthenticated();
  return presentUser(user);
}

export async function getUser(deps: Deps, id: string): Promise<UserDto | null> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, id));
  return user ? presentUser(user) : null;
}

/** Users by id, in one query. */
export async function usersByIds(deps: Deps, ids: string[]): Promise<Map<string, UserDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await deps.db.select().from(users).where(inArray(users.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentUser(row)]));
}

/** Sends a new verification link to the signed-in user, within the e-mail limits. */
export async function requestEmailVerification(deps: Deps, viewer: Viewer, client: ClientInfo): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, viewer.id));
  if (!user || user.emailVerifiedAt) return;
  const limits = deps.config.emailLimits;
  await countEmailSender(deps.db, limits, { ip: client.ip, userId: user.id });
  const toRecipient = await countEmailTo(deps.db, limits, user.email);
  if (!toRecipient.allowed) throw rateLimited(toRecipient.retryAfterSeconds);
  await deps.db.transaction((tx) => sendEmailToken(deps, tx, user, 'VERIFY_EMAIL'));
}

/**
 * For other modules that e-mail someone at a signed-in user's request (invitations): counts it per
 * client address, per account and per recipient, and throws RATE_LIMITED past any limit.
 */
export async function countRequestedEmail(
  deps: Deps,
  sender: { ip: string; userId: string },
  recipient: string,
): Promise<void> {
  const limits = deps.config.emailLimits;
  await countEmailSender(deps.db, limits, sender);
  const toRecipient = await countEmailTo(deps.db, limits, recipient);
  if (!toRecipient.allowed) throw rateLimited(toRecipient.retryAfterSeconds);
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
    const session = await openSession(deps, tx, user!, client.userAgent);
    const deviceId = deviceIdFor(deps.config.jwtSecret, client.deviceCookie, user!.id);
    return { ...session, deviceCookie: deviceCookieFor(deps.config.jwtSecret, user!.id, deviceId ?? undefined) };
  });
}

/**
 * Sends a reset link if the address has an account. The answer is the same either way: the client
 * address's limit applies to every request, and past the recipient's limit nothing is sent.
 */
export async function requestPasswordReset(deps: Deps, input: unknown, client: ClientInfo): Promise<void> {
  const { email } = parseInput(requestPasswordResetSchema, input);
  const limits = deps.config.emailLimits;
  await countEmailSender(deps.db, limits, { ip: client.ip });
  const mayEmail = (await countEmailTo(deps.db, limits, email)).allowed;
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!user || !mayEmail) return;
  await deps.db.transaction((tx) => sendEmailToken(deps, tx, user, 'RESET_PASSWORD'));
}

/**
 * Sets a new password from a reset link; every session ends. The link proves the address too, and
 * is the owner's way past any sign-in delay: the account's throttle is cleared.
 */
export async function resetPassword(deps: Deps, input: unknown): Promise<void> {
  const data = parseInput(resetPasswordSchema, input);
  await refuseCommonPassword(data.newPassword, undefined, 'newPassword');
  const passwordHash = await hashPassword(data.newPassword);
  await deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, data.token, 'RESET_PASSWORD');
    if (!userId) throw new AppError('TOKEN_INVALID', 'The link is invalid, used or expired');
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        tokenVersion: sql`${users.tokenVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    await revokeAllSessions(tx, userId);
    await clearAccountThrottle(tx, user!.email);
  });
}

export async function listUsers(
  deps: Deps,
  viewer: Viewer | null,
  args: { search?: string | null; first?: number | null; after?: string | null },
) {
  if (!accountPolicy.listUsers(viewer)) throw forbidden();
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const term = parseInput(listSearchSchema, { search: args.search }).search;
  const matches = term
    ? or(ilike(users.email, `%${escapeLike(term)}%`), ilike(users.displayName, `%${escapeLike(term)}%`))
    : undefined;
  const after = cursor
    ? or(
        lt(users.createdAt, new Date(cursor[0])),
        and(eq(users.createdAt, new Date(cursor[0])), lt(users.id, cursor[1])),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(users)
      .where(and(matches, after))
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(users).where(matches),
  ]);
  return toConnection(rows.map(presentUser), size, (u) => [u.createdAt, u.id], total?.n ?? 0);
}

export async function setUserRoles(deps: Deps, viewer: Viewer | null, input: unknown): Promise<UserDto> {
  if (!accountPolicy.setRoles(viewer)) throw forbidden();
  const data = parseInput(setUserRolesSchema, input);
  if (data.userId === viewer!.id && !data.roles.includes('ADMIN')) {
    // An admin who removes their own admin role could leave the service with no admin at all.
    throw new AppError('FORBIDDEN', 'You cannot remove your own admin role');
  }
  return deps.db.transaction(async (tx) => presentUser(await writeUserRoles(tx, data.userId, data.roles)));
}

/** Sets a user's roles (the caller has authorised it), in the caller's transaction. */
async function writeUserRoles(tx: Database, userId: string, wanted: Viewer['roles']): Promise<UserRow> {
  const roles = [...new Set(wanted)];
  const [before] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, userId)).for('update');
  if (!before) throw notFound('No such user');
  const changed = before.roles.length !== roles.length || roles.some((role) => !before.roles.includes(role));
  const [user] = await tx
    .update(users)
    .set({
      roles,
      // Tokens carry no roles, but live subscriptions keep the viewer they connected with: a new
      // token version ends them (and makes the user's access tokens renew).
      ...(changed ? { tokenVersion: sql`${users.tokenVersion} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning();
  return user!;
}

/** What the operator's `admin:create` command accepts (cli/create-admin.ts): never a password. */
export const adminAccountSchema = z.object({
  email: requestPasswordResetSchema.shape.email,
  displayName: updateProfileSchema.shape.displayName.optional(),
});

export interface AdminAccount {
  user: UserDto;
  /** The account did not exist and was made now. */
  created: boolean;
  /** The account existed without the admin role, and has it now. */
  promoted: boolean;
  /** A single-use link to the web app's password reset page, to choose a password with. */
  passwordLink: string;
  passwordLinkExpiresAt: Date;
  /** The usual reset e-mail with the same link was queued. */
  emailQueued: boolean;
}

/**
 * For the operator of a deployment, which has no admin until one is made (production seeds no
 * demo data): makes the account an admin, creating it when the address has none. A new account's
 * address counts as confirmed (the operator vouches for it) and its password is a random one that
 * nobody knows; its owner chooses one with the returned reset link (the same hashed, single-use,
 * expiring token as "forgot password"). Run again, it changes nothing but issues a new link.
 */
export async function ensureAdmin(
  deps: Pick<Deps, 'db' | 'config'>,
  input: unknown,
  options: { sendEmail: boolean },
): Promise<AdminAccount> {
  const data = parseInput(adminAccountSchema, input);
  const unusablePasswordHash = await hashPassword(newToken());
  return deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(users)
      .values({
        email: data.email,
        passwordHash: unusablePasswordHash,
        displayName: data.displayName || data.email.split('@')[0]!,
        roles: ['ADMIN'],
        emailVerifiedAt: sql`now()`,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    let user = inserted;
    let promoted = false;
    if (!user) {
      const [existing] = await tx.select().from(users).where(eq(users.email, data.email)).for('update');
      if (!existing) throw notFound('No such user');
      promoted = !existing.roles.includes('ADMIN');
      user = promoted ? await writeUserRoles(tx, existing.id, [...existing.roles, 'ADMIN']) : existing;
    }
    const { link, expiresAt } = await issueEmailToken(deps, tx, user.id, 'RESET_PASSWORD');
    if (options.sendEmail) await enqueueTokenEmail(tx, user, 'RESET_PASSWORD', link);
    return {
      user: presentUser(user),
      created: Boolean(inserted),
      promoted,
      passwordLink: link,
      passwordLinkExpiresAt: expiresAt,
      emailQueued: options.sendEmail,
    };
  });
}

/** Loads the viewer for a verified access token; null when the token is stale (signed out everywhere). */
export async function loadViewer(db: Database, userId: string, tokenVersion: number): Promise<Viewer | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      roles: users.roles,
      emailVerifiedAt: users.emailVerifiedAt,
      tokenVersion: users.tokenVersion,
      displayName: users.displayName,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || row.tokenVersion !== tokenVersion) return null;
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    emailVerified: row.emailVerifiedAt !== null,
    displayName: row.displayName,
    locale: row.locale,
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Ids of the users who have a role (coordinators, to tell them of what they look after). */
export async function userIdsWithRole(db: Database, role: Viewer['roles'][number]): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.roles} @> array[${role}]::user_role[]`);
  return rows.map((r) => r.id);
}
