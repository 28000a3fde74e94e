/**
 * Offers: what educational organisations offer, courses with sessions and student pools, from
 * draft to published and archived; published ones are pushed to the search index. Depends on
 * accounts, organisations and search; nothing of bookings.
 *
 * Who owns a session's seats: offers owns the session row, its time, place and capacity and the
 * `seats_taken` counter with the CHECK that keeps it within capacity; bookings decides who holds
 * seats and moves the counter only through `seats.ts` (`lockSession`, `takeSeats`,
 * `releaseSeats`, `touchSession`, and the `takeFreeSeatsCtes` fragment of its one-statement
 * booking), always under the session's row lock. A session change with consequences for bookings
 * (more seats promote the waitlist, a cancelled session cancels its bookings) is run by bookings,
 * which calls in here; offers calls nothing of bookings (`updateSession` tells bookings what an
 * edit changed through a `WhenSessionEdited` callback).
 */
export { default as offersGraphql } from './resolvers.js';
export {
  createOffer,
  publishOffer,
  sessionChanges,
  updateSession,
  type SessionEdit,
  type WhenSessionEdited,
} from './commands.js';
export {
  mayManageOffer,
  offerIdsOrganisedBy,
  offersByIds,
  offersByIdsUnchecked,
  organisesSession,
  sessionIdsOrganisedBy,
  sessionsByIds,
} from './queries.js';
export { sessionsOfOffers } from './loaders.js';
export { refreshStaleCourses } from './jobs.js';
export { syncIndex } from './searchDocument.js';
export {
  bookableSessions,
  lockSession,
  markSessionCancelled,
  releaseSeats,
  sessionsDueReminder,
  sessionsPastDecision,
  takeFreeSeatsCtes,
  takeSeats,
  touchSession,
  type BookableSession,
} from './seats.js';
export type { OfferDto, SessionDto } from './presenter.js';
