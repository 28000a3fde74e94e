/**
 * Applications: a student's application to a placement, from submission through the company's
 * shortlist and offer to the student's answer, with its timeline and notifications. Depends on
 * accounts, organisations, needs, profiles (the applicant's profile goes with the application) and
 * messaging.
 *
 * The dependency on needs is one-way: when a need's positions are edited, this module runs the
 * needs module's `updateNeed` (the API's `updateNeed` is resolved here) with the accepted
 * applications as its `NeedHiring`, so that positions never go below them and a need whose
 * positions reach them is filled.
 */
export { default as applicationsGraphql } from './resolvers.js';
export {
  acceptApplication,
  applyToNeed,
  declineApplication,
  editNeed,
  offerApplication,
  rejectApplication,
  shortlistApplication,
  withdrawApplication,
} from './commands.js';
export { applicationIdsOfParty, applicationParties, appliedPairs } from './queries.js';
export { applicationsOfPairs, applyForMatch, type MatchApplication } from './fromProposal.js';
export type { ApplicationDto } from './presenter.js';
export {
  anonymiseApplicationsOf,
  anonymiseClosedApplications,
  applicationIdsOfStudent,
  openApplicationsCount,
  withdrawOpenApplicationsOf,
} from './erasure.js';
