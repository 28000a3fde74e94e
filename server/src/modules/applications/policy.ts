/**
 * Who may do what with applications. `reviewer`: the viewer posted the need or belongs to its
 * company. Coordinators read every application but move none: a transition is a decision of one
 * of the two parties (the company offers, the student accepts), never made on their behalf.
 */
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

interface ApplicationRef {
  studentId: string;
}

export const applicationPolicy = {
  apply: (viewer: Viewer | null) => hasRole(viewer, 'STUDENT'),
  read: (viewer: Viewer | null, application: ApplicationRef, reviewer: boolean) =>
    !!viewer && (application.studentId === viewer.id || reviewer || isStaff(viewer)),
  /** Everyone who may read a need's applicants: its side and staff. */
  listApplicants: (viewer: Viewer | null, reviewer: boolean) => !!viewer && (reviewer || isStaff(viewer)),
  /** Shortlist, offer, reject. */
  review: (viewer: Viewer | null, reviewer: boolean) => !!viewer && reviewer,
  /** Accept, decline, withdraw. */
  answer: (viewer: Viewer | null, application: ApplicationRef) => !!viewer && application.studentId === viewer.id,
};
