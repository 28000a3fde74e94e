/** Student profile use cases that change state: a student keeps one profile, saved whole each time. */
import { studentProfileSchema } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { lockLiveAccount } from '../accounts/index.js';
import { profilePolicy as policy } from './policy.js';
import type { StudentProfileDto } from './presenter.js';
import { findStudentProfile } from './queries.js';
import { studentProfiles } from './tables.js';

export async function saveStudentProfile(
  deps: Deps,
  viewer: Viewer | null,
  input: unknown,
): Promise<StudentProfileDto> {
  if (!viewer) throw unauthenticated();
  if (!policy.keep(viewer)) throw forbidden('Only students keep a student profile');
  const data = parseInput(studentProfileSchema, input);
  return deps.db.transaction(async (tx) => {
    // An account erased while this waited (erasure deletes the profile under the account's lock) keeps none.
    if (!(await lockLiveAccount(tx, viewer.id))) throw unauthenticated();
    await tx
      .insert(studentProfiles)
      .values({ ...data, userId: viewer.id })
      .onConflictDoUpdate({ target: studentProfiles.userId, set: { ...data, updatedAt: sql`now()` } });
    return (await findStudentProfile(tx, viewer.id))!;
  });
}
