/** Who may do what with organisations. `role` is the viewer's membership role in the organisation. */
import { organisationKindsFor, type MembershipRole, type OrganisationKind } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

type Role = MembershipRole | null;

export const organisationPolicy = {
  found: (viewer: Viewer | null, kind: OrganisationKind) =>
    !!viewer && organisationKindsFor(viewer.roles).includes(kind),
  seeMembers: (viewer: Viewer | null, role: Role) => role !== null || isStaff(viewer),
  update: (viewer: Viewer | null, role: Role) => role === 'OWNER' || hasRole(viewer, 'COORDINATOR'),
  invite: (_viewer: Viewer | null, role: Role) => role === 'OWNER',
  seeInvitations: (viewer: Viewer | null, role: Role) => role === 'OWNER' || isStaff(viewer),
  changeRoles: (_viewer: Viewer | null, role: Role) => role === 'OWNER',
  removeMember: (viewer: Viewer | null, role: Role, memberId: string) =>
    role === 'OWNER' || (role !== null && viewer?.id === memberId),
  verify: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR'),
};
