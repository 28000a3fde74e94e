/**
 * An admin's deactivation of an account, and its reactivation. A deactivated account cannot sign
 * in, refresh or follow a link into a session (signIn.ts, credentials.ts ask `accountPolicy.maySignIn`);
 * deactivating it ends its sessions at once: every refresh token is revoked, and the token version
 * is bumped, which stops its access tokens and (through the trigger liveSessions.ts listens to) closes
 * its live subscriptions. Both are recorded in the audit log with the admin's reason.
 */
import { deactivateUserSchema, reactivateUserSchema } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated } from '../../../errors.js';
import type { Viewer } from '../../../lib/viewer.js';
import { recordAudit } from '../../audit/index.js';
import { accountPolicy, type AccountState } from '../policy.js';
import { presentUser, type UserDto } from '../presenter.js';
import { revokeAllSessions } from '../sessions.js';
import { users } from '../tables.js';

type UserRow = typeof users.$inferSelect;

/** The account's state as the policy reads it. */
export const accountState = (row: Pick<UserRow, 'deactivatedAt' | 'anonymisedAt'>): AccountState => ({
  deactivated: row.deactivatedAt !== null,
  anonymised: row.anonymisedAt !== null,
});

/** Admins only, not oneself: the account's sessions end now, and it cannot sign in until reactivated. */
export async function deactivateUser(deps: Deps, viewer: Viewer | null, input: unknown): Promise<UserDto> {
  const admin = authorise(viewer);
  const data = parseInput(deactivateUserSchema, input);
  if (!accountPolicy.deactivatesAnother(admin, data.userId)) {
    throw forbidden('You cannot deactivate your own account');
  }
  return deps.db.transaction(async (tx) => {
    const current = await lockAccount(tx, data.userId);
    if (!accountPolicy.mayDeactivate(accountState(current))) throw refused(current, 'deactivated');
    const [user] = await tx
      .update(users)
      .set({
        deactivatedAt: sql`now()`,
        deactivationReason: data.reason,
        tokenVersion: sql`${users.tokenVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, data.userId))
      .returning();
    await revokeAllSessions(tx, data.userId);
    await recordAudit(tx, {
      actor: admin,
      action: 'USER_DEACTIVATED',
      subjectKind: 'USER',
      subjectId: data.userId,
      details: { reason: data.reason },
    });
    return presentUser(user!);
  });
}

/** Admins only: the account may sign in again (its old sessions stay ended). */
export async function reactivateUser(deps: Deps, viewer: Viewer | null, input: unknown): Promise<UserDto> {
  const admin = authorise(viewer);
  const data = parseInput(reactivateUserSchema, input);
  if (!accountPolicy.deactivatesAnother(admin, data.userId)) {
    throw forbidden('You cannot reactivate your own account');
  }
  return deps.db.transaction(async (tx) => {
    const current = await lockAccount(tx, data.userId);
    if (!accountPolicy.mayReactivate(accountState(current))) throw refused(current, 'active');
    const [user] = await tx
      .update(users)
      .set({
        deactivatedAt: null,
        deactivationReason: null,
        // Nothing of the account should still be live; bumping again makes sure of it.
        tokenVersion: sql`${users.tokenVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, data.userId))
      .returning();
    await revokeAllSessions(tx, data.userId);
    await recordAudit(tx, {
      actor: admin,
      action: 'USER_REACTIVATED',
      subjectKind: 'USER',
      subjectId: data.userId,
      // No reason is asked for: the deactivation's row above it in the log has one.
    });
    return presentUser(user!);
  });
}

function authorise(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (!accountPolicy.deactivate(viewer)) throw forbidden();
  return viewer;
}

async function lockAccount(tx: Database, userId: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw notFound('No such user');
  return row;
}

/** Why the change is not possible: the account was erased, or is already in the state asked for. */
function refused(row: UserRow, already: 'deactivated' | 'active') {
  const state = row.anonymisedAt ? 'anonymised' : already;
  return new AppError('INVALID_STATE', `Not possible for an account that is ${state}`, { state });
}
