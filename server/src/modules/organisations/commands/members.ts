/** Membership: invitations (sent, revoked, accepted), members' roles and leaving, always keeping an owner. */
import { inviteMemberSchema, MEMBERSHIP_ROLES, type MembershipRole } from '@keskusvaraamo/shared';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, notFound, parseInput, validationError } from '../../../errors.js';
import { assertId } from '../../../lib/ids.js';
import { hashToken, newToken } from '../../../lib/secrets.js';
import { pageUrl } from '../../../lib/pageUrl.js';
import type { Viewer } from '../../../lib/viewer.js';
import { countRequestedEmail, markEmailVerified } from '../../accounts/index.js';
import { users } from '../../accounts/tables.js';
import { enqueueEmail } from '../../messaging/index.js';
import { organisationPolicy as policy } from '../policy.js';
import { presentInvitation, presentOrganisation } from '../presenter.js';
import { findInvitation, loadOrganisation, roleIn } from '../queries.js';
import { invitations, memberships, organisations } from '../tables.js';
import { requireViewer } from './organisations.js';

const INVITATION_DAYS = 7;

/** Invites someone by e-mail; the e-mail counts against the limits on e-mail people can have sent. */
export async function inviteMember(
  deps: Deps,
  viewer: Viewer | null,
  organisationId: string,
  input: unknown,
  client: { ip: string },
) {
  const me = requireViewer(viewer);
  const org = await loadOrganisation(deps.db, organisationId);
  if (!policy.invite(me, await roleIn(deps.db, org.id, me.id))) throw forbidden('Only owners invite members');
  const data = parseInput(inviteMemberSchema, input);
  const [existing] = await deps.db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(eq(users.email, data.email));
  if (existing && (await roleIn(deps.db, org.id, existing.id))) {
    throw new AppError('ALREADY_MEMBER', 'This person is already a member', {
      fields: [{ field: 'email', message: 'validation.alreadyMember' }],
    });
  }
  await countRequestedEmail(deps, { ip: client.ip, userId: me.id }, data.email);
  const [inviter] = await deps.db
    .select({ displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.id, me.id));
  const token = newToken();
  return deps.db.transaction(async (tx) => {
    // Inviting the same address again replaces the earlier link.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.organisationId, org.id),
          eq(invitations.email, data.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        organisationId: org.id,
        email: data.email,
        role: data.role,
        tokenHash: hashToken(token),
        invitedBy: me.id,
        expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
      })
      .returning();
    const locale = existing?.locale ?? inviter?.locale ?? 'fi';
    await enqueueEmail(tx, {
      to: data.email,
      userId: existing?.id ?? null,
      locale,
      template: 'organisation-invitation',
      params: {
        inviter: inviter?.displayName ?? '',
        organisation: org.name,
        link: pageUrl(deps.config, locale, `/invitations/accept?token=${token}`),
      },
    });
    return presentInvitation(row!);
  });
}

export async function revokeInvitation(deps: Deps, viewer: Viewer | null, invitationId: string): Promise<void> {
  const me = requireViewer(viewer);
  const [row] = await deps.db
    .select()
    .from(invitations)
    .where(eq(invitations.id, assertId(invitationId, 'No such invitation')));
  if (!row) throw notFound('No such invitation');
  if (!policy.invite(me, await roleIn(deps.db, row.organisationId, me.id))) throw forbidden();
  await deps.db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, row.id), isNull(invitations.revokedAt)));
}

export async function acceptInvitation(deps: Deps, viewer: Viewer | null, token: string) {
  const me = requireViewer(viewer);
  return deps.db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          eq(invitations.email, me.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!invitation) {
      const found = await findInvitation(tx, token);
      if (found && !policy.acceptInvitation(me, found.invitation.email)) {
        throw forbidden('This invitation was sent to another e-mail address');
      }
      throw new AppError('TOKEN_INVALID', 'The invitation is invalid, used or expired');
    }
    await tx
      .insert(memberships)
      .values({ organisationId: invitation.organisationId, userId: me.id, role: invitation.role })
      .onConflictDoNothing();
    // The link reached the mailbox, which proves the address.
    await markEmailVerified(tx, me.id);
    const [membership] = await tx
      .select({ role: memberships.role, joinedAt: memberships.createdAt, organisation: organisations })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(eq(memberships.organisationId, invitation.organisationId), eq(memberships.userId, me.id)));
    return {
      role: membership!.role,
      joinedAt: membership!.joinedAt.toISOString(),
      organisation: presentOrganisation(membership!.organisation),
    };
  });
}

/**
 * Changes or removes a membership while keeping at least one owner. The owners' rows are locked
 * first, so two owners demoting each other at the same moment cannot leave the organisation ownerless.
 */
async function withOwnersLocked<T>(
  deps: Deps,
  organisationId: string,
  fn: (tx: Database, owners: string[]) => Promise<T>,
) {
  return deps.db.transaction(async (tx) => {
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'OWNER')))
      .for('update');
    return fn(
      tx,
      owners.map((o) => o.userId),
    );
  });
}

const lastOwner = () => new AppError('LAST_OWNER', 'An organisation needs at least one owner');

export async function changeMemberRole(
  deps: Deps,
  viewer: Viewer | null,
  organisationId: string,
  userId: string,
  role: string,
) {
  const me = requireViewer(viewer);
  const org = await loadOrganisation(deps.db, organisationId);
  if (!policy.changeRoles(me, await roleIn(deps.db, org.id, me.id))) throw forbidden('Only owners change roles');
  if (!(MEMBERSHIP_ROLES as readonly string[]).includes(role))
    throw validationError([{ field: 'role', message: 'validation.choice' }]);
  const newRole = role as MembershipRole;
  const memberId = assertId(userId, 'No such member');
  return withOwnersLocked(deps, org.id, async (tx, owners) => {
    // Asked again under the lock: the viewer may have been demoted a moment ago.
    if (!policy.changeRoles(me, owners.includes(me.id) ? 'OWNER' : null)) throw forbidden('Only owners change roles');
    if (!policy.keepsAnOwner(owners, memberId, newRole)) throw lastOwner();
    const [updated] = await tx
      .update(memberships)
      .set({ role: newRole })
      .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, memberId)))
      .returning();
    if (!updated) throw notFound('No such member');
    const [user] = await tx
      .select({ displayName: users.displayName, email: users.email })
      .from(users)
      .where(eq(users.id, memberId));
    return { userId: memberId, ...user!, role: updated.role, joinedAt: updated.createdAt.toISOString() };
  });
}

export async function removeMember(
  deps: Deps,
  viewer: Viewer | null,
  organisationId: string,
  userId: string,
): Promise<void> {
  const me = requireViewer(viewer);
  const org = await loadOrganisation(deps.db, organisationId);
  const memberId = assertId(userId, 'No such member');
  if (!policy.removeMember(me, await roleIn(deps.db, org.id, me.id), memberId)) throw forbidden();
  await withOwnersLocked(deps, org.id, async (tx, owners) => {
    // Asked again under the lock, where only ownership can have changed since (membership was
    // asked above; a member removed meanwhile finds nothing to remove below).
    if (!policy.removeMember(me, owners.includes(me.id) ? 'OWNER' : 'MEMBER', memberId)) throw forbidden();
    if (!policy.keepsAnOwner(owners, memberId, null)) throw lastOwner();
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, memberId)))
      .returning();
    if (removed.length === 0) throw notFound('No such member');
  });
}
