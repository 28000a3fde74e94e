/** Who may do what with offers. `role` is the viewer's role in the offering organisation. */
import type { MembershipRole, OfferState, OrganisationKind } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

type Role = MembershipRole | null;
const EDUCATIONAL_KINDS: readonly OrganisationKind[] = ['EDUCATIONAL', 'TRAINING_BODY'];

export const offerPolicy = {
  /** Members of an educational organisation or training body publish its offers. */
  create: (viewer: Viewer | null, orgKind: OrganisationKind, role: Role) =>
    !!viewer && role !== null && EDUCATIONAL_KINDS.includes(orgKind),
  manage: (viewer: Viewer | null, role: Role) => !!viewer && (role !== null || hasRole(viewer, 'COORDINATOR')),
  read: (viewer: Viewer | null, state: OfferState, role: Role) =>
    state !== 'DRAFT' || isStaff(viewer) || offerPolicy.manage(viewer, role),
};
