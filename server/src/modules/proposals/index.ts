/**
 * Proposals (brokering): a coordinator proposes a match between a need and an offer, a session or
 * a student; an educator proposes their own course for a course need, or answers a demand pool.
 * Each side answers once; two acceptances make a match, and what follows it: a student's application
 * to the placement, or seats held on the session for the need's poster (followUp.ts). Depends on
 * accounts, organisations, needs, offers, profiles, applications (whether a student applied, the
 * application a match makes), bookings (the seats a match holds) and messaging (notices).
 */
export { default as proposalsGraphql } from './resolvers.js';
export { acceptProposal, declineProposal, withdrawProposal } from './commands/answer.js';
export { answerDemandPool, proposeMatch } from './commands/propose.js';
export { proposalIdsOfParty, proposalParties } from './queries.js';
export type { MatchMadeDto, ProposalDto } from './presenter.js';
export { declineProposalsForStudent, eraseProposalNotesOf, proposalIdsNaming } from './erasure.js';
export { lastWeeklyTime, sendWeeklySummaries } from './weeklySummary.js';
