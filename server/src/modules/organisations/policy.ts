/**
 * Who may do what with organisations. `role` is the viewer's membership role in the organisation
 * (null: not a member). Each rule is one line over plain data; policy.test.ts holds the table.
 */
import { organisationKindsFor, type MembershipRole, type OrganisationKind } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

type Role = MembershipRole | null;

export const organisationPolicy = {
  found: (viewer: Viewer | null, kind: OrganisationKind) =>
    !!viewer && organisationKindsFor(viewer.roles).includes(kind),
  seeMembers: (viewer: Viewer | null, role: Role) => role !== null || isStaff(viewer),
  update: (viewer: Viewer | null, role: Role) => role === 'OWNER' || hasRole(viewer, 'COORDINATOR'),
  /** An organisation's kind decides what it may publish: only staff change it once it is founded. */
  changeKind: (viewer: Viewer | null) => isStaff(viewer),
  invite: (_viewer: Viewer | null, role: Role) => role === 'OWNER',
  seeInvitations: (viewer: Viewer | null, role: Role) => role === 'OWNER' || isStaff(viewer),
  /** An invitation is for the address it was sent to, whoever holds the link. */
  acceptInvitation: (viewer: Viewer, invitedEmail: string) => viewer.email === invitedEmail,
  changeRoles: (_viewer: Viewer | null, role: Role) => role === 'OWNER',
  removeMember: (viewer: Viewer | null, role: Role, memberId: string) =>
    role === 'OWNER' || (role !== null && viewer?.id === memberId),
  /** A change leaves at least one owner: the only owner can be neither demoted nor removed (`newRole` null). */
  keepsAnOwner: (owners: readonly string[], memberId: string, newRole: Role) =>
    newRole === 'OWNER' || !(owners.length === 1 && owners[0] === memberId),
  verify: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR'),
};
