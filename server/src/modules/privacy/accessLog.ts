/**
 * Reading the log of who opened a student's personal data (audit's `data_access_events`), with the
 * viewers' names as they are now and the organisations they acted for: the student's own rows, or
 * any person's for an admin. Newest first, keyset paged.
 */
import { ERASED_TEXT, type DataAccessKind, type DataAccessSource, type UserRole } from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { forbidden, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { dataAccessEvents } from '../audit/tables.js';
import { organisations } from '../organisations/tables.js';
import { privacyPolicy as policy } from './policy.js';

export interface DataAccessEventDto {
  id: string;
  at: string;
  viewerName: string;
  viewerRoles: UserRole[];
  organisationName: string | null;
  kind: DataAccessKind;
  source: DataAccessSource;
}

interface Args {
  userId?: string | null;
  first?: number | null;
  after?: string | null;
}

export async function dataAccessLog(deps: Deps, viewer: Viewer | null, args: Args) {
  if (!viewer) throw unauthenticated();
  const userId = args.userId ?? viewer.id;
  if (!policy.readAccessLog(viewer, userId)) throw forbidden();
  const subjectId = assertId(userId, 'No such user');
  const page = keyset(args, [
    { column: dataAccessEvents.at, type: 'timestamp', descending: true },
    { column: dataAccessEvents.id, type: 'uuid', descending: true },
  ]);
  const rows = await deps.db
    .select({
      id: dataAccessEvents.id,
      at: dataAccessEvents.at,
      // An erased viewer's row stays: their name is gone, which the web shows translated.
      viewerName: sql<string>`case when ${users.anonymisedAt} is null then coalesce(${users.displayName}, ${ERASED_TEXT}) else ${ERASED_TEXT} end`,
      viewerRoles: dataAccessEvents.viewerRoles,
      organisationName: organisations.name,
      kind: dataAccessEvents.kind,
      source: dataAccessEvents.source,
      cursor: page.cursor,
    })
    .from(dataAccessEvents)
    .leftJoin(users, eq(users.id, dataAccessEvents.viewerId))
    .leftJoin(organisations, eq(organisations.id, dataAccessEvents.viewerOrganisationId))
    .where(and(eq(dataAccessEvents.subjectUserId, subjectId), page.where))
    .orderBy(...page.orderBy)
    .limit(page.limit);
  // The type has no totalCount: nobody needs one, so none is counted.
  const { nodes, pageInfo } = page.connection(rows, 0, (r): DataAccessEventDto => ({
    id: r.id,
    at: r.at.toISOString(),
    viewerName: r.viewerName,
    viewerRoles: r.viewerRoles as UserRole[],
    organisationName: r.organisationName,
    kind: r.kind,
    source: r.source,
  }));
  return { nodes, pageInfo };
}
