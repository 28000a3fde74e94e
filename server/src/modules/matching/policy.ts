/**
 * Who may ask for matches. Matches show discoverable students and a company's or school's leads,
 * so they are for those who manage the subject: a need's poster, its company's members and
 * coordinators (as the needs module decides who manages a need); an offer's organisation and
 * coordinators (as offers decides); and a student's placements for the student, from their own
 * profile.
 */
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

export const matchingPolicy = {
  /** A need's matches: `manages` is whether the viewer manages the need. */
  needMatches: (viewer: Viewer | null, manages: boolean) => !!viewer && manages,
  /** An offer's leads: `manages` is whether the viewer manages the offer. */
  offerLeads: (viewer: Viewer | null, manages: boolean) => !!viewer && manages,
  /** Placements for the signed-in student, from their profile. */
  placementsForMe: (viewer: Viewer | null) => hasRole(viewer, 'STUDENT'),
  /**
   * Whether a viewer of a need's matches is logged as acting for the need's company (in the
   * students' views log): its side is; coordinators and admins act for no company.
   */
  actsForNeedOrganisation: (viewer: Viewer) => !isStaff(viewer),
};
