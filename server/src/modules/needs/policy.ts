/** Who may do what with needs. `role` is the viewer's role in the need's company, if any. */
import type { MembershipRole, NeedState, OrganisationKind } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

type Role = MembershipRole | null;
interface NeedRef {
  postedBy: string;
  organisationId: string | null;
  state: NeedState;
}

const PUBLIC_STATES: readonly NeedState[] = ['OPEN', 'FILLED', 'EXPIRED'];

export const needPolicy = {
  post: (viewer: Viewer | null) => hasRole(viewer, 'ENTREPRENEUR'),
  /** A need is posted for a company the poster belongs to, never for a school or another body. */
  postFor: (organisation: { kind: OrganisationKind }, role: Role) => organisation.kind === 'COMPANY' && role !== null,
  /** The poster and their company's members manage a need; coordinators too. */
  manage: (viewer: Viewer | null, need: NeedRef, role: Role) =>
    !!viewer && (need.postedBy === viewer.id || role !== null || hasRole(viewer, 'COORDINATOR')),
  read: (viewer: Viewer | null, need: NeedRef, role: Role) =>
    PUBLIC_STATES.includes(need.state) || isStaff(viewer) || needPolicy.manage(viewer, need, role),
};
