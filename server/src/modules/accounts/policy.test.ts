/** Accounts' rules as a table, without a database: role × relation × action → allowed. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { accountPolicy } from './policy.js';

const viewer = (roles: UserRole[], id = 'me'): Viewer => ({
  id,
  email: `${id}@example.fi`,
  roles,
  emailVerified: true,
});
const as = (role: UserRole | 'visitor') => (role === 'visitor' ? null : viewer([role]));

describe('who may read and administer accounts', () => {
  it.each([
    ['visitor', false],
    ['ENTREPRENEUR', false],
    ['STUDENT', false],
    ['EDUCATOR', false],
    ['COORDINATOR', false],
    ['ADMIN', true],
  ] as const)('%s: list every user → %s; change roles → the same', (role, allowed) => {
    expect(accountPolicy.listUsers(as(role))).toBe(allowed);
    expect(accountPolicy.setRoles(as(role))).toBe(allowed);
  });

  it.each([
    // relation to the account changed, roles it is given → allowed
    ['own', ['ADMIN'], true],
    ['own', ['ADMIN', 'COORDINATOR'], true],
    ['own', ['COORDINATOR'], false],
    ['own', [], false],
    ['another', ['STUDENT'], true],
    ['another', [], true],
  ] as const)("an admin changing %s account's roles to %j → %s", (relation, roles, allowed) => {
    const admin = viewer(['ADMIN'], 'me');
    const userId = relation === 'own' ? 'me' : 'someone-else';
    expect(accountPolicy.keepsOwnAdmin(admin, { userId, roles: [...roles] })).toBe(allowed);
  });
});
