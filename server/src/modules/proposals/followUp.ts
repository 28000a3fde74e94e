/**
 * What follows a match (issue 18, item 6), in the transaction that makes it, and where its notices
 * lead. A student matched with a placement gets their application to it (the applications
 * module's `applyForMatch`: submitted, on the company's board at once, with its conversation
 * between the student and the company; one the student made already is kept). A course session
 * matched with a COURSE need holds seats for the need's poster for the course's claim window
 * (bookings' `holdSeatsForMatch`, an OFFERED booking for the need that they claim in their
 * bookings); a course matched without a session leads the need's side to book it for the need. A
 * student pool matched with a placement leads to the proposal's conversation, as before.
 */
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { applyForMatch, type MatchApplication } from '../applications/index.js';
import { holdSeatsForMatch, lockForSeatHold, type MatchSeatHold } from '../bookings/index.js';
import { lockLiveAccount } from '../accounts/index.js';
import type { Parties, ProposalRow } from './parties.js';

export type FollowUp =
  | { kind: 'APPLICATION'; application: MatchApplication }
  | { kind: 'SEATS'; hold: MatchSeatHold }
  | { kind: 'BOOK' }
  | { kind: 'NONE' };

/**
 * Before an acceptance locks the proposal's row: the locks its follow-up would take, in the order
 * their modules take them (an account before a need or a session), so that a match and an erasure
 * or a booking never wait for each other in a circle.
 */
export async function lockForFollowUp(tx: Database, row: ProposalRow, parties: Parties): Promise<void> {
  if (row.targetKind === 'STUDENT' && row.studentId) await lockLiveAccount(tx, row.studentId);
  if (row.targetKind === 'SESSION' && row.sessionId) await lockForSeatHold(tx, row.sessionId, parties.need.postedBy);
}

/** Does what follows the match `row` (just ACCEPTED), in its transaction. */
export async function followUpMatch(deps: Deps, tx: Database, row: ProposalRow, parties: Parties): Promise<FollowUp> {
  if (row.targetKind === 'STUDENT' && row.studentId) {
    const application = await applyForMatch(deps, tx, {
      needId: row.needId,
      studentId: row.studentId,
      proposalId: row.id,
    });
    return { kind: 'APPLICATION', application };
  }
  if (parties.need.kind !== 'COURSE') return { kind: 'NONE' };
  if (row.targetKind === 'SESSION' && row.sessionId) {
    const hold = await holdSeatsForMatch(tx, {
      proposalId: row.id,
      sessionId: row.sessionId,
      needId: row.needId,
      bookedBy: parties.need.postedBy,
      organisationId: parties.need.organisationId,
      people: parties.need.positions,
    });
    return { kind: 'SEATS', hold };
  }
  return { kind: 'BOOK' };
}

/** The course's page with the need chosen: its booking form books for the need (the web's `bookForNeedPath`). */
export const bookForNeedPath = (offerId: string, needId: string) =>
  `/offers/${encodeURIComponent(offerId)}?need=${encodeURIComponent(needId)}`;

/**
 * What a MATCH_MADE notice says of the follow-up, and where it leads, for `userId`: `event` names
 * it (the web and the e-mail word it), `path` is the next step. Nothing to add: the proposal's page.
 */
export function followUpNotice(
  followUp: FollowUp,
  userId: string,
  row: ProposalRow,
  parties: Parties,
): Record<string, unknown> {
  const needSide = parties.needSide.includes(userId);
  switch (followUp.kind) {
    case 'APPLICATION': {
      const { application } = followUp;
      if (!application.applicationId) return {};
      const path =
        userId === row.studentId
          ? `/my/applications/${application.applicationId}`
          : needSide
            ? `/applications/${application.applicationId}`
            : null;
      return {
        event: application.outcome === 'CREATED' ? 'APPLICATION_CREATED' : 'APPLICATION_EXISTS',
        applicationId: application.applicationId,
        ...(path ? { path } : {}),
      };
    }
    case 'SEATS': {
      const { hold } = followUp;
      const book = needSide && row.offerId ? { path: bookForNeedPath(row.offerId, row.needId) } : {};
      // None held: no seat was free, registration has closed, or the poster holds their most already.
      if (!hold.held) return hold.reason === 'ACCOUNT_GONE' ? {} : { event: hold.reason, ...book };
      const held = { count: hold.seats, offeredUntil: hold.offeredUntil.toISOString() };
      // The poster claims them in their bookings; everyone else follows them on the proposal's page.
      if (userId === parties.need.postedBy) {
        return { event: 'SEATS_HELD', bookingId: hold.bookingId, path: '/my/bookings', ...held };
      }
      return { event: 'SEATS_HELD_FOR_POSTER', ...held };
    }
    case 'BOOK':
      return needSide && row.offerId
        ? { event: 'BOOK', path: bookForNeedPath(row.offerId, row.needId) }
        : { event: 'BOOK' };
    case 'NONE':
      return {};
  }
}
