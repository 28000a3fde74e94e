/**
 * Who may do what with proposals. `sides`: whether the viewer is on the need's side (its poster or
 * a member of its company), on the target's side (a member of the offering organisation, or the
 * student proposed) and whether they proposed it. Each side answers for itself, once; coordinators
 * broker and read everything but answer for nobody. The proposing side may withdraw: any
 * coordinator a coordinator's proposal (brokering is team work), the offering organisation an
 * educator's or a pool answer.
 */
import type { ProposalOrigin } from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

export interface ViewerSides {
  need: boolean;
  target: boolean;
  proposer: boolean;
}

interface ProposalRef {
  origin: ProposalOrigin;
}

export const proposalPolicy = {
  /** Propose any compatible match: coordinators. (Educators propose their own courses: `member`.) */
  broker: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR'),
  /** Propose with an offer: its organisation's members for their courses, coordinators for anything. */
  propose: (viewer: Viewer | null, member: boolean) => !!viewer && (member || hasRole(viewer, 'COORDINATOR')),
  read: (viewer: Viewer | null, sides: ViewerSides) =>
    !!viewer && (sides.need || sides.target || sides.proposer || isStaff(viewer)),
  answer: (viewer: Viewer | null, sides: ViewerSides) => !!viewer && (sides.need || sides.target),
  withdraw: (viewer: Viewer | null, proposal: ProposalRef, sides: ViewerSides) =>
    !!viewer && (sides.proposer || (proposal.origin === 'COORDINATOR' ? hasRole(viewer, 'COORDINATOR') : sides.target)),
  /** The queue of needs waiting for a match. */
  readQueue: (viewer: Viewer | null) => isStaff(viewer),
  /** Demand pools: educators (who answer them) and coordinators. */
  readPools: (viewer: Viewer | null) => isStaff(viewer) || hasRole(viewer, 'EDUCATOR'),
};
