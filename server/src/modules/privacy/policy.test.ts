/** Who may read and do what in privacy, as a table: role × whose data × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { privacyPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

type Whose = 'own' | 'another';
type Action = 'READ_AUDIT_LOG' | 'READ_ACCESS_LOG' | 'PREVIEW_ERASURE' | 'DELETE_OWN_ACCOUNT' | 'ERASE_USER';

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
    // Deleting an account: everyone their own (with their password); an admin erases another,
    // never themselves; nobody else previews or erases another person.
    ['STUDENT', 'own', 'PREVIEW_ERASURE', true],
    ['COORDINATOR', 'own', 'PREVIEW_ERASURE', true],
    ['ADMIN', 'another', 'PREVIEW_ERASURE', true],
    ['STUDENT', 'another', 'PREVIEW_ERASURE', false],
    ['ENTREPRENEUR', 'another', 'PREVIEW_ERASURE', false],
    ['EDUCATOR', 'another', 'PREVIEW_ERASURE', false],
    ['COORDINATOR', 'another', 'PREVIEW_ERASURE', false],
    [null, 'own', 'PREVIEW_ERASURE', false],
    ['STUDENT', 'own', 'DELETE_OWN_ACCOUNT', true],
    ['ENTREPRENEUR', 'own', 'DELETE_OWN_ACCOUNT', true],
    ['ADMIN', 'own', 'DELETE_OWN_ACCOUNT', true],
    [null, 'own', 'DELETE_OWN_ACCOUNT', false],
    ['ADMIN', 'another', 'ERASE_USER', true],
    ['ADMIN', 'own', 'ERASE_USER', false],
    ['COORDINATOR', 'another', 'ERASE_USER', false],
    ['EDUCATOR', 'another', 'ERASE_USER', false],
    ['ENTREPRENEUR', 'another', 'ERASE_USER', false],
    ['STUDENT', 'another', 'ERASE_USER', false],
    ['STUDENT', 'own', 'ERASE_USER', false],
    [null, 'another', 'ERASE_USER', false],
  ])('%s, %s: %s → %s', (role, whose, action, expected) => {
    const v = viewer(role);
    const userId = whose === 'own' ? 'viewer' : 'student';
    const rules: Record<Action, () => boolean> = {
      READ_ACCESS_LOG: () => privacyPolicy.readAccessLog(v, userId),
      READ_AUDIT_LOG: () => privacyPolicy.readAuditLog(v),
      PREVIEW_ERASURE: () => privacyPolicy.previewErasure(v, userId),
      DELETE_OWN_ACCOUNT: () => privacyPolicy.deleteOwnAccount(v),
      ERASE_USER: () => privacyPolicy.eraseUser(v, userId),
    };
    expect(rules[action]()).toBe(expected);
  });

  it('lets blockers stop a person’s and an admin’s erasure, not the retention job’s', () => {
    expect(privacyPolicy.blockedBy('ACCOUNT_DELETED')).toBe(true);
    expect(privacyPolicy.blockedBy('USER_ERASED')).toBe(true);
    expect(privacyPolicy.blockedBy('ACCOUNT_EXPIRED')).toBe(false);
  });
});
