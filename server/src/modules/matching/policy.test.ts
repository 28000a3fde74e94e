/** Who may ask for matches, as a table: role × relation to the subject × action → allowed. No database. */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { matchingPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

type Relation = 'manager' | 'none';
type Action = 'NEED_MATCHES' | 'OFFER_LEADS' | 'PLACEMENTS_FOR_ME' | 'ACTS_FOR_NEED_ORGANISATION';

const allowed = (role: UserRole | null, relation: Relation, action: Action): boolean => {
  const v = viewer(role);
  const manages = relation === 'manager';
  switch (action) {
    case 'NEED_MATCHES':
      return matchingPolicy.needMatches(v, manages);
    case 'OFFER_LEADS':
      return matchingPolicy.offerLeads(v, manages);
    case 'PLACEMENTS_FOR_ME':
      return matchingPolicy.placementsForMe(v);
    case 'ACTS_FOR_NEED_ORGANISATION':
      return !!v && manages && matchingPolicy.actsForNeedOrganisation(v);
  }
};

describe('matching policy', () => {
  it.each<[UserRole | null, Relation, Action, boolean]>([
    // A need's matches: those who manage it (poster, company member, coordinator), nobody else.
    ['ENTREPRENEUR', 'manager', 'NEED_MATCHES', true],
    ['ENTREPRENEUR', 'none', 'NEED_MATCHES', false],
    ['COORDINATOR', 'manager', 'NEED_MATCHES', true],
    ['EDUCATOR', 'none', 'NEED_MATCHES', false],
    ['STUDENT', 'none', 'NEED_MATCHES', false],
    [null, 'none', 'NEED_MATCHES', false],
    [null, 'manager', 'NEED_MATCHES', false],
    // An offer's leads: its organisation and coordinators.
    ['EDUCATOR', 'manager', 'OFFER_LEADS', true],
    ['EDUCATOR', 'none', 'OFFER_LEADS', false],
    ['COORDINATOR', 'manager', 'OFFER_LEADS', true],
    ['ENTREPRENEUR', 'none', 'OFFER_LEADS', false],
    [null, 'manager', 'OFFER_LEADS', false],
    // Placements from one's own profile: students only, whatever they manage.
    ['STUDENT', 'none', 'PLACEMENTS_FOR_ME', true],
    ['ENTREPRENEUR', 'none', 'PLACEMENTS_FOR_ME', false],
    ['EDUCATOR', 'manager', 'PLACEMENTS_FOR_ME', false],
    ['COORDINATOR', 'none', 'PLACEMENTS_FOR_ME', false],
    ['ADMIN', 'none', 'PLACEMENTS_FOR_ME', false],
    [null, 'none', 'PLACEMENTS_FOR_ME', false],
    // In a student's views log, the need's side reads matches for its company; staff for none.
    ['ENTREPRENEUR', 'manager', 'ACTS_FOR_NEED_ORGANISATION', true],
    ['COORDINATOR', 'manager', 'ACTS_FOR_NEED_ORGANISATION', false],
    ['ADMIN', 'manager', 'ACTS_FOR_NEED_ORGANISATION', false],
  ])('%s, %s: %s → %s', (role, relation, action, expected) => {
    expect(allowed(role, relation, action)).toBe(expected);
  });
});
