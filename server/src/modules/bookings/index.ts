/**
 * Bookings: seats on course sessions, booked for named participants, with a waitlist, claims of
 * freed seats on paid courses, cancellations (by the booker, the organiser, the session) and
 * attendance; calendar files and the participant list; a course booked for a COURSE need (a
 * match made for it, recorded for the cluster's report by the database). Depends on accounts,
 * organisations, offers, messaging and needs (reading the need a booking answers).
 *
 * Who owns a session's seats: offers owns the session row, its capacity and the `seats_taken`
 * counter (with the CHECK that keeps it within capacity); bookings owns who holds the seats. It
 * changes the counter only through offers' narrow seat API (`lockSession`, `takeSeats`,
 * `releaseSeats`, `touchSession`), or in its one-statement booking through offers'
 * `takeFreeSeatsCtes` fragment, which also marks the course for the search refresh. Session
 * changes with consequences for bookings are run from here: more seats promote the waitlist
 * (`updateSession` wraps offers' edit), a cancelled session or one below its minimum cancels its
 * bookings; a session with bookings cannot be removed (SESSION_IN_USE, from the foreign key).
 */
export { default as bookingsGraphql } from './resolvers.js';
export { default as bookingRoutes } from './routes.js';
export { bookSeats } from './commands/book.js';
export { bookingIdsOfParty, bookingParties } from './queries.js';
export { enforceMinimums, expireOffers } from './jobs.js';
export { sendOfferReminders, sendSessionReminders } from './reminders.js';
export type { BookingDto, ParticipantDto } from './presenter.js';
// Bookings' part of notification e-mails: messaging's EmailAttachments port, wired in deps.ts.
export { bookingEmailAttachments } from './email.js';
export {
  anonymiseParticipantsByEmail,
  anonymisePastParticipants,
  cancelFutureBookingsOf,
  deleteCalendarFeedsOf,
  forgetSessionMessageAuthor,
  futureBookingsCount,
} from './erasure.js';
export { eraseBillingOf } from './billing.js';
// Seats held for a course match (proposals, in the match's transaction).
export {
  holdSeatsForMatch,
  lockForSeatHold,
  seatHoldsOfMatches,
  type MatchSeatHold,
  type MatchSeatHoldDto,
} from './matchHold.js';
