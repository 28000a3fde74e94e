/**
 * Who may keep and read student profiles. A student keeps their own; staff read every one; the
 * entrepreneurs and educators who look for students read a profile only when its student opted in
 * (discoverable). Applying shares a profile with the need's side regardless: the applications
 * module decides that, not this policy.
 */
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

export const profilePolicy = {
  keep: (viewer: Viewer | null) => hasRole(viewer, 'STUDENT'),
  read: (viewer: Viewer | null, profile: { userId: string; discoverable: boolean }) =>
    !!viewer &&
    (viewer.id === profile.userId ||
      isStaff(viewer) ||
      (profile.discoverable && (hasRole(viewer, 'ENTREPRENEUR') || hasRole(viewer, 'EDUCATOR')))),
  /** A read of someone else's profile goes into the student's views log (privacy); the student's own does not. */
  logRead: (viewer: Viewer, profile: { userId: string }) => viewer.id !== profile.userId,
};
