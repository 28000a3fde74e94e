/** Student profiles: the student keeps one; others see it only as the opt-in allows. */
import { studentProfileSchema, type Locale } from '@keskusvaraamo/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import { isUuid } from '../../lib/ids.js';
import { users } from '../accounts/tables.js';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';
import { studentProfiles } from './tables.js';

export const profilePolicy = {
  keep: (viewer: Viewer | null) => hasRole(viewer, 'STUDENT'),
  read: (viewer: Viewer | null, profile: { userId: string; discoverable: boolean }) =>
    !!viewer &&
    (viewer.id === profile.userId ||
      isStaff(viewer) ||
      (profile.discoverable && (hasRole(viewer, 'ENTREPRENEUR') || hasRole(viewer, 'EDUCATOR')))),
};

function present(row: typeof studentProfiles.$inferSelect, displayName: string) {
  return {
    userId: row.userId,
    displayName,
    institutionName: row.institutionName,
    fieldOfStudy: row.fieldOfStudy,
    studyLevel: row.studyLevel,
    topics: row.topics,
    languages: row.languages as Locale[],
    availableFrom: row.availableFrom,
    availableTo: row.availableTo,
    homeMunicipalityCode: row.homeMunicipalityCode,
    introduction: row.introduction,
    discoverable: row.discoverable,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type StudentProfileDto = ReturnType<typeof present>;

async function find(deps: Deps, userId: string) {
  const [row] = await deps.db
    .select({ profile: studentProfiles, displayName: users.displayName })
    .from(studentProfiles)
    .innerJoin(users, eq(users.id, studentProfiles.userId))
    .where(eq(studentProfiles.userId, userId));
  return row ? present(row.profile, row.displayName) : null;
}

export async function saveStudentProfile(
  deps: Deps,
  viewer: Viewer | null,
  input: unknown,
): Promise<StudentProfileDto> {
  if (!viewer) throw unauthenticated();
  if (!profilePolicy.keep(viewer)) throw forbidden('Only students keep a student profile');
  const data = parseInput(studentProfileSchema, input);
  await deps.db
    .insert(studentProfiles)
    .values({ ...data, userId: viewer.id })
    .onConflictDoUpdate({ target: studentProfiles.userId, set: { ...data, updatedAt: sql`now()` } });
  return (await find(deps, viewer.id))!;
}

export async function myStudentProfile(deps: Deps, viewer: Viewer | null): Promise<StudentProfileDto | null> {
  if (!viewer) throw unauthenticated();
  return find(deps, viewer.id);
}

/** Someone else's profile, when the policy allows; otherwise null, as if there were none. */
export async function getStudentProfile(
  deps: Deps,
  viewer: Viewer | null,
  userId: string,
): Promise<StudentProfileDto | null> {
  if (!isUuid(userId)) return null;
  const profile = await find(deps, userId);
  return profile && profilePolicy.read(viewer, profile) ? profile : null;
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
  const byId = new Map(rows.map((r) => [r.profile.userId, present(r.profile, r.displayName)]));
  return userIds.map((id) => byId.get(id) ?? null);
}
