/**
 * Answering and withdrawing proposals. Each side answers once: the need's side (its poster and
 * company) and the target's side (the offering organisation, or the student). An answer is one
 * conditional UPDATE that fills that side's answer only while the proposal is OPEN and the side
 * has not answered, and decides the state from both answers as the row stands when it is written:
 * a DECLINED makes it DECLINED, a second ACCEPTED makes it ACCEPTED. So of two sides accepting at
 * the same moment the second waits for the first, sees its answer, and is the one that makes the
 * match (a `matches` row, in the same transaction, unique per proposal), and what follows it in
 * that transaction too (followUp.ts: the student's application, or seats held for the need's
 * poster), where the match's notices lead. Every change notifies those concerned in its own
 * transaction.
 */
import type { NotificationType, ProposalAnswer } from '@keskusvaraamo/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, invalidState, unauthenticated } from '../../../errors.js';
import type { Viewer } from '../../../lib/viewer.js';
import { notify } from '../../messaging/index.js';
import type { NeedDto } from '../../needs/index.js';
import {
  concerned,
  loadProposal,
  namesOf,
  noSuchProposal,
  notice,
  partiesOf,
  sideName,
  sidesOf,
  type Parties,
  type ProposalRow,
} from '../parties.js';
import { needTakesMatches, proposalPolicy as policy } from '../policy.js';
import { presentProposal, type ProposalDto } from '../presenter.js';
import { matches, proposals } from '../tables.js';
import { followUpMatch, followUpNotice, lockForFollowUp, type FollowUp } from '../followUp.js';
import { unavailable } from '../targets.js';

const alreadyAnswered = () => new AppError('ALREADY_ANSWERED', 'Your side has already answered this proposal');

/** A side's answer: fills the answer of each side the viewer is on that has not answered, and decides the state. */
async function answer(deps: Deps, viewer: Viewer | null, id: string, given: ProposalAnswer): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await loadProposal(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  const sides = sidesOf(viewer, row, parties!);
  if (!policy.answer(viewer, sides)) throw policy.read(viewer, sides) ? forbidden() : noSuchProposal();
  if (given === 'ACCEPTED' && row.state === 'OPEN') assertStillMatchable(parties!);

  return deps.db.transaction(async (tx) => {
    // An acceptance may make the match: what follows it is locked first, in its modules' order.
    if (given === 'ACCEPTED' && row.state === 'OPEN') await lockForFollowUp(tx, row, parties!);
    // Each side's new answer, only where it had none: the CASEs read the row as it is when written.
    const fills = (side: boolean, column: SQL) => sql`(${side} and ${column} is null)`;
    const needFills = fills(sides.need, sql`need_answer`);
    const targetFills = fills(sides.target, sql`target_answer`);
    const newNeed = sql`case when ${needFills} then ${given} else need_answer end`;
    const newTarget = sql`case when ${targetFills} then ${given} else target_answer end`;
    const newState = sql`case when ${newNeed} = 'DECLINED' or ${newTarget} = 'DECLINED' then 'DECLINED'
      when ${newNeed} = 'ACCEPTED' and ${newTarget} = 'ACCEPTED' then 'ACCEPTED' else 'OPEN' end`;
    const [updated] = await tx
      .update(proposals)
      .set({
        needAnswer: sql`${newNeed}`,
        needAnsweredBy: sql`case when ${needFills} then ${viewer.id}::uuid else need_answered_by end`,
        needAnsweredAt: sql`case when ${needFills} then now() else need_answered_at end`,
        targetAnswer: sql`${newTarget}`,
        targetAnsweredBy: sql`case when ${targetFills} then ${viewer.id}::uuid else target_answered_by end`,
        targetAnsweredAt: sql`case when ${targetFills} then now() else target_answered_at end`,
        state: sql`${newState}`,
        decidedAt: sql`case when ${newState} = 'OPEN' then null else now() end`,
      })
      .where(and(eq(proposals.id, row.id), eq(proposals.state, 'OPEN'), sql`(${needFills} or ${targetFills})`))
      .returning();
    if (!updated) {
      const current = await loadProposal(tx, row.id);
      if (current.state !== 'OPEN') throw invalidState('a proposal', current.state);
      throw alreadyAnswered();
    }
    // A student who has just accepted may be named from now on (policy `studentNamed`).
    const after = updated.studentId ? (await partiesOf(tx, [updated]))[0]! : parties!;
    const names = await namesOf(deps, tx, [updated.proposedBy, after.need.postedBy]);
    const actor = sides.need ? sideName('NEED', after, names) : sideName('TARGET', after, names);
    let type: NotificationType = given === 'ACCEPTED' ? 'PROPOSAL_ACCEPTED' : 'PROPOSAL_DECLINED';
    let followUp: FollowUp = { kind: 'NONE' };
    if (updated.state === 'ACCEPTED') {
      await recordMatch(tx, updated, after.need);
      // The student's application, or seats held for the need's poster: the match leads there.
      followUp = await followUpMatch(deps, tx, updated, after);
      type = 'MATCH_MADE';
    }
    const recipients = concerned(updated, after).filter((userId) => userId !== viewer.id);
    await notify(
      tx,
      recipients.map((userId) => {
        const n = notice(type, userId, updated, after, names, actor);
        return { ...n, data: { ...n.data, ...followUpNotice(followUp, userId, updated, after) } };
      }),
    );
    return presentProposal(updated);
  });
}

/** A match needs a need still taking matches and a target still there: a course not archived, a session not cancelled. */
function assertStillMatchable(parties: Parties) {
  if (!needTakesMatches(parties.need.state)) throw invalidState('a need', parties.need.state);
  if (parties.offer && parties.offer.state !== 'PUBLISHED') throw unavailable('OFFER_NOT_PUBLISHED');
  if (parties.session?.cancelledAt) throw unavailable('SESSION_CANCELLED');
}

/** The match made, with the minutes from the need's publication to it. The proposal's unique id keeps it to one. */
async function recordMatch(tx: Database, proposal: ProposalRow, need: NeedDto) {
  const matchedAt = proposal.decidedAt ?? new Date();
  const published = need.publishedAt ? new Date(need.publishedAt) : matchedAt;
  await tx.insert(matches).values({
    needId: proposal.needId,
    proposalId: proposal.id,
    matchedAt,
    minutesToMatch: Math.max(0, Math.floor((matchedAt.getTime() - published.getTime()) / 60_000)),
  });
}

/** The viewer's side (or sides) accept; the second side's acceptance makes the match. */
export const acceptProposal = (deps: Deps, viewer: Viewer | null, id: string) => answer(deps, viewer, id, 'ACCEPTED');
/** The viewer's side declines: the proposal is DECLINED. */
export const declineProposal = (deps: Deps, viewer: Viewer | null, id: string) => answer(deps, viewer, id, 'DECLINED');

/** The proposing side withdraws an OPEN proposal; both sides are told. */
export async function withdrawProposal(deps: Deps, viewer: Viewer | null, id: string): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await loadProposal(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  const sides = sidesOf(viewer, row, parties!);
  if (!policy.withdraw(viewer, row, sides)) throw policy.read(viewer, sides) ? forbidden() : noSuchProposal();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(proposals)
      .set({ state: 'WITHDRAWN', decidedAt: sql`now()` })
      .where(and(eq(proposals.id, row.id), eq(proposals.state, 'OPEN')))
      .returning();
    if (!updated) throw invalidState('a proposal', (await loadProposal(tx, row.id)).state);
    const names = await namesOf(deps, tx, [viewer.id, updated.proposedBy, parties!.need.postedBy]);
    const actor = updated.origin === 'COORDINATOR' ? (names.get(viewer.id) ?? '') : sideName('TARGET', parties!, names);
    await notify(
      tx,
      concerned(updated, parties!)
        .filter((userId) => userId !== viewer.id)
        .map((userId) => notice('PROPOSAL_WITHDRAWN', userId, updated, parties!, names, actor)),
    );
    return presentProposal(updated);
  });
}
