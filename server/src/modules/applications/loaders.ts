/** Fields of applications (and of needs, about applications) the caller may already see, for the GraphQL loaders: one query per field and list. */
import { APPLICATION_TRANSITIONS, type ApplicationAction } from '@keskusvaraamo/shared';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import { recordDataAccess, type DataAccess } from '../audit/index.js';
import { needsByIds, type NeedDto } from '../needs/index.js';
import { profilesByUserIds, type StudentProfileDto } from '../profiles/index.js';
import { applicationPolicy as policy } from './policy.js';
import {
  presentApplication,
  presentApplicationEvent,
  type ApplicationDto,
  type ApplicationEventDto,
} from './presenter.js';
import { sideOfNeeds } from './setting.js';
import { applicationEvents, applications } from './tables.js';

export async function needsOf(deps: Deps, list: ApplicationDto[]): Promise<NeedDto[]> {
  const byId = await needsByIds(
    deps.db,
    list.map((a) => a.needId),
  );
  return list.map((a) => byId.get(a.needId)!);
}

export async function studentNamesOf(deps: Deps, list: ApplicationDto[]): Promise<string[]> {
  const people = await usersByIds(
    deps,
    list.map((a) => a.studentId),
  );
  return list.map((a) => people.get(a.studentId)?.displayName ?? '');
}

/**
 * The applicant's profile as it is now: applying shares it with the need's side, discoverable or
 * not. Staff's reads go into each student's views log.
 */
export async function profilesOf(
  deps: Deps,
  viewer: Viewer | null,
  list: ApplicationDto[],
): Promise<(StudentProfileDto | null)[]> {
  const linked = list.filter((a) => a.profileUserId);
  const profiles = await profilesByUserIds(
    deps.db,
    linked.map((a) => a.profileUserId!),
  );
  const byUser = new Map(linked.map((a, i) => [a.profileUserId!, profiles[i] ?? null]));
  const shown = list.map((a) => (a.profileUserId ? (byUser.get(a.profileUserId) ?? null) : null));
  if (viewer && policy.logRead(viewer)) {
    await recordDataAccess(
      deps.db,
      viewer,
      list.flatMap((a, i): DataAccess[] =>
        shown[i] ? [{ subjectUserId: shown[i].userId, kind: 'PROFILE', source: 'APPLICATIONS', objectId: a.id }] : [],
      ),
    );
  }
  return shown;
}

/**
 * The cover letters, as read: staff's reads go into each student's views log (the need's side was
 * sent the letter by the student, and the student wrote it).
 */
export async function coverLettersOf(deps: Deps, viewer: Viewer | null, list: ApplicationDto[]): Promise<string[]> {
  if (viewer && policy.logRead(viewer)) {
    await recordDataAccess(
      deps.db,
      viewer,
      list.map((a) => ({ subjectUserId: a.studentId, kind: 'APPLICATION', source: 'APPLICATIONS', objectId: a.id })),
    );
  }
  return list.map((a) => a.coverLetter);
}

export async function eventsOf(deps: Deps, list: ApplicationDto[]): Promise<ApplicationEventDto[][]> {
  const rows = list.length
    ? await deps.db
        .select()
        .from(applicationEvents)
        .where(
          inArray(
            applicationEvents.applicationId,
            list.map((a) => a.id),
          ),
        )
        .orderBy(asc(applicationEvents.at), asc(applicationEvents.id))
    : [];
  return list.map((a) =>
    rows.filter((r) => r.applicationId === a.id).map((r) => presentApplicationEvent(r, a.studentId)),
  );
}

/** What the viewer may do to each application now (the UI shows these buttons). */
export async function actionsOf(
  deps: Deps,
  viewer: Viewer | null,
  list: ApplicationDto[],
): Promise<ApplicationAction[][]> {
  if (!viewer) return list.map(() => []);
  const needs = await needsOf(deps, list);
  const sides = await sideOfNeeds(deps.db, viewer, needs);
  return list.map((a, i) =>
    (Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[]).filter((action) =>
      policy.available(viewer, action, a, needs[i]!, sides[i]!),
    ),
  );
}

/** Applications received per need: for the need's side and staff, null for everyone else. */
export async function applicationCounts(
  deps: Deps,
  viewer: Viewer | null,
  list: NeedDto[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const sides = await sideOfNeeds(deps.db, viewer, list);
  const visible = list.filter((n, i) => policy.listApplicants(viewer, sides[i]!)).map((n) => n.id);
  const rows = visible.length
    ? await deps.db
        .select({ needId: applications.needId, n: count() })
        .from(applications)
        .where(inArray(applications.needId, visible))
        .groupBy(applications.needId)
    : [];
  return list.map((n) => (visible.includes(n.id) ? (rows.find((r) => r.needId === n.id)?.n ?? 0) : null));
}

/** The viewer's own application to each need, if any. */
export async function viewerApplications(
  deps: Deps,
  viewer: Viewer | null,
  list: NeedDto[],
): Promise<(ApplicationDto | null)[]> {
  if (!viewer || list.length === 0) return list.map(() => null);
  const rows = await deps.db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.studentId, viewer.id),
        inArray(
          applications.needId,
          list.map((n) => n.id),
        ),
      ),
    );
  return list.map((n) => {
    const row = rows.find((r) => r.needId === n.id);
    return row ? presentApplication(row) : null;
  });
}
