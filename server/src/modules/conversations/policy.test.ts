/** Who may read and write a conversation, as a table: role × relation to its subject × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { conversationPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** party: one of the subject's parties (applicant and need's side, booker and organiser, a proposal's sides). */
type Relation = 'party' | 'none';
type Action = 'READ' | 'WRITE';

describe('conversation policy', () => {
  it.each<[UserRole | null, Relation, Action, boolean]>([
    ['STUDENT', 'party', 'READ', true],
    ['STUDENT', 'party', 'WRITE', true],
    ['ENTREPRENEUR', 'party', 'WRITE', true],
    ['EDUCATOR', 'party', 'READ', true],
    // Coordinators broker and moderate: every thread.
    ['COORDINATOR', 'none', 'READ', true],
    ['COORDINATOR', 'none', 'WRITE', true],
    // Nobody else learns that a thread exists, admins included.
    ['ADMIN', 'none', 'READ', false],
    ['ADMIN', 'none', 'WRITE', false],
    ['STUDENT', 'none', 'READ', false],
    ['ENTREPRENEUR', 'none', 'WRITE', false],
    ['EDUCATOR', 'none', 'READ', false],
    [null, 'party', 'READ', false],
    [null, 'none', 'WRITE', false],
  ])('%s, %s: %s → %s', (role, relation, action, expected) => {
    const party = relation === 'party';
    const v = viewer(role);
    expect(action === 'READ' ? conversationPolicy.read(v, party) : conversationPolicy.write(v, party)).toBe(expected);
  });

  it.each<[UserRole[], boolean]>([
    // Someone who wrote in a thread and is no longer a party: a coordinator still reads along, a former colleague does not.
    [['COORDINATOR'], true],
    [['ENTREPRENEUR', 'COORDINATOR'], true],
    [['ENTREPRENEUR'], false],
    [['ADMIN'], false],
    [['STUDENT'], false],
  ])('a former writer with roles %j reads along → %s', (roles, expected) => {
    expect(conversationPolicy.readsAlong({ roles })).toBe(expected);
  });
});
