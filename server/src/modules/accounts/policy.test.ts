/** Accounts' rules as a table, without a database: role × relation × action → allowed. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { accountPolicy, type AccountState } from './policy.js';

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

  it.each([
    ['visitor', false],
    ['ENTREPRENEUR', false],
    ['STUDENT', false],
    ['EDUCATOR', false],
    ['COORDINATOR', false],
    ['ADMIN', true],
  ] as const)('%s: deactivate or reactivate an account → %s', (role, allowed) => {
    expect(accountPolicy.deactivate(as(role))).toBe(allowed);
  });

  it.each([
    ['own', false],
    ['another', true],
  ] as const)('an admin deactivating %s account → %s', (relation, allowed) => {
    const admin = viewer(['ADMIN'], 'me');
    expect(accountPolicy.deactivatesAnother(admin, relation === 'own' ? 'me' : 'someone-else')).toBe(allowed);
  });

  it.each<[string, AccountState, { deactivate: boolean; reactivate: boolean; signIn: boolean }]>([
    ['active', { deactivated: false, anonymised: false }, { deactivate: true, reactivate: false, signIn: true }],
    ['deactivated', { deactivated: true, anonymised: false }, { deactivate: false, reactivate: true, signIn: false }],
    ['erased', { deactivated: false, anonymised: true }, { deactivate: false, reactivate: false, signIn: false }],
    [
      'erased while deactivated',
      { deactivated: true, anonymised: true },
      { deactivate: false, reactivate: false, signIn: false },
    ],
  ])('an account that is %s: %j', (_name, state, expected) => {
    expect({
      deactivate: accountPolicy.mayDeactivate(state),
      reactivate: accountPolicy.mayReactivate(state),
      signIn: accountPolicy.maySignIn(state),
    }).toEqual(expected);
  });
});
