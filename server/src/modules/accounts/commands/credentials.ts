/**
 * What a person changes about their account: password (changed, or reset by a link), profile,
 * the confirmation of their address; and the e-mail limits other modules count against.
 */
import {
  changePasswordSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
  updateProfileSchema,
} from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, parseInput, unauthenticated } from '../../../errors.js';
import type { Viewer } from '../../../lib/viewer.js';
import { deviceIdFor } from '../devices.js';
import { sendEmailToken, spendEmailToken } from '../emailLinks.js';
import { countEmailSender, countEmailTo, rateLimited } from '../emailLimits.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { presentUser, type UserDto } from '../presenter.js';
import { clearAccountThrottle, countSignInAttempt } from '../rateLimit.js';
import { revokeAllSessions } from '../sessions.js';
import { users } from '../tables.js';
import { openSession, refuseCommonPassword, refuseInactive, type ClientInfo, type Session } from './signIn.js';

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
  deps: Pick<Deps, 'db' | 'config'>,
  sender: { ip: string; userId: string },
  recipient: string,
): Promise<void> {
  const limits = deps.config.emailLimits;
  await countEmailSender(deps.db, limits, sender);
  const toRecipient = await countEmailTo(deps.db, limits, recipient);
  if (!toRecipient.allowed) throw rateLimited(toRecipient.retryAfterSeconds);
}

/**
 * Records that a link sent to the user's address reached them (an organisation's invitation was
 * accepted), which confirms the address; in the caller's transaction. An earlier confirmation stays.
 */
export async function markEmailVerified(db: Database, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, userId));
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
 * Sets a new password from a reset link; every session ends. Not for a deactivated account
 * (ACCOUNT_DEACTIVATED) or an erased one (TOKEN_INVALID). The link proves the address too, and
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
      .returning();
    // A deactivated account's password stays as it was (thrown, all of this is undone, the link unspent).
    refuseInactive(user!, () => new AppError('TOKEN_INVALID', 'The link is invalid, used or expired'));
    await revokeAllSessions(tx, userId);
    await clearAccountThrottle(tx, user!.email);
  });
}
