/** Reads of needs: one need for the viewer, the viewer's own list, and what other modules ask for. */
import type { NeedState } from '@keskusvaraamo/shared';
import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset, type Connection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationIdsOfUser, roleIn, userOrganisationIds } from '../organisations/index.js';
import { needPolicy as policy } from './policy.js';
import { presentNeed, type NeedDto } from './presenter.js';
import { needs } from './tables.js';

export type NeedRow = typeof needs.$inferSelect;

export async function loadNeedRow(db: Database, id: string): Promise<NeedRow> {
  const [row] = await db
    .select()
    .from(needs)
    .where(eq(needs.id, assertId(id, 'No such need')));
  if (!row) throw notFound('No such need');
  return row;
}

/** The need, when the viewer manages it; FORBIDDEN for one who may read it, NOT_FOUND for anyone else. */
export async function loadManagedNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedRow> {
  if (!viewer) throw unauthenticated();
  const need = await loadNeedRow(deps.db, id);
  const role = need.organisationId ? await roleIn(deps.db, need.organisationId, viewer.id) : null;
  if (!policy.manage(viewer, need, role)) {
    // Someone who may not even read a draft learns nothing of it.
    throw policy.read(viewer, need, role) ? forbidden() : notFound('No such need');
  }
  return need;
}

/** The need when the viewer may read it, or null (no such need, or a draft or closed one not theirs). */
export async function getNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto | null> {
  let need: NeedRow;
  try {
    need = await loadNeedRow(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (policy.read(viewer, need, null)) return presentNeed(need);
  const role = need.organisationId && viewer ? await roleIn(deps.db, need.organisationId, viewer.id) : null;
  return policy.read(viewer, need, role) ? presentNeed(need) : null;
}

/** Needs the viewer manages: posted by them or for one of their companies, the most recently changed first. */
export async function myNeeds(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: NeedState | null; first?: number | null; after?: string | null },
): Promise<Connection<NeedDto>> {
  if (!viewer) throw unauthenticated();
  const page = keyset(args, [
    { column: needs.updatedAt, type: 'timestamp', descending: true },
    { column: needs.id, type: 'uuid', descending: true },
  ]);
  const orgIds = await userOrganisationIds(deps.db, viewer.id);
  const mine = or(eq(needs.postedBy, viewer.id), orgIds.length ? inArray(needs.organisationId, orgIds) : undefined)!;
  const filters = and(mine, args.state ? eq(needs.state, args.state) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ row: needs, cursor: page.cursor })
      .from(needs)
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(needs).where(filters),
  ]);
  return page.connection(rows, total?.n ?? 0, (r) => presentNeed(r.row));
}

/** Needs by id, whatever their state, for a module that has checked the viewer may see them. */
export async function needsByIds(db: Database, ids: string[]): Promise<Map<string, NeedDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(needs).where(inArray(needs.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentNeed(row)]));
}

/** SQL for the ids of the needs a user posted or that belong to their companies, as a subquery. */
export function needIdsManagedBy(userId: string): SQL {
  return sql`select ${needs.id} from ${needs} where ${needs.postedBy} = ${userId} or ${needs.organisationId} in (${organisationIdsOfUser(userId)})`;
}

/** Whether the viewer manages this need; asks for their role in its company only when that decides. */
export async function mayManageNeed(deps: Deps, viewer: Viewer | null, need: NeedDto): Promise<boolean> {
  if (policy.manage(viewer, need, null)) return true;
  if (!viewer || !need.organisationId) return false;
  return policy.manage(viewer, need, await roleIn(deps.db, need.organisationId, viewer.id));
}

/**
 * Open COURSE needs whose period has not ended by `today`, with the topic when one is given, leaving
 * out the ids `excluding` selects (a subquery): what demand pools form from.
 */
export async function openCourseNeeds(
  db: Database,
  args: { today: string; topic?: string | null; excluding?: SQL },
): Promise<NeedDto[]> {
  const rows = await db
    .select()
    .from(needs)
    .where(
      and(
        eq(needs.state, 'OPEN'),
        eq(needs.kind, 'COURSE'),
        sql`${needs.periodEnd} >= ${args.today}`,
        args.topic ? sql`${needs.topics} @> array[${args.topic}]::text[]` : undefined,
        args.excluding ? sql`${needs.id} not in (${args.excluding})` : undefined,
      ),
    );
  return rows.map(presentNeed);
}
