/** Administration: an admin changes people's roles; the operator makes the first admin (admin:create). */
import { requestPasswordResetSchema, setUserRolesSchema, updateProfileSchema } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, notFound, parseInput } from '../../../errors.js';
import { newToken } from '../../../lib/secrets.js';
import type { Viewer } from '../../../lib/viewer.js';
import { recordAudit } from '../../audit/index.js';
import { enqueueTokenEmail, issueEmailToken } from '../emailLinks.js';
import { hashPassword } from '../passwords.js';
import { accountPolicy } from '../policy.js';
import { presentUser, type UserDto } from '../presenter.js';
import { users } from '../tables.js';
import type { UserRow } from './signIn.js';

export async function setUserRoles(deps: Deps, viewer: Viewer | null, input: unknown): Promise<UserDto> {
  if (!accountPolicy.setRoles(viewer)) throw forbidden();
  const data = parseInput(setUserRolesSchema, input);
  if (!accountPolicy.keepsOwnAdmin(viewer!, data)) {
    throw new AppError('FORBIDDEN', 'You cannot remove your own admin role');
  }
  return deps.db.transaction(async (tx) => presentUser(await writeUserRoles(tx, viewer, data.userId, data.roles)));
}

/**
 * Sets a user's roles (the caller has authorised it), in the caller's transaction, and records a
 * change in the audit log (`actor` null: the operator's command, not a person signed in).
 */
async function writeUserRoles(
  tx: Database,
  actor: Viewer | null,
  userId: string,
  wanted: Viewer['roles'],
): Promise<UserRow> {
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
  if (changed) {
    await recordAudit(tx, {
      actor,
      action: 'ROLES_CHANGED',
      subjectKind: 'USER',
      subjectId: userId,
      details: { rolesBefore: before.roles, rolesAfter: roles },
    });
  }
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
  deps: Pick<Deps, 'db' | 'config' | 'accountMailer'>,
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
      user = promoted ? await writeUserRoles(tx, null, existing.id, [...existing.roles, 'ADMIN']) : existing;
    }
    const { link, expiresAt } = await issueEmailToken(deps, tx, user.id, 'RESET_PASSWORD', user.locale);
    if (options.sendEmail) await enqueueTokenEmail(deps, tx, user, 'RESET_PASSWORD', link);
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
