/**
 * Organisations' rules as a table, without a database: the viewer's role in the service × their
 * membership in the organisation × action → allowed.
 */
import type { MembershipRole, OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { organisationPolicy as policy } from './policy.js';

const viewer = (roles: UserRole[], id = 'me'): Viewer => ({
  id,
  email: `${id}@example.fi`,
  roles,
  emailVerified: true,
});

type Membership = MembershipRole | null;
type Action = 'seeMembers' | 'update' | 'invite' | 'seeInvitations' | 'changeRoles' | 'removeOther' | 'leave';

const allowed = (v: Viewer, membership: Membership, action: Action) => {
  switch (action) {
    case 'removeOther':
      return policy.removeMember(v, membership, 'someone-else');
    case 'leave':
      return policy.removeMember(v, membership, v.id);
    default:
      return policy[action](v, membership);
  }
};

// role, membership, [seeMembers, update, invite, seeInvitations, changeRoles, removeOther, leave]
const TABLE: [UserRole, Membership, boolean[]][] = [
  ['ENTREPRENEUR', 'OWNER', [true, true, true, true, true, true, true]],
  ['ENTREPRENEUR', 'MEMBER', [true, false, false, false, false, false, true]],
  ['ENTREPRENEUR', null, [false, false, false, false, false, false, false]],
  ['EDUCATOR', 'OWNER', [true, true, true, true, true, true, true]],
  ['EDUCATOR', 'MEMBER', [true, false, false, false, false, false, true]],
  ['STUDENT', null, [false, false, false, false, false, false, false]],
  ['COORDINATOR', null, [true, true, false, true, false, false, false]],
  ['COORDINATOR', 'MEMBER', [true, true, false, true, false, false, true]],
  ['ADMIN', null, [true, false, false, true, false, false, false]],
];
const ACTIONS: Action[] = ['seeMembers', 'update', 'invite', 'seeInvitations', 'changeRoles', 'removeOther', 'leave'];

describe('who may do what with an organisation', () => {
  it.each(TABLE.flatMap(([role, membership, row]) => ACTIONS.map((action, i) => [role, membership, action, row[i]!])))(
    '%s, membership %s: %s → %s',
    (role, membership, action, expected) => {
      expect(allowed(viewer([role as UserRole]), membership as Membership, action as Action)).toBe(expected);
    },
  );

  it.each([
    ['ENTREPRENEUR', 'COMPANY', true],
    ['ENTREPRENEUR', 'EDUCATIONAL', false],
    ['EDUCATOR', 'EDUCATIONAL', true],
    ['EDUCATOR', 'TRAINING_BODY', true],
    ['EDUCATOR', 'COMPANY', false],
    ['STUDENT', 'COMPANY', false],
    ['COORDINATOR', 'COMPANY', true],
    ['ADMIN', 'EDUCATIONAL', true],
  ] as const)('a %s founds a %s organisation → %s', (role, kind, expected) => {
    expect(policy.found(viewer([role]), kind as OrganisationKind)).toBe(expected);
  });

  it('a visitor founds nothing', () => {
    expect(policy.found(null, 'COMPANY')).toBe(false);
  });

  it.each([
    ['ENTREPRENEUR', false, false],
    ['EDUCATOR', false, false],
    ['STUDENT', false, false],
    ['COORDINATOR', true, true],
    ['ADMIN', true, false],
  ] as const)('a %s changes an organisation’s kind → %s; verifies one → %s', (role, changeKind, verify) => {
    expect(policy.changeKind(viewer([role]))).toBe(changeKind);
    expect(policy.verify(viewer([role]))).toBe(verify);
  });

  it.each([
    // owners now, the member changed, their new role (null: removed) → allowed
    [['a'], 'a', 'MEMBER', false],
    [['a'], 'a', null, false],
    [['a'], 'a', 'OWNER', true],
    [['a', 'b'], 'a', 'MEMBER', true],
    [['a', 'b'], 'a', null, true],
    [['a'], 'b', 'MEMBER', true],
    [['a'], 'b', null, true],
  ] as const)('owners %j: %s becomes %s → keeps an owner: %s', (owners, memberId, newRole, expected) => {
    expect(policy.keepsAnOwner(owners, memberId, newRole)).toBe(expected);
  });

  it.each([
    ['me@example.fi', true],
    ['someone@example.fi', false],
  ])('an invitation to %s is accepted by me@example.fi → %s', (invited, expected) => {
    expect(policy.acceptInvitation(viewer(['STUDENT'], 'me'), invited)).toBe(expected);
  });
});
