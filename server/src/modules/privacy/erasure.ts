/**
 * Deleting an account (the person, with their password), erasing one on request (an admin), and
 * the shared core that the retention job also calls for accounts unused too long. One transaction,
 * which takes the person's account row lock first (as their own requests that must take turns do)
 * and then each session's and organisation's: their bookings of sessions ahead are cancelled (seats
 * down the waitlist, the promoted told), open applications withdrawn (the company told), open and
 * draft needs closed, open proposals of them as a student declined,
 * organisations left; then every module anonymises its own rows (account,
 * profile, letters, participants' details, invoice e-mails and references, messages, the author of
 * messages to sessions' participants, proposal notes, notifications, e-mails, saved
 * searches, calendar feeds; their name and message excerpts in others' notifications), the audit log records who did it, and a last e-mail goes to the address
 * the account had. The reports' facts hold no person, so no period's figures change.
 *
 * Blockers: the only owner of an organisation with other members must transfer ownership first
 * (ERASURE_BLOCKED, with the organisations). The retention job has nobody to ask, so for it such an
 * organisation is left without an owner; its members carry on and a coordinator can help.
 */
import { deleteAccountSchema, eraseUserSchema } from '@keskusvaraamo/shared';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { anonymiseAccount, confirmOwnPassword, erasableAccount, type ClientInfo } from '../accounts/index.js';
import { anonymiseApplicationsOf, applicationIdsOfStudent, withdrawOpenApplicationsOf } from '../applications/index.js';
import { recordAudit } from '../audit/index.js';
import {
  anonymiseParticipantsByEmail,
  cancelFutureBookingsOf,
  deleteCalendarFeedsOf,
  eraseBillingOf,
  forgetSessionMessageAuthor,
} from '../bookings/index.js';
import { conversationIdsAuthoredBy, eraseMessagesOf } from '../conversations/index.js';
import { deleteMessagingOf, enqueueEmail, eraseNameInNotifications } from '../messaging/index.js';
import { closeNeedsOf } from '../needs/index.js';
import { leaveOrganisations, ownershipBlockers } from '../organisations/index.js';
import { deleteStudentProfile } from '../profiles/index.js';
import { declineProposalsForStudent, eraseProposalNotesOf, proposalIdsNaming } from '../proposals/index.js';
import { deleteSavedSearchesOf } from '../savedSearches/index.js';
import { erasureBlocked } from './erasurePreview.js';
import { privacyPolicy as policy } from './policy.js';

export type ErasureAction = 'ACCOUNT_DELETED' | 'USER_ERASED' | 'ACCOUNT_EXPIRED';

export interface EraseOptions {
  /** Who erases: the person, an admin, or null for the service itself (retention). */
  by: Pick<Viewer, 'id' | 'roles'> | null;
  action: ErasureAction;
  /** An admin's reason (the request's reference), kept in the audit log. */
  reason?: string;
}

const HOW = { ACCOUNT_DELETED: 'DELETED', USER_ERASED: 'ERASED', ACCOUNT_EXPIRED: 'EXPIRED' } as const;

/**
 * Erases the account: everything above, in one transaction. Returns false when the account was
 * anonymised already (nothing is done twice); NOT_FOUND when there is none; ERASURE_BLOCKED (except
 * for ACCOUNT_EXPIRED) while the person is an organisation's only owner with other members.
 */
export async function eraseAccount(deps: Deps, userId: string, options: EraseOptions): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const account = await erasableAccount(tx, userId, true);
    if (!account) throw notFound('No such user');
    if (account.anonymised) return false;
    const blockers = await ownershipBlockers(tx, userId, true);
    if (blockers.length && policy.blockedBy(options.action)) throw erasureBlocked(blockers);
    const person: Viewer = {
      id: account.id,
      email: account.email,
      roles: account.roles,
      emailVerified: true,
      displayName: account.displayName,
      locale: account.locale,
    };

    // What others must be told of, while the person's name is still there to tell it.
    await cancelFutureBookingsOf(tx, userId);
    await withdrawOpenApplicationsOf(deps, tx, person);
    await declineProposalsForStudent(deps, tx, person);
    await closeNeedsOf(tx, userId);
    await leaveOrganisations(tx, userId, account.email);

    // Then each module's own rows.
    await anonymiseApplicationsOf(tx, userId);
    await deleteStudentProfile(tx, userId);
    await anonymiseParticipantsByEmail(tx, account.email);
    await deleteCalendarFeedsOf(tx, userId);
    await eraseBillingOf(tx, userId);
    // Their messages to sessions' participants lose their author; the text is the organisation's notice.
    await forgetSessionMessageAuthor(tx, userId);
    await eraseMessagesOf(tx, userId);
    await eraseProposalNotesOf(tx, userId);
    await deleteSavedSearchesOf(tx, userId);
    const proposalsNaming = await proposalIdsNaming(tx, userId);
    await eraseNameInNotifications(tx, account.displayName, {
      conversationIds: await conversationIdsAuthoredBy(tx, userId),
      applicationIds: await applicationIdsOfStudent(tx, userId),
      proposalIds: proposalsNaming.naming,
      notesOf: proposalsNaming.madeBy,
    });
    await deleteMessagingOf(tx, userId, account.email);
    await anonymiseAccount(tx, userId);

    await recordAudit(tx, {
      actor: options.by,
      action: options.action,
      subjectKind: 'USER',
      subjectId: userId,
      details: options.reason ? { reason: options.reason } : {},
    });
    // Without a user id: it is the one message to them the cleanup above must not take.
    await enqueueEmail(tx, {
      to: account.email,
      userId: null,
      locale: account.locale,
      template: 'account-deleted',
      params: { how: HOW[options.action] },
    });
    return true;
  });
}

/** The signed-in person deletes their own account, confirming it with their password. */
export async function deleteAccount(
  deps: Deps,
  viewer: Viewer | null,
  input: unknown,
  client: ClientInfo,
): Promise<true> {
  if (!viewer) throw unauthenticated();
  const { password } = parseInput(deleteAccountSchema, input);
  if (!policy.deleteOwnAccount(viewer)) throw forbidden();
  await confirmOwnPassword(deps, viewer.id, password, client);
  await eraseAccount(deps, viewer.id, { by: viewer, action: 'ACCOUNT_DELETED' });
  return true;
}

/** An admin erases another person on request, with the request's reference as the reason. */
export async function eraseUser(deps: Deps, viewer: Viewer | null, input: unknown): Promise<true> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(eraseUserSchema, input);
  const userId = assertId(data.userId, 'No such user');
  if (!policy.eraseUser(viewer, userId)) throw forbidden();
  await eraseAccount(deps, userId, { by: viewer, action: 'USER_ERASED', reason: data.reason });
  return true;
}
