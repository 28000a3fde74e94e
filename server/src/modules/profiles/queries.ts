/** Reads of student profiles: the student's own, someone else's as the policy allows, and by id for other modules. */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { unauthenticated } from '../../errors.js';
import { isUuid } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { recordDataAccess } from '../audit/index.js';
import { profilePolicy as policy } from './policy.js';
import { presentStudentProfile, type StudentProfileDto } from './presenter.js';
import { studentProfiles } from './tables.js';

export async function findStudentProfile(db: Database, userId: string): Promise<StudentProfileDto | null> {
  const [row] = await db
    .select({ profile: studentProfiles, displayName: users.displayName })
    .from(studentProfiles)
    .innerJoin(users, eq(users.id, studentProfiles.userId))
    .where(eq(studentProfiles.userId, userId));
  return row ? presentStudentProfile(row.profile, row.displayName) : null;
}

export async function myStudentProfile(deps: Deps, viewer: Viewer | null): Promise<StudentProfileDto | null> {
  if (!viewer) throw unauthenticated();
  return findStudentProfile(deps.db, viewer.id);
}

/** Someone else's profile, when the policy allows; otherwise null, as if there were none. */
export async function getStudentProfile(
  deps: Deps,
  viewer: Viewer | null,
  userId: string,
): Promise<StudentProfileDto | null> {
  if (!isUuid(userId)) return null;
  const profile = await findStudentProfile(deps.db, userId);
  if (!profile || !policy.read(viewer, profile)) return null;
  // Everyone but the student is logged: staff, and companies and schools reading a discoverable profile.
  if (policy.logRead(viewer!, profile)) {
    await recordDataAccess(deps.db, viewer!, [
      { subjectUserId: profile.userId, kind: 'PROFILE', source: 'PROFILE_PAGE' },
    ]);
  }
  return profile;
}

/**
 * Profiles of these students, in the order asked (null where none), for a module that has already
 * decided the viewer may see them: a student shares their profile with a company by applying.
 */
export async function profilesByUserIds(db: Database, userIds: string[]): Promise<(StudentProfileDto | null)[]> {
  const unique = [...new Set(userIds)];
  const rows = unique.length
    ? await db
        .select({ profile: studentProfiles, displayName: users.displayName })
        .from(studentProfiles)
        .innerJoin(users, eq(users.id, studentProfiles.userId))
        .where(inArray(studentProfiles.userId, unique))
    : [];
  const byId = new Map(rows.map((r) => [r.profile.userId, presentStudentProfile(r.profile, r.displayName)]));
  return userIds.map((id) => byId.get(id) ?? null);
}
