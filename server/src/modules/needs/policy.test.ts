/** Who may do what with needs, as a table: role × relation to the need × its state × action → allowed. No database. */
import type { NeedState, OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { needPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** poster: posted it; member: belongs to its company; none: neither. */
type Relation = 'poster' | 'member' | 'none';
type Action = 'POST' | 'MANAGE' | 'READ';

const allowed = (role: UserRole | null, relation: Relation, state: NeedState, action: Action): boolean => {
  const v = viewer(role);
  const need = { postedBy: relation === 'poster' ? 'viewer' : 'someone', organisationId: 'company', state };
  const membership = relation === 'member' ? 'MEMBER' : null;
  switch (action) {
    case 'POST':
      return needPolicy.post(v);
    case 'MANAGE':
      return needPolicy.manage(v, need, membership);
    case 'READ':
      return needPolicy.read(v, need, membership);
  }
};

describe('need policy', () => {
  it.each<[UserRole | null, Relation, NeedState, Action, boolean]>([
    // Posting: entrepreneurs only.
    ['ENTREPRENEUR', 'none', 'DRAFT', 'POST', true],
    ['STUDENT', 'none', 'DRAFT', 'POST', false],
    ['EDUCATOR', 'none', 'DRAFT', 'POST', false],
    ['COORDINATOR', 'none', 'DRAFT', 'POST', false],
    ['ADMIN', 'none', 'DRAFT', 'POST', false],
    [null, 'none', 'DRAFT', 'POST', false],
    // Managing (edit, publish, close, delete): the poster, the company's members, coordinators.
    ['ENTREPRENEUR', 'poster', 'OPEN', 'MANAGE', true],
    ['ENTREPRENEUR', 'member', 'DRAFT', 'MANAGE', true],
    ['ENTREPRENEUR', 'none', 'OPEN', 'MANAGE', false],
    ['COORDINATOR', 'none', 'DRAFT', 'MANAGE', true],
    ['ADMIN', 'none', 'OPEN', 'MANAGE', false],
    ['STUDENT', 'none', 'OPEN', 'MANAGE', false],
    [null, 'poster', 'OPEN', 'MANAGE', false],
    // Reading: open, filled and expired needs are public; drafts and closed ones for managers and staff.
    [null, 'none', 'OPEN', 'READ', true],
    [null, 'none', 'FILLED', 'READ', true],
    [null, 'none', 'EXPIRED', 'READ', true],
    [null, 'none', 'DRAFT', 'READ', false],
    [null, 'none', 'CLOSED', 'READ', false],
    ['STUDENT', 'none', 'DRAFT', 'READ', false],
    ['ENTREPRENEUR', 'none', 'CLOSED', 'READ', false],
    ['ENTREPRENEUR', 'poster', 'DRAFT', 'READ', true],
    ['ENTREPRENEUR', 'member', 'CLOSED', 'READ', true],
    ['COORDINATOR', 'none', 'DRAFT', 'READ', true],
    ['ADMIN', 'none', 'CLOSED', 'READ', true],
  ])('%s, %s, %s: %s → %s', (role, relation, state, action, expected) => {
    expect(allowed(role, relation, state, action)).toBe(expected);
  });

  it.each<[OrganisationKind, 'OWNER' | 'MEMBER' | null, boolean]>([
    // A need is posted for a company of one's own, never for a school or another body.
    ['COMPANY', 'OWNER', true],
    ['COMPANY', 'MEMBER', true],
    ['COMPANY', null, false],
    ['EDUCATIONAL', 'OWNER', false],
    ['TRAINING_BODY', 'MEMBER', false],
  ])('posting for a %s where the poster is %s → %s', (kind, role, expected) => {
    expect(needPolicy.postFor({ kind }, role)).toBe(expected);
  });
});
