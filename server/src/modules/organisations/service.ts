/**
 * Organisation use cases: founding, editing, membership, invitations and verification.
 */
import {
  inviteMemberSchema,
  listSearchSchema,
  MEMBERSHIP_ROLES,
  organisationSchema,
  type MembershipRole,
} from '@keskusvaraamo/shared';
import { and, asc, count, eq, gt, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated, validationError } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { countRequestedEmail, escapeLike, userIdsWithRole } from '../accounts/index.js';
import { users } from '../accounts/tables.js';
import { isStaff, type Viewer } from '../../lib/viewer.js';
import { enqueueEmail } from '../messaging/index.js';
import { notify } from '../messaging/index.js';
import { organisationPolicy as policy } from './policy.js';
import { presentInvitation, presentOrganisation, type OrganisationDto } from './presenter.js';
import { invitations, memberships, organisations } from './tables.js';

const INVITATION_DAYS = 7;

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

async function loadOrganisation(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, assertId(id, 'No such organisation')));
  if (!row) throw notFound('No such organisation');
  return row;
}

/** The user's role in the organisation, or null. */
export async function roleIn(
  db: Database,
  organisationId: string,
  userId: string | undefined,
): Promise<MembershipRole | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The viewer's role in each of the organisations, in one query. */
export async function rolesIn(db: Database, organisationIds: string[], userId: string | undefined) {
  const roles = new Map<string, MembershipRole>();
  if (!userId || organisationIds.length === 0) return roles;
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.organisationId, organisationIds)));
  for (const row of rows) roles.set(row.organisationId, row.role);
  return roles;
}

export async function createOrganisation(deps: Deps, viewer: Viewer | null, input: unknown): Promise<OrganisationDto> {
  const me = requireViewer(viewer);
  const data = parseInput(organisationSchema, input);
  if (!policy.found(me, data.kind)) throw forbidden('Your role cannot found this kind of organisation');
  try {
    return await deps.db.transaction(async (tx) => {
      const [org] = await tx.insert(organisations).values(data).returning();
      await tx.insert(memberships).values({ organisationId: org!.id, userId: me.id, role: 'OWNER' });
      return presentOrganisation(org!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'business_id')) throw businessIdTaken();
    throw error;
  }
}

const businessIdTaken = () =>
  new AppError('CONFLICT', 'An organisation with this business ID exists', {
    fields: [{ field: 'businessId', message: 'validation.businessIdTaken' }],
  });

export async function updateOrganisation(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<OrganisationDto> {
  const me = requireViewer(viewer);
  const org = await loadOrganisation(deps.db, id);
  if (!policy.update(me, await roleIn(deps.db, org.id, me.id))) throw forbidden();
  const data = parseInput(organisationSchema, input);
  if (data.kind !== org.kind && !isStaff(me)) {
    throw validationError([{ field: 'kind', message: 'validation.kindLocked' }]);
  }
  try {
    return await deps.db.transaction(async (tx) => {
      // Locked, so that a verification at the same moment is either before the rename (and cleared) or after it.
      const [before] = await tx.select().from(organisations).where(eq(organisations.id, org.id)).for('update');
      const renamed = data.name !== before!.name || data.businessId !== before!.businessId;
      const [row] = await tx
        .update(organisations)
        .set({
          ...data,
          // Verification vouches for one name and one legal entity: a verified company renamed after
          // another must not keep the mark. A coordinator checks it and verifies it again.
          ...(renamed ? { verifiedAt: null, verifiedBy: null } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(organisations.id, org.id))
        .returning();
      if (renamed && before!.verifiedAt) await tellCoordinatorsOfRename(tx, me, before!, row!);
      return presentOrganisation(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'business_id')) throw businessIdTaken();
    throw error;
  }
}

type OrganisationRow = typeof organisations.$inferSelect;

/** Every coordinator but the one who made the change learns that a verified organisation must be verified again. */
async function tellCoordinatorsOfRename(db: Database, me: Viewer, before: OrganisationRow, after: OrganisationRow) {
  const coordinators = (await userIdsWithRole(db, 'COORDINATOR')).filter((id) => id !== me.id);
  await notify(
    db,
    coordinators.map((userId) => ({
      userId,
      type: 'ORGANISATION_RENAMED' as const,
      data: {
        organisationId: after.id,
        title: after.name,
        actorName: before.name,
        previousName: before.name,
        businessId: after.businessId,
        previousBusinessId: before.businessId,
        path: `/organisations/${after.id}`,
      },
    })),
  );
}

export async function getOrganisation(deps: Deps, id: string): Promise<OrganisationDto | null> {
  try {
    return presentOrganisation(await loadOrganisation(deps.db, id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export async function listOrganisations(
  deps: Deps,
  args: {
    kind?: string | null;
    verified?: boolean | null;
    search?: string | null;
    first?: number | null;
    after?: string | null;
  },
) {
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['text', 'uuid']);
  const term = parseInput(listSearchSchema, { search: args.search }).search;
  const filters: (SQL | undefined)[] = [
    args.kind ? eq(organisations.kind, args.kind as OrganisationDto['kind']) : undefined,
    args.verified === true ? isNotNull(organisations.verifiedAt) : undefined,
    args.verified === false ? isNull(organisations.verifiedAt) : undefined,
    term ? ilike(organisations.name, `%${escapeLike(term)}%`) : undefined,
  ];
  const nameKey = sql<string>`lower(${organisations.name})`;
  const after = cursor ? sql`(${nameKey}, ${organisations.id}) > (${cursor[0]}, ${cursor[1]}::uuid)` : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(organisations)
      .where(and(...filters, after))
      .orderBy(asc(nameKey), asc(organisations.id))
      .limit(size + 1),
    deps.db
      .select({ n: count() })
      .from(organisations)
      .where(and(...filters)),
  ]);
  return toConnection(rows.map(presentOrganisation), size, (o) => [o.name.toLowerCase(), o.id], total?.n ?? 0);
}

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

/** Each user's memberships with their organisations. */
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
    await enqueueEmail(tx, {
      to: data.email,
      userId: existing?.id ?? null,
      locale: existing?.locale ?? inviter?.locale ?? 'fi',
      template: 'organisation-invitation',
      params: {
        inviter: inviter?.displayName ?? '',
        organisation: org.name,
        link: `${deps.config.publicUrl}/invitations/accept?token=${token}`,
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

async function findInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row;
}

/** What the invitation link shows; anyone holding the link may see it. */
export async function previewInvitation(deps: Deps, token: string) {
  const row = await findInvitation(deps.db, token);
  if (!row || row.invitation.revokedAt) return null;
  return {
    organisationName: row.organisationName,
    email: row.invitation.email,
    role: row.invitation.role,
    expired: row.invitation.expiresAt.getTime() < Date.now(),
    accepted: row.invitation.acceptedAt !== null,
  };
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
      if (found && found.invitation.email !== me.email) {
        throw forbidden('This invitation was sent to another e-mail address');
      }
      throw new AppError('TOKEN_INVALID', 'The invitation is invalid, used or expired');
    }
    await tx
      .insert(memberships)
      .values({ organisationId: invitation.organisationId, userId: me.id, role: invitation.role })
      .onConflictDoNothing();
    // The link reached the mailbox, which proves the address.
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, me.id));
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
  const memberId = assertId(userId, 'No such member');
  return withOwnersLocked(deps, org.id, async (tx, owners) => {
    // Checked again under the lock: the viewer may have been demoted a moment ago.
    if (!owners.includes(me.id)) throw forbidden('Only owners change roles');
    if (role === 'MEMBER' && owners.length === 1 && owners[0] === memberId) throw lastOwner();
    const [updated] = await tx
      .update(memberships)
      .set({ role: role as MembershipRole })
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
    if (memberId !== me.id && !owners.includes(me.id)) throw forbidden();
    if (owners.length === 1 && owners[0] === memberId) throw lastOwner();
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, memberId)))
      .returning();
    if (removed.length === 0) throw notFound('No such member');
  });
}

export async function verifyOrganisation(deps: Deps, viewer: Viewer | null, id: string, verified: boolean) {
  const me = requireViewer(viewer);
  if (!policy.verify(me)) throw forbidden('Only coordinators verify organisations');
  const org = await loadOrganisation(deps.db, id);
  const [row] = await deps.db
    .update(organisations)
    .set(verified ? { verifiedAt: sql`now()`, verifiedBy: me.id } : { verifiedAt: null, verifiedBy: null })
    .where(eq(organisations.id, org.id))
    .returning();
  return presentOrganisation(row!);
}

/** Organisations by id, in the order asked; null for unknown ids. */
export async function organisationsByIds(db: Database, ids: string[]): Promise<(OrganisationDto | null)[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(organisations).where(inArray(organisations.id, unique)) : [];
  const byId = new Map(rows.map((r) => [r.id, presentOrganisation(r)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Ids of the organisations a user belongs to. */
export async function userOrganisationIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.id);
}

/** Ids of each organisation's members (owners and members alike), in one query. */
export async function memberIdsOf(db: Database, organisationIds: string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(organisationIds)];
  const rows = unique.length
    ? await db
        .select({ organisationId: memberships.organisationId, userId: memberships.userId })
        .from(memberships)
        .where(inArray(memberships.organisationId, unique))
    : [];
  const members = new Map<string, string[]>(unique.map((id) => [id, []]));
  for (const row of rows) members.get(row.organisationId)!.push(row.userId);
  return members;
}

/** SQL for the ids of the organisations a user belongs to, to use as a subquery. */
export function organisationIdsOfUser(userId: string): SQL {
  return sql`select ${memberships.organisationId} from ${memberships} where ${memberships.userId} = ${userId}`;
}
