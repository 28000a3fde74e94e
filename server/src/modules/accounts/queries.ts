/** Reads of accounts: for the API, for other modules (people by id, by role) and for sign-in. */
import { listSearchSchema, USER_ROLES, USER_STATUSES, type Locale, type UserStatus } from '@keskusvaraamo/shared';
import { z } from 'zod';
import { and, count, eq, getTableColumns, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput } from '../../errors.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { accountPolicy } from './policy.js';
import { presentUser, type UserDto } from './presenter.js';
import { users } from './tables.js';

export async function getUser(deps: Pick<Deps, 'db'>, id: string): Promise<UserDto | null> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, id));
  return user ? presentUser(user) : null;
}

/** Users by id, in one query. */
export async function usersByIds(deps: Pick<Deps, 'db'>, ids: string[]): Promise<Map<string, UserDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await deps.db.select().from(users).where(inArray(users.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentUser(row)]));
}

/**
 * Live accounts with a confirmed address, by address (lower case): whom a message for an address
 * (a booking's named participant) may also reach in the app, in their own language.
 */
export async function accountsByEmails(
  db: Database,
  emails: string[],
): Promise<Map<string, { id: string; locale: Locale }>> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
  const rows = unique.length
    ? await db
        .select({ id: users.id, email: users.email, locale: users.locale })
        .from(users)
        .where(
          and(
            inArray(users.email, unique),
            isNotNull(users.emailVerifiedAt),
            isNull(users.deactivatedAt),
            isNull(users.anonymisedAt),
          ),
        )
    : [];
  return new Map(rows.map((r) => [r.email, { id: r.id, locale: r.locale }]));
}

const statusSchema = z.enum(USER_STATUSES, { error: 'validation.choice' }).nullish();
const roleSchema = z.enum(USER_ROLES, { error: 'validation.choice' }).nullish();

/** Accounts in a state: active (may sign in), deactivated by an admin, or erased. */
const inStatus = (status: UserStatus | null | undefined) => {
  switch (status) {
    case 'ACTIVE':
      return and(isNull(users.deactivatedAt), isNull(users.anonymisedAt));
    case 'DEACTIVATED':
      return and(isNotNull(users.deactivatedAt), isNull(users.anonymisedAt));
    case 'ANONYMISED':
      return isNotNull(users.anonymisedAt);
    default:
      return undefined;
  }
};

/**
 * Admins only: every account, newest first, optionally those whose address or name holds `search`,
 * those in one `status` and those with one `role`.
 */
export async function listUsers(
  deps: Deps,
  viewer: Viewer | null,
  args: {
    search?: string | null;
    status?: string | null;
    role?: string | null;
    first?: number | null;
    after?: string | null;
  },
) {
  if (!accountPolicy.listUsers(viewer)) throw forbidden();
  const page = keyset(args, [
    { column: users.createdAt, type: 'timestamp', descending: true },
    { column: users.id, type: 'uuid', descending: true },
  ]);
  const term = parseInput(listSearchSchema, { search: args.search }).search;
  const { status, role } = parseInput(z.object({ status: statusSchema, role: roleSchema }), {
    status: args.status,
    role: args.role,
  });
  const matches = and(
    term
      ? or(ilike(users.email, `%${escapeLike(term)}%`), ilike(users.displayName, `%${escapeLike(term)}%`))
      : undefined,
    inStatus(status),
    role ? sql`${role} = any(${users.roles})` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(users), cursor: page.cursor })
      .from(users)
      .where(and(matches, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(users).where(matches),
  ]);
  return page.connection(rows, total?.n ?? 0, presentUser);
}

/**
 * Loads the viewer for a verified access token; null when the token is stale (signed out
 * everywhere) or the account is deactivated or erased.
 */
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
      deactivatedAt: users.deactivatedAt,
      anonymisedAt: users.anonymisedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || row.tokenVersion !== tokenVersion) return null;
  // Deactivation and erasure bump the version too; this holds even for a token that raced them.
  if (row.deactivatedAt || row.anonymisedAt) return null;
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    emailVerified: row.emailVerifiedAt !== null,
    displayName: row.displayName,
    locale: row.locale,
  };
}

/** `text` for a LIKE pattern, its wildcards taken literally. */
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
