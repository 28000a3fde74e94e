/**
 * Account use cases: sign-up, sign-in, sessions, passwords, e-mail verification, roles.
 * Each takes the server's dependencies and returns plain data; HTTP and cookies stay in the resolvers.
 */
import {
  changePasswordSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  setUserRolesSchema,
  signInSchema,
  signUpSchema,
  updateProfileSchema,
} from '@keskusvaraamo/shared';
import { and, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated } from '../../errors.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { enqueueEmail } from '../mail/service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { accountPolicy } from './policy.js';
import { presentUser, type UserDto } from './presenter.js';
import { assertSignInAllowed, clearAccountFailures, recordSignInFailure } from './rateLimit.js';
import { revokeAllSessions, revokeSessionOf, rotateSession, startSession } from './sessions.js';
import { emailTokens, users } from './tables.js';
import type { Viewer } from './viewer.js';

/** A signed-in session: the access token for the client, the refresh token for its cookie. */
export interface Session {
  user: UserDto;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

const VERIFY_EMAIL_HOURS = 24;
const RESET_PASSWORD_HOURS = 1;
/** At most this many unused reset links per account per hour, so nobody can flood an inbox. */
const MAX_OPEN_RESETS = 3;

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

async function sendEmailToken(
  deps: Deps,
  db: Database,
  user: Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>,
  purpose: 'VERIFY_EMAIL' | 'RESET_PASSWORD',
): Promise<void> {
  const token = newToken();
  const hours = purpose === 'VERIFY_EMAIL' ? VERIFY_EMAIL_HOURS : RESET_PASSWORD_HOURS;
  await db.insert(emailTokens).values({
    userId: user.id,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(hours => ${hours})`,
  });
  const path = purpose === 'VERIFY_EMAIL' ? 'verify-email' : 'reset-password';
  await enqueueEmail(db, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template: purpose === 'VERIFY_EMAIL' ? 'verify-email' : 'reset-password',
    params: { name: user.displayName, link: `${deps.config.publicUrl}/${path}?token=${token}` },
  });
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

export async function signUp(deps: Deps, input: unknown, client: ClientInfo): Promise<Session> {
  const data = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  return deps.db.transaction(async (tx) => {
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
    if (!user) {
      throw new AppError('EMAIL_TAKEN', 'An account with this e-mail address exists', {
        fields: [{ field: 'email', message: 'validation.emailTaken' }],
      });
    }
    await sendEmailToken(deps, tx, user, 'VERIFY_EMAIL');
    return openSession(deps, tx, user, client.userAgent);
  });
}

export async function signIn(deps: Deps, input: unknown, client: ClientInfo): Promise<Session> {
  const { email, password } = parseInput(signInSchema, input);
  await assertSignInAllowed(deps.db, deps.config.signInLimits, email, client.ip);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordSignInFailure(deps.db, deps.config.signInLimits, email, client.ip);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');
  }
  await clearAccountFailures(deps.db, email);
  return openSession(deps, deps.db, user, client.userAgent);
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
  const [current] = await deps.db.select().from(users).where(eq(users.id, viewer.id));
  if (!current) throw unauthenticated();
  if (!(await verifyPassword(current.passwordHash, data.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong', {
      fields: [{ field: 'currentPassword', message: 'validation.wrongPassword' }],
    });
  }
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

export async function requestEmailVerification(deps: Deps, viewer: Viewer): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, viewer.id));
  if (!user || user.emailVerifiedAt) return;
  await deps.db.transaction((tx) => sendEmailToken(deps, tx, user, 'VERIFY_EMAIL'));
}

export async function verifyEmail(deps: Deps, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, token, 'VERIFY_EMAIL');
    if (!userId) throw new AppError('TOKEN_INVALID', 'The link is invalid, used or expired');
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
  });
}

/** Sends a reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset(deps: Deps, input: unknown): Promise<void> {
  const { email } = parseInput(requestPasswordResetSchema, input);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  await deps.db.transaction(async (tx) => {
    const [open] = await tx
      .select({ n: count() })
      .from(emailTokens)
      .where(
        and(
          eq(emailTokens.userId, user.id),
          eq(emailTokens.purpose, 'RESET_PASSWORD'),
          isNull(emailTokens.usedAt),
          gt(emailTokens.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if ((open?.n ?? 0) >= MAX_OPEN_RESETS) return;
    await sendEmailToken(deps, tx, user, 'RESET_PASSWORD');
  });
}

/** Sets a new password from a reset link; every session ends. The link proves the address too. */
export async function resetPassword(deps: Deps, input: unknown): Promise<void> {
  const data = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(data.newPassword);
  await deps.db.transaction(async (tx) => {
    const userId = await spendEmailToken(tx, data.token, 'RESET_PASSWORD');
    if (!userId) throw new AppError('TOKEN_INVALID', 'The link is invalid, used or expired');
    await tx
      .update(users)
      .set({
        passwordHash,
        tokenVersion: sql`${users.tokenVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await revokeAllSessions(tx, userId);
  });
}

export async function listUsers(
  deps: Deps,
  viewer: Viewer | null,
  args: { search?: string | null; first?: number | null; after?: string | null },
) {
  if (!accountPolicy.listUsers(viewer)) throw forbidden();
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, 2) as [string, string] | null;
  const term = args.search?.trim();
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
  const [user] = await deps.db
    .update(users)
    .set({ roles: [...new Set(data.roles)], updatedAt: sql`now()` })
    .where(eq(users.id, data.userId))
    .returning();
  if (!user) throw notFound('No such user');
  return presentUser(user);
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
