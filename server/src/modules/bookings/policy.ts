/** Who may see and change a booking. `organiser`: the viewer belongs to the course's organisation. */
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

interface BookingRef {
  bookedBy: string;
}

export const bookingPolicy = {
  book: (viewer: Viewer | null) => !!viewer,
  read: (viewer: Viewer | null, booking: BookingRef, organiser: boolean) =>
    !!viewer && (booking.bookedBy === viewer.id || organiser || isStaff(viewer)),
  /** The booker cancels before the deadline; the organiser and coordinators at any time. */
  cancelAsBooker: (viewer: Viewer | null, booking: BookingRef) => !!viewer && booking.bookedBy === viewer.id,
  cancelAsOrganiser: (viewer: Viewer | null, organiser: boolean) => organiser || hasRole(viewer, 'COORDINATOR'),
  claim: (viewer: Viewer | null, booking: BookingRef) => !!viewer && booking.bookedBy === viewer.id,
  manageSession: (viewer: Viewer | null, organiser: boolean) => organiser || hasRole(viewer, 'COORDINATOR'),
  seeParticipants: (viewer: Viewer | null, organiser: boolean) => organiser || isStaff(viewer),
};
