/** Who may read and do what in privacy, as a table: role × whose data × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { privacyPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

type Whose = 'own' | 'another';
type Action = 'READ_AUDIT_LOG' | 'READ_ACCESS_LOG';

describe('privacy policy', () => {
  it.each<[UserRole | null, Whose, Action, boolean]>([
    // The log of who opened a person's data: everyone their own; only admins another's.
    ['STUDENT', 'own', 'READ_ACCESS_LOG', true],
    ['ENTREPRENEUR', 'own', 'READ_ACCESS_LOG', true],
    ['EDUCATOR', 'own', 'READ_ACCESS_LOG', true],
    ['COORDINATOR', 'own', 'READ_ACCESS_LOG', true],
    ['ADMIN', 'own', 'READ_ACCESS_LOG', true],
    ['ADMIN', 'another', 'READ_ACCESS_LOG', true],
    ['STUDENT', 'another', 'READ_ACCESS_LOG', false],
    ['ENTREPRENEUR', 'another', 'READ_ACCESS_LOG', false],
    ['EDUCATOR', 'another', 'READ_ACCESS_LOG', false],
    ['COORDINATOR', 'another', 'READ_ACCESS_LOG', false],
    [null, 'own', 'READ_ACCESS_LOG', false],
    [null, 'another', 'READ_ACCESS_LOG', false],
    // The audit log: admins only, whoever it is about.
    ['ADMIN', 'another', 'READ_AUDIT_LOG', true],
    ['COORDINATOR', 'another', 'READ_AUDIT_LOG', false],
    ['EDUCATOR', 'another', 'READ_AUDIT_LOG', false],
    ['ENTREPRENEUR', 'another', 'READ_AUDIT_LOG', false],
    ['STUDENT', 'own', 'READ_AUDIT_LOG', false],
    [null, 'another', 'READ_AUDIT_LOG', false],
  ])('%s, %s: %s → %s', (role, whose, action, expected) => {
    const v = viewer(role);
    const userId = whose === 'own' ? 'viewer' : 'student';
    const rules: Record<Action, () => boolean> = {
      READ_ACCESS_LOG: () => privacyPolicy.readAccessLog(v, userId),
      READ_AUDIT_LOG: () => privacyPolicy.readAuditLog(v),
    };
    expect(rules[action]()).toBe(expected);
  });
});
