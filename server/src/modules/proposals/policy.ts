/**
 * Who may do what with proposals. `sides`: whether the viewer is on the need's side (its poster or
 * a member of its company), on the target's side (a member of the offering organisation, or the
 * student proposed) and whether they proposed it. Each side answers for itself, once; coordinators
 * broker and read everything but answer for nobody. The proposing side may withdraw: any
 * coordinator a coordinator's proposal (brokering is team work), the offering organisation an
 * educator's or a pool answer. Pure functions over plain data: the services find the viewer's
 * relation to the proposal, its need and its target, and ask here.
 */
import type {
  NeedState,
  OfferKind,
  OfferState,
  ProposalAction,
  ProposalAnswer,
  ProposalOrigin,
  ProposalState,
} from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

export interface ViewerSides {
  need: boolean;
  target: boolean;
  proposer: boolean;
}

interface ProposalRef {
  origin: ProposalOrigin;
}

/** A proposal as far as what may be done to it depends on it. */
interface ProposalStatus extends ProposalRef {
  state: ProposalState;
  needAnswer: ProposalAnswer | null;
  targetAnswer: ProposalAnswer | null;
}

/** A need takes a match while OPEN, or EXPIRED (its deadline is for applying; matching may go on). */
export const needTakesMatches = (state: NeedState) => state === 'OPEN' || state === 'EXPIRED';

export const proposalPolicy = {
  /** Propose any compatible match, students included: coordinators. (Educators propose their own courses: `member`.) */
  broker: (viewer: Viewer | null) => hasRole(viewer, 'COORDINATOR'),
  /** Propose with an offer: its organisation's members for their courses, coordinators for anything. */
  propose: (viewer: Viewer | null, member: boolean) => !!viewer && (member || hasRole(viewer, 'COORDINATOR')),
  /**
   * Who a proposal is made as: a member of the offering organisation proposing its course is its
   * educator (their side accepts by proposing); a coordinator anything else; null for anyone else.
   */
  proposeAs: (viewer: Viewer | null, member: boolean, offerKind: OfferKind | null): ProposalOrigin | null =>
    member && offerKind === 'COURSE' ? 'EDUCATOR' : hasRole(viewer, 'COORDINATOR') ? 'COORDINATOR' : null,
  /** Answer a demand pool with an offer: its organisation's members. */
  answerPool: (viewer: Viewer | null, member: boolean) => !!viewer && member,
  /** A draft offer is nobody's business outside its organisation and staff (NOT_FOUND for the rest). */
  seeOffer: (viewer: Viewer | null, offer: { state: OfferState }, member: boolean) =>
    offer.state !== 'DRAFT' || member || isStaff(viewer),
  read: (viewer: Viewer | null, sides: ViewerSides) =>
    !!viewer && (sides.need || sides.target || sides.proposer || isStaff(viewer)),
  /** Every proposal of a need: its side and staff; anyone else who may read the need, only those concerning them. */
  readAllOfNeed: (viewer: Viewer | null, onNeedSide: boolean) => !!viewer && (onNeedSide || isStaff(viewer)),
  answer: (viewer: Viewer | null, sides: ViewerSides) => !!viewer && (sides.need || sides.target),
  withdraw: (viewer: Viewer | null, proposal: ProposalRef, sides: ViewerSides) =>
    !!viewer && (sides.proposer || (proposal.origin === 'COORDINATOR' ? hasRole(viewer, 'COORDINATOR') : sides.target)),
  /** What the viewer may do to a proposal now (the UI shows these buttons); accepting needs a need still taking matches. */
  actions: (viewer: Viewer | null, proposal: ProposalStatus, sides: ViewerSides, needState: NeedState) => {
    const actions: ProposalAction[] = [];
    if (!viewer || proposal.state !== 'OPEN') return actions;
    const unanswered = (sides.need && !proposal.needAnswer) || (sides.target && !proposal.targetAnswer);
    if (unanswered && proposalPolicy.answer(viewer, sides)) {
      if (needTakesMatches(needState)) actions.push('ACCEPT');
      actions.push('DECLINE');
    }
    if (proposalPolicy.withdraw(viewer, proposal, sides)) actions.push('WITHDRAW');
    return actions;
  },
  /** The queue of needs waiting for a match. */
  readQueue: (viewer: Viewer | null) => isStaff(viewer),
  /** Demand pools: educators (who answer them) and coordinators. */
  readPools: (viewer: Viewer | null) => isStaff(viewer) || hasRole(viewer, 'EDUCATOR'),
  /**
   * Whether a student proposed for a placement is named (their name, institution and profile) to
   * everyone the proposal concerns: while they are discoverable, or once they have shown
   * themselves, by accepting this proposal or by applying to its need (which shares their profile
   * with its side). Once they opt out, a proposal made earlier no longer names them to those who
   * cannot otherwise see them.
   */
  studentNamed: (student: { discoverable: boolean }, shown: { accepted: boolean; applied: boolean }) =>
    student.discoverable || shown.accepted || shown.applied,
  /** Who the student is: shown to the student and staff always, to anyone else while they are named. */
  seeStudent: (viewer: Viewer | null, relation: { self: boolean; named: boolean }) =>
    (!!viewer && (relation.self || isStaff(viewer))) || relation.named,
  /**
   * The student's profile, where the student is seen: as the profile's own rules allow
   * (`readable`), or to the need's side while the student is named.
   */
  seeStudentProfile: (viewer: Viewer | null, relation: { readable: boolean; named: boolean; needSide: boolean }) =>
    relation.readable || (relation.named && !!viewer && relation.needSide),
  /** A student's profile shown on a proposal goes into their views log: shown to staff or the need's side. */
  logStudentProfile: (viewer: Viewer, relation: { needSide: boolean }) => isStaff(viewer) || relation.needSide,
  /** In that log, the need's side reads for the need's company; staff for none. */
  actsForNeedOrganisation: (viewer: Viewer, relation: { needSide: boolean }) => relation.needSide && !isStaff(viewer),
};
