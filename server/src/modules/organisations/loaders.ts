/** GraphQL field loaders: each answers a batch of parents in one query, in the order asked. */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { organisationPolicy as policy } from './policy.js';
import { presentInvitation, presentOrganisation } from './presenter.js';
import { rolesIn } from './queries.js';
import { invitations, memberships, organisations } from './tables.js';

/** Members of each organisation the viewer may see; null for the ones they may not. */
export async function membersOf(deps: Deps, viewer: Viewer | null, organisationIds: string[]) {
  const roles = await rolesIn(deps.db, organisationIds, viewer?.id);
  const visible = organisationIds.filter((id) => policy.seeMembers(viewer, roles.get(id) ?? null));
  const rows = visible.length
    ? await deps.db
        .select({
          organisationId: memberships.organisationId,
          userId: users.id,
          displayName: users.displayName,
          email: users.email,
          role: memberships.role,
          joinedAt: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(inArray(memberships.organisationId, visible))
        .orderBy(asc(memberships.role), asc(users.displayName))
    : [];
  return organisationIds.map((id) =>
    visible.includes(id)
      ? rows.filter((r) => r.organisationId === id).map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }))
      : null,
  );
}

/** Open invitations of each organisation, for its owners and staff; null for others. */
export async function invitationsOf(deps: Deps, viewer: Viewer | null, organisationIds: string[]) {
  const roles = await rolesIn(deps.db, organisationIds, viewer?.id);
  const visible = organisationIds.filter((id) => policy.seeInvitations(viewer, roles.get(id) ?? null));
  const rows = visible.length
    ? await deps.db
        .select()
        .from(invitations)
        .where(
          and(
            inArray(invitations.organisationId, visible),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, sql`now()`),
          ),
        )
        .orderBy(asc(invitations.createdAt))
    : [];
  return organisationIds.map((id) =>
    visible.includes(id) ? rows.filter((r) => r.organisationId === id).map(presentInvitation) : null,
  );
}

/** Each user's memberships with their organisations (`User.memberships`, which organisations adds). */
export async function membershipsOf(deps: Deps, userIds: string[]) {
  const rows = userIds.length
    ? await deps.db
        .select({
          userId: memberships.userId,
          role: memberships.role,
          joinedAt: memberships.createdAt,
          organisation: organisations,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(inArray(memberships.userId, userIds))
        .orderBy(asc(organisations.name))
    : [];
  return userIds.map((id) =>
    rows
      .filter((r) => r.userId === id)
      .map((r) => ({
        role: r.role,
        joinedAt: r.joinedAt.toISOString(),
        organisation: presentOrganisation(r.organisation),
      })),
  );
}
