/** Reads of applications: one for the viewer, the student's, a need's and the received lists, and what other modules ask for. */
import type { ApplicationState } from '@keskusvaraamo/shared';
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { notFound, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset, type Connection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { needIdsManagedBy, needsByIds } from '../needs/index.js';
import { memberIdsOf } from '../organisations/index.js';
import { applicationPolicy as policy } from './policy.js';
import { presentApplication, type ApplicationDto } from './presenter.js';
import { loadApplication, loadNeed, sideOfNeeds } from './setting.js';
import { applications } from './tables.js';

/** One application: the student's own, their need's side's, and staff's. Anyone else gets NOT_FOUND, as if it did not exist. */
export async function getApplication(deps: Deps, viewer: Viewer | null, id: string): Promise<ApplicationDto> {
  if (!viewer) throw unauthenticated();
  const application = await loadApplication(deps.db, id);
  const reviewer =
    application.studentId !== viewer.id &&
    (await sideOfNeeds(deps.db, viewer, [await loadNeed(deps.db, application.needId)]))[0]!;
  if (!policy.read(viewer, application, reviewer)) throw notFound('No such application');
  return presentApplication(application);
}

interface ListArgs {
  state?: ApplicationState | null;
  first?: number | null;
  after?: string | null;
}

/** A page of applications matching `filters`, in arrival order or newest first. */
async function listApplications(
  db: Database,
  filters: SQL | undefined,
  args: ListArgs,
  newestFirst: boolean,
): Promise<Connection<ApplicationDto>> {
  const page = keyset(args, [
    { column: applications.createdAt, type: 'timestamp', descending: newestFirst },
    { column: applications.id, type: 'uuid', descending: newestFirst },
  ]);
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: applications, cursor: page.cursor })
      .from(applications)
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    db.select({ n: count() }).from(applications).where(filters),
  ]);
  return page.connection(rows, total?.n ?? 0, (r) => presentApplication(r.row));
}

/** The student's own applications, newest first. */
export async function myApplications(deps: Deps, viewer: Viewer | null, args: ListArgs) {
  if (!viewer) throw unauthenticated();
  const filters = and(
    eq(applications.studentId, viewer.id),
    args.state ? eq(applications.state, args.state) : undefined,
  );
  return listApplications(deps.db, filters, args, true);
}

/**
 * Applications to the needs on the viewer's side (they posted it, or belong to its company), newest
 * first: what waits for their answer. Staff get only those of their own side, like anyone else.
 */
export async function receivedApplications(deps: Deps, viewer: Viewer | null, args: ListArgs) {
  if (!viewer) throw unauthenticated();
  const filters = and(
    sql`${applications.needId} in (${needIdsManagedBy(viewer.id)})`,
    args.state ? eq(applications.state, args.state) : undefined,
  );
  return listApplications(deps.db, filters, args, true);
}

/** A need's applicants in arrival order, for its side and staff; NOT_FOUND for anyone else. */
export async function needApplications(deps: Deps, viewer: Viewer | null, needId: string, args: ListArgs) {
  if (!viewer) throw unauthenticated();
  const need = await loadNeed(deps.db, assertId(needId, 'No such need'));
  if (!policy.listApplicants(viewer, (await sideOfNeeds(deps.db, viewer, [need]))[0]!)) throw notFound('No such need');
  const filters = and(eq(applications.needId, need.id), args.state ? eq(applications.state, args.state) : undefined);
  return listApplications(deps.db, filters, args, false);
}

/**
 * What a conversation about each application needs: its title (the need's) and its parties, the
 * student and the need's side. Unknown ids are left out.
 */
export async function applicationParties(
  db: Database,
  ids: string[],
): Promise<Map<string, { title: string; partyIds: string[] }>> {
  const rows = ids.length
    ? await db
        .select({ id: applications.id, needId: applications.needId, studentId: applications.studentId })
        .from(applications)
        .where(inArray(applications.id, ids))
    : [];
  const needs = await needsByIds(
    db,
    rows.map((r) => r.needId),
  );
  const members = await memberIdsOf(
    db,
    [...needs.values()].flatMap((n) => (n.organisationId ? [n.organisationId] : [])),
  );
  return new Map(
    rows.map((r) => {
      const need = needs.get(r.needId)!;
      const side = [need.postedBy, ...(need.organisationId ? (members.get(need.organisationId) ?? []) : [])];
      return [r.id, { title: need.title, partyIds: [...new Set([r.studentId, ...side])] }];
    }),
  );
}

/**
 * Which of these need and student pairs have an application (in any state), as `needId:studentId`
 * keys: applying shares the student's profile with the need's side.
 */
export async function appliedPairs(db: Database, pairs: { needId: string; studentId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .select({ needId: applications.needId, studentId: applications.studentId })
    .from(applications)
    .where(
      and(
        inArray(applications.needId, [...new Set(pairs.map((p) => p.needId))]),
        inArray(applications.studentId, [...new Set(pairs.map((p) => p.studentId))]),
      ),
    );
  return new Set(rows.map((r) => `${r.needId}:${r.studentId}`));
}

/** SQL for the ids of the applications a user made or received (on their side of the need), as a subquery. */
export function applicationIdsOfParty(userId: string): SQL {
  return sql`select ${applications.id} from ${applications} where ${applications.studentId} = ${userId} or ${applications.needId} in (${needIdsManagedBy(userId)})`;
}
