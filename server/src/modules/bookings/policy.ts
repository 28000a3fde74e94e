/**
 * Who may see and change a booking, as small rules over plain data: the viewer's roles, whether
 * they made the booking (`bookedBy`), whether they are an organiser (a member of the organisation
 * that runs the course), and the booking's and session's state; and who books a course for a need.
 */
import {
  SESSION_MESSAGE_DAYS_AFTER_END,
  type BookingState,
  type NeedKind,
  type NeedState,
  type OfferState,
} from '@keskusvaraamo/shared';
import { hasRole, isStaff, type Viewer } from '../../lib/viewer.js';

interface BookingRef {
  bookedBy: string;
}

/** How a cancellation is recorded, or why it is refused (NOT_FOUND: the booking stays hidden). */
export type CancelAs = 'BY_BOOKER' | 'BY_ORGANISER' | 'FORBIDDEN' | 'NOT_FOUND';

/** A need a course may be booked for, as the viewer may read it (null: no such need, or hidden from them). */
interface NeedRef {
  kind: NeedKind;
  state: NeedState;
  postedBy: string;
}

/** Whether a course may be booked for a need, or why not (NOT_FOUND: the need stays hidden). */
export type BookForNeed = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN' | 'NEED_NOT_BOOKABLE';

/** A need's deadline is for applying: a course may still be booked for an expired one. */
const BOOKABLE_NEED_STATES: readonly NeedState[] = ['OPEN', 'EXPIRED'];

export const bookingPolicy = {
  book: (viewer: Viewer | null) => !!viewer,
  /**
   * Whether reading a booking's participants goes into its students' views log: staff's reads,
   * unless they made the booking (and typed the names in themselves).
   */
  logParticipants: (viewer: Viewer, booking: BookingRef) => isStaff(viewer) && booking.bookedBy !== viewer.id,
  /**
   * Booking a course for a need (the booking is then a match made for it): its poster or a member
   * of its company, for a COURSE need that is open or expired. `member`: the viewer belongs to the
   * need's organisation. Anyone else who may read the need is FORBIDDEN, whatever its kind.
   */
  bookForNeed: (viewer: Viewer | null, need: NeedRef | null, member: boolean): BookForNeed => {
    if (!viewer || !need) return 'NOT_FOUND';
    if (need.postedBy !== viewer.id && !member) return 'FORBIDDEN';
    return need.kind === 'COURSE' && BOOKABLE_NEED_STATES.includes(need.state) ? 'ALLOWED' : 'NEED_NOT_BOOKABLE';
  },
  read: (viewer: Viewer | null, booking: BookingRef, organiser: boolean) =>
    !!viewer && (booking.bookedBy === viewer.id || organiser || isStaff(viewer)),
  /** The booker cancels before the deadline; the organiser and coordinators at any time. */
  cancelAsBooker: (viewer: Viewer | null, booking: BookingRef) => !!viewer && booking.bookedBy === viewer.id,
  cancelAsOrganiser: (viewer: Viewer | null, organiser: boolean) => organiser || hasRole(viewer, 'COORDINATOR'),
  /** The booker's own cancellation comes first: an organiser cancelling their own booking is its booker. */
  cancelAs: (viewer: Viewer | null, booking: BookingRef, organiser: boolean): CancelAs => {
    if (bookingPolicy.cancelAsBooker(viewer, booking)) return 'BY_BOOKER';
    if (bookingPolicy.cancelAsOrganiser(viewer, organiser)) return 'BY_ORGANISER';
    return bookingPolicy.read(viewer, booking, organiser) ? 'FORBIDDEN' : 'NOT_FOUND';
  },
  /** A confirmed booking is the booker's to cancel until the deadline; waiting or offered ones any time. */
  bookerDeadlineOpen: (booking: { state: BookingState }, cancellationDeadline: Date, now: Date) =>
    booking.state !== 'CONFIRMED' || cancellationDeadline > now,
  /** Whether the booker may still cancel (the UI greys out the button otherwise). */
  bookerMayCancel: (
    viewer: Viewer | null,
    booking: BookingRef & { state: BookingState },
    cancellationDeadline: Date,
    now: Date,
  ) =>
    !!viewer &&
    booking.bookedBy === viewer.id &&
    booking.state !== 'CANCELLED' &&
    bookingPolicy.bookerDeadlineOpen(booking, cancellationDeadline, now),
  claim: (viewer: Viewer | null, booking: BookingRef) => !!viewer && booking.bookedBy === viewer.id,
  /** Cancelling a session and marking attendance: its organisers and coordinators. */
  manageSession: (viewer: Viewer | null, organiser: boolean) => organiser || hasRole(viewer, 'COORDINATOR'),
  /** Writing to everyone booked on a session, and reading what was written: those who manage it. */
  messageParticipants: (viewer: Viewer | null, organiser: boolean) =>
    !!viewer && bookingPolicy.manageSession(viewer, organiser),
  /**
   * Why a session's participants can no longer be written to (it is cancelled, or it ended more
   * than SESSION_MESSAGE_DAYS_AFTER_END days ago), or null while they can.
   */
  messagingClosed: (session: { cancelledAt: Date | null; endsAt: Date }, now: Date): 'CANCELLED' | 'ENDED' | null => {
    if (session.cancelledAt) return 'CANCELLED';
    const until = session.endsAt.getTime() + SESSION_MESSAGE_DAYS_AFTER_END * 86_400_000;
    return until < now.getTime() ? 'ENDED' : null;
  },
  /** Participants, bookers and the waitlist's length: the organisers and staff. */
  seeParticipants: (viewer: Viewer | null, organiser: boolean) => organiser || isStaff(viewer),
  /** Booking on an organisation's behalf, and reading or changing its remembered billing details: its members. */
  billFor: (viewer: Viewer | null, member: boolean) => !!viewer && member,
  /** A booking's billing details: its booker, the course's organisers and coordinators. */
  seeBilling: (viewer: Viewer | null, booking: BookingRef, organiser: boolean) =>
    !!viewer && (booking.bookedBy === viewer.id || organiser || hasRole(viewer, 'COORDINATOR')),
  /** The invoicing list of a session or of an organisation's period: its organisers and coordinators. */
  exportInvoicing: (viewer: Viewer | null, organiser: boolean) =>
    !!viewer && (organiser || hasRole(viewer, 'COORDINATOR')),
  /** A session takes bookings while its course is published, it is not cancelled and its registration is open. */
  registrationOpen: (
    session: { offerState: OfferState; cancelledAt: Date | null; registrationDeadline: Date },
    now: Date,
  ) => session.offerState === 'PUBLISHED' && !session.cancelledAt && session.registrationDeadline > now,
};
