/**
 * Who may do what with applications. `reviewer`: the viewer posted the need or belongs to its
 * company. Coordinators read every application but move none: a transition is a decision of one
 * of the two parties (the company offers, the student accepts), never made on their behalf.
 */
import {
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
  type NeedState,
} from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

interface ApplicationRef {
  studentId: string;
}

export const applicationPolicy = {
  apply: (viewer: Viewer | null) => hasRole(viewer, 'STUDENT'),
  /** Nobody applies to a need of their own side (a student who is also the company's member). */
  applyTo: (viewer: Viewer | null, reviewer: boolean) => !!viewer && !reviewer,
  read: (viewer: Viewer | null, application: ApplicationRef, reviewer: boolean) =>
    !!viewer && (application.studentId === viewer.id || reviewer || isStaff(viewer)),
  /** Everyone who may read a need's applicants: its side and staff. */
  listApplicants: (viewer: Viewer | null, reviewer: boolean) => !!viewer && (reviewer || isStaff(viewer)),
  /**
   * Whether the viewer's read of an application's letter or profile goes into the student's views
   * log: staff's do; the need's side was sent them by applying, and the student's own never is.
   */
  logRead: (viewer: Viewer) => isStaff(viewer),
  /** Shortlist, offer, reject. */
  review: (viewer: Viewer | null, reviewer: boolean) => !!viewer && reviewer,
  /** Accept, decline, withdraw. */
  answer: (viewer: Viewer | null, application: ApplicationRef) => !!viewer && application.studentId === viewer.id,
  /** Whether the action is the viewer's to take: the need's side reviews, the applicant answers. */
  act: (viewer: Viewer | null, action: ApplicationAction, application: ApplicationRef, reviewer: boolean) =>
    APPLICATION_TRANSITIONS[action].by === 'ORGANISATION'
      ? applicationPolicy.review(viewer, reviewer)
      : applicationPolicy.answer(viewer, application),
  /** The company shortlists and offers while the need is open or past its deadline, not once filled or closed. */
  hiring: (need: { state: NeedState }) => need.state === 'OPEN' || need.state === 'EXPIRED',
  /**
   * Whether the viewer may take the action now (the UI shows these buttons): theirs to take, from
   * the state the application is in, while the need allows it (rejecting always does; accepting
   * not once every position is filled).
   */
  available: (
    viewer: Viewer | null,
    action: ApplicationAction,
    application: ApplicationRef & { state: ApplicationState },
    need: { state: NeedState },
    reviewer: boolean,
  ) => {
    const rule = APPLICATION_TRANSITIONS[action];
    if (!rule.from.includes(application.state) || !applicationPolicy.act(viewer, action, application, reviewer)) {
      return false;
    }
    if (rule.by === 'APPLICANT') return action !== 'ACCEPT' || need.state !== 'FILLED';
    return action === 'REJECT' || applicationPolicy.hiring(need);
  },
};
