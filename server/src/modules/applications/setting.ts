/** What the application use cases share: loading an application and its need, and who stands where. */
import type { NotificationType } from '@keskusvaraamo/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import type { NewNotification } from '../messaging/index.js';
import { needsByIds, type NeedDto } from '../needs/index.js';
import { memberIdsOf, organisationsByIds, userOrganisationIds } from '../organisations/index.js';
import { applications } from './tables.js';

export type ApplicationRow = typeof applications.$inferSelect;

export async function loadApplication(db: Database, id: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(eq(applications.id, assertId(id, 'No such application')));
  if (!row) throw notFound('No such application');
  return row;
}

export async function loadNeed(db: Database, id: string): Promise<NeedDto> {
  const need = (await needsByIds(db, [id])).get(id);
  if (!need) throw notFound('No such need');
  return need;
}

/** An application's surroundings, as its notifications and rules need them. */
export interface Setting {
  need: NeedDto;
  /** The company's name, or the poster's when they posted without one. */
  organisationName: string;
  studentName: string;
  /** The need's side: the poster and the company's members. */
  sideIds: string[];
}

export async function settingOf(deps: Deps, db: Database, need: NeedDto, studentId: string): Promise<Setting> {
  const [organisation] = need.organisationId ? await organisationsByIds(db, [need.organisationId]) : [];
  const members = need.organisationId
    ? ((await memberIdsOf(db, [need.organisationId])).get(need.organisationId) ?? [])
    : [];
  const people = await usersByIds({ ...deps, db }, [studentId, need.postedBy]);
  return {
    need,
    organisationName: organisation?.name ?? people.get(need.postedBy)?.displayName ?? '',
    studentName: people.get(studentId)?.displayName ?? '',
    sideIds: [...new Set([need.postedBy, ...members])],
  };
}

/** A notification about an application; the student's link leads to their application, the company's to the applicants. */
export function notice(
  type: NotificationType,
  userId: string,
  application: { id: string },
  setting: Setting,
  reason: string | null = null,
): NewNotification {
  const toStudent = !setting.sideIds.includes(userId);
  return {
    userId,
    type,
    data: {
      applicationId: application.id,
      needId: setting.need.id,
      needTitle: setting.need.title,
      organisationName: setting.organisationName,
      studentName: setting.studentName,
      ...(reason ? { reason } : {}),
      path: toStudent ? `/my/applications/${application.id}` : `/needs/${setting.need.id}/applicants`,
    },
  };
}

/** Whether the viewer is on each need's side (posted it, or belongs to its company), with one query. */
export async function sideOfNeeds(db: Database, viewer: Viewer, list: NeedDto[]): Promise<boolean[]> {
  const orgIds = new Set(await userOrganisationIds(db, viewer.id));
  return list.map((n) => n.postedBy === viewer.id || (n.organisationId !== null && orgIds.has(n.organisationId)));
}
