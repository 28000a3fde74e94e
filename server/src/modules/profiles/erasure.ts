/**
 * Profiles' part of erasing a person: the student profile is deleted (applications keep their
 * student; `profile_user_id` is set null by its foreign key). Matching reads discoverable students
 * straight from this table, and profiles are not in the search index, so nothing else is left.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { studentProfiles } from './tables.js';

/** Deletes the person's student profile, if any (idempotent). Returns whether there was one. */
export async function deleteStudentProfile(db: Database, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(studentProfiles)
    .where(eq(studentProfiles.userId, userId))
    .returning({ userId: studentProfiles.userId });
  return deleted.length > 0;
}
