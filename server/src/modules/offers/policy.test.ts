/** Who may do what with offers, as a table: role × relation to the offer × action → allowed. No database. */
import type { OfferState, OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { offerPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** The viewer's relation to the offering organisation. */
type Relation = 'owner' | 'member' | 'none';
const roleIn = (relation: Relation) => (relation === 'owner' ? 'OWNER' : relation === 'member' ? 'MEMBER' : null);

describe('offer policy', () => {
  it.each<[UserRole | null, Relation, OrganisationKind, boolean]>([
    // Members of an educational organisation or training body publish its offers; nobody else.
    ['EDUCATOR', 'member', 'EDUCATIONAL', true],
    ['EDUCATOR', 'owner', 'TRAINING_BODY', true],
    ['ENTREPRENEUR', 'member', 'COMPANY', false],
    ['EDUCATOR', 'member', 'COMPANY', false],
    ['EDUCATOR', 'none', 'EDUCATIONAL', false],
    ['COORDINATOR', 'none', 'EDUCATIONAL', false],
    ['ADMIN', 'none', 'TRAINING_BODY', false],
    [null, 'member', 'EDUCATIONAL', false],
  ])('create: %s, %s of a %s organisation → %s', (role, relation, kind, expected) => {
    expect(offerPolicy.create(viewer(role), kind, roleIn(relation))).toBe(expected);
  });

  it.each<[UserRole | null, Relation, boolean]>([
    // Editing an offer and its sessions: the organisation's members and coordinators.
    ['EDUCATOR', 'member', true],
    ['EDUCATOR', 'owner', true],
    ['EDUCATOR', 'none', false],
    ['COORDINATOR', 'none', true],
    ['ADMIN', 'none', false],
    ['ENTREPRENEUR', 'none', false],
    ['STUDENT', 'none', false],
    [null, 'member', false],
    [null, 'none', false],
  ])('manage: %s, %s → %s', (role, relation, expected) => {
    expect(offerPolicy.manage(viewer(role), roleIn(relation))).toBe(expected);
  });

  it.each<[UserRole | null, Relation, OfferState, boolean]>([
    // Published and archived offers are public.
    [null, 'none', 'PUBLISHED', true],
    ['STUDENT', 'none', 'ARCHIVED', true],
    // A draft: those who manage it and staff only.
    [null, 'none', 'DRAFT', false],
    ['ENTREPRENEUR', 'none', 'DRAFT', false],
    ['EDUCATOR', 'none', 'DRAFT', false],
    ['EDUCATOR', 'member', 'DRAFT', true],
    ['COORDINATOR', 'none', 'DRAFT', true],
    ['ADMIN', 'none', 'DRAFT', true],
  ])('read: %s, %s, a %s offer → %s', (role, relation, state, expected) => {
    expect(offerPolicy.read(viewer(role), state, roleIn(relation))).toBe(expected);
  });

  it.each<[UserRole | null, Relation, OfferState, 'FORBIDDEN' | 'NOT_FOUND' | null]>([
    // Managers pass; others are told FORBIDDEN about what they may see, NOT_FOUND about a draft.
    ['EDUCATOR', 'member', 'DRAFT', null],
    ['COORDINATOR', 'none', 'DRAFT', null],
    ['EDUCATOR', 'none', 'PUBLISHED', 'FORBIDDEN'],
    ['ENTREPRENEUR', 'none', 'ARCHIVED', 'FORBIDDEN'],
    ['EDUCATOR', 'none', 'DRAFT', 'NOT_FOUND'],
    ['ADMIN', 'none', 'DRAFT', 'FORBIDDEN'],
    ['STUDENT', 'none', 'DRAFT', 'NOT_FOUND'],
  ])('refuseToManage: %s, %s, a %s offer → %s', (role, relation, state, expected) => {
    expect(offerPolicy.refuseToManage(viewer(role), state, roleIn(relation))).toBe(expected);
  });
});
