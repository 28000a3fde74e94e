/** Reads of organisations: for the API, and for other modules (who belongs where). */
import { listSearchSchema, type MembershipRole } from '@keskusvaraamo/shared';
import { and, count, eq, getTableColumns, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, notFound, parseInput } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset } from '../../lib/pagination.js';
import { hashToken } from '../../lib/secrets.js';
import { escapeLike } from '../accounts/index.js';
import { presentOrganisation, type OrganisationDto } from './presenter.js';
import { invitations, memberships, organisations } from './tables.js';

export async function loadOrganisation(db: Database, id: string) {
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

export async function getOrganisation(deps: Deps, id: string): Promise<OrganisationDto | null> {
  try {
    return presentOrganisation(await loadOrganisation(deps.db, id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Organisations by name (case aside), optionally of a kind, verified or not, or named like `search`. */
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
  const page = keyset(args, [
    { column: sql`lower(${organisations.name})`, type: 'text' },
    { column: organisations.id, type: 'uuid' },
  ]);
  const term = parseInput(listSearchSchema, { search: args.search }).search;
  const filters: (SQL | undefined)[] = [
    args.kind ? eq(organisations.kind, args.kind as OrganisationDto['kind']) : undefined,
    args.verified === true ? isNotNull(organisations.verifiedAt) : undefined,
    args.verified === false ? isNull(organisations.verifiedAt) : undefined,
    term ? ilike(organisations.name, `%${escapeLike(term)}%`) : undefined,
  ];
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(organisations), cursor: page.cursor })
      .from(organisations)
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db
      .select({ n: count() })
      .from(organisations)
      .where(and(...filters)),
  ]);
  return page.connection(rows, total?.n ?? 0, presentOrganisation);
}

export async function findInvitation(db: Database, token: string) {
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

/** SQL for the ids (`user_id`) of an organisation's members, given as SQL (a column of the caller's), as a subquery. */
export function memberIdsOfSql(organisationId: SQL): SQL {
  return sql`select ${memberships.userId} as user_id from ${memberships} where ${memberships.organisationId} = ${organisationId}`;
}

/** SQL for the ids of the organisations a user belongs to, to use as a subquery. */
export function organisationIdsOfUser(userId: string): SQL {
  return sql`select ${memberships.organisationId} from ${memberships} where ${memberships.userId} = ${userId}`;
}
