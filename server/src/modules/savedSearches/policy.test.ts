/** Who may do what with saved searches, as a table: role × relation × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { savedSearchPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

type Relation = 'owner' | 'none';
type Action = 'SAVE' | 'OWN';

describe('saved search policy', () => {
  it.each<[UserRole | null, Relation, Action, boolean]>([
    // Anyone signed in saves searches.
    ['STUDENT', 'none', 'SAVE', true],
    ['ENTREPRENEUR', 'none', 'SAVE', true],
    ['ADMIN', 'none', 'SAVE', true],
    [null, 'none', 'SAVE', false],
    // Reading, changing and deleting one: its owner only, not staff either.
    ['STUDENT', 'owner', 'OWN', true],
    ['EDUCATOR', 'owner', 'OWN', true],
    ['STUDENT', 'none', 'OWN', false],
    ['COORDINATOR', 'none', 'OWN', false],
    ['ADMIN', 'none', 'OWN', false],
    [null, 'owner', 'OWN', false],
  ])('%s, %s: %s → %s', (role, relation, action, expected) => {
    const v = viewer(role);
    const saved = { userId: relation === 'owner' ? 'viewer' : 'someone' };
    expect(action === 'SAVE' ? savedSearchPolicy.save(v) : savedSearchPolicy.own(v, saved)).toBe(expected);
  });
});
