/** Who may keep and read student profiles, as a table: role × relation × the student's opt-in × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { profilePolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

type Relation = 'own' | 'none';
type Visibility = 'discoverable' | 'hidden';
type Action = 'KEEP' | 'READ';

describe('profile policy', () => {
  it.each<[UserRole | null, Relation, Visibility, Action, boolean]>([
    // Keeping a profile: students only.
    ['STUDENT', 'own', 'hidden', 'KEEP', true],
    ['ENTREPRENEUR', 'own', 'hidden', 'KEEP', false],
    ['EDUCATOR', 'own', 'hidden', 'KEEP', false],
    ['COORDINATOR', 'own', 'hidden', 'KEEP', false],
    [null, 'own', 'hidden', 'KEEP', false],
    // Reading: one's own always; staff always; entrepreneurs and educators only when the student opted in.
    ['STUDENT', 'own', 'hidden', 'READ', true],
    ['STUDENT', 'none', 'discoverable', 'READ', false],
    ['COORDINATOR', 'none', 'hidden', 'READ', true],
    ['ADMIN', 'none', 'hidden', 'READ', true],
    ['ENTREPRENEUR', 'none', 'discoverable', 'READ', true],
    ['ENTREPRENEUR', 'none', 'hidden', 'READ', false],
    ['EDUCATOR', 'none', 'discoverable', 'READ', true],
    ['EDUCATOR', 'none', 'hidden', 'READ', false],
    [null, 'none', 'discoverable', 'READ', false],
  ])('%s, %s, %s: %s → %s', (role, relation, visibility, action, expected) => {
    const v = viewer(role);
    const profile = { userId: relation === 'own' ? 'viewer' : 'student', discoverable: visibility === 'discoverable' };
    expect(action === 'KEEP' ? profilePolicy.keep(v) : profilePolicy.read(v, profile)).toBe(expected);
  });

  it.each<[UserRole, Relation, boolean]>([
    // A read goes into the student's views log unless it is the student's own.
    ['STUDENT', 'own', false],
    ['STUDENT', 'none', true],
    ['COORDINATOR', 'none', true],
    ['ADMIN', 'none', true],
    ['ENTREPRENEUR', 'none', true],
    ['EDUCATOR', 'none', true],
  ])('%s reading a %s profile is logged → %s', (role, relation, expected) => {
    expect(profilePolicy.logRead(viewer(role)!, { userId: relation === 'own' ? 'viewer' : 'student' })).toBe(expected);
  });
});
