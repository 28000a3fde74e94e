/**
 * Who may do what with offers, as small rules over plain data: the viewer's roles, their `role`
 * in the offering organisation (null: not a member), the organisation's kind, the offer's state.
 */
import type { MembershipRole, OfferState, OrganisationKind } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

type Role = MembershipRole | null;
const EDUCATIONAL_KINDS: readonly OrganisationKind[] = ['EDUCATIONAL', 'TRAINING_BODY'];

export const offerPolicy = {
  /** Members of an educational organisation or training body publish its offers. */
  create: (viewer: Viewer | null, orgKind: OrganisationKind, role: Role) =>
    !!viewer && role !== null && EDUCATIONAL_KINDS.includes(orgKind),
  /** Editing an offer and its sessions: the organisation's members and coordinators. */
  manage: (viewer: Viewer | null, role: Role) => !!viewer && (role !== null || hasRole(viewer, 'COORDINATOR')),
  /** Published and archived offers are public; a draft only for those who manage it, and staff. */
  read: (viewer: Viewer | null, state: OfferState, role: Role) =>
    state !== 'DRAFT' || isStaff(viewer) || offerPolicy.manage(viewer, role),
  /**
   * Why someone may not manage an offer: FORBIDDEN when they may see it, NOT_FOUND when even
   * its existence is not theirs to know (another organisation's draft); null when they may.
   */
  refuseToManage: (viewer: Viewer | null, state: OfferState, role: Role): 'FORBIDDEN' | 'NOT_FOUND' | null => {
    if (offerPolicy.manage(viewer, role)) return null;
    return offerPolicy.read(viewer, state, role) ? 'FORBIDDEN' : 'NOT_FOUND';
  },
};
