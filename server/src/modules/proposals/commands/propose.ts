/**
 * Making proposals: a coordinator proposes a match between a need and an offer, a session or a
 * student; an educator proposes their own course for a course need, or answers a demand pool with
 * one (a proposal per need in it). The sides that must answer are told in the same transaction.
 */
import { answerDemandPoolSchema, isCompatibleMatch, proposeMatchSchema } from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isUniqueViolation, type Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, invalidState, notFound, parseInput, unauthenticated } from '../../../errors.js';
import type { Viewer } from '../../../lib/viewer.js';
import { notify } from '../../messaging/index.js';
import { getNeed, lockNeed, needsByIds } from '../../needs/index.js';
import { roleIn } from '../../organisations/index.js';
import { namesOf, notice, partiesOf, type ProposalRow } from '../parties.js';
import { proposalPolicy as policy } from '../policy.js';
import { formPools } from '../pools.js';
import { presentProposal, type ProposalDto } from '../presenter.js';
import { poolableNeeds } from '../queries.js';
import { proposals } from '../tables.js';
import {
  findTarget,
  incompatible,
  lockCourse,
  offerKindOf,
  openProposalFor,
  targetColumns,
  unavailability,
  unavailable,
} from '../targets.js';

const poolChanged = () =>
  new AppError('POOL_CHANGED', 'The demand pool has changed since it was shown; look at the pools again');

/**
 * Proposes a match. A coordinator may propose any compatible pair; a member of the offering
 * organisation their own course or session for a COURSE need, which their side accepts by
 * proposing. The need must be OPEN and the target available. Proposing a pair that already has an
 * open proposal returns that one.
 */
export async function proposeMatch(deps: Deps, viewer: Viewer | null, input: unknown): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(proposeMatchSchema, input);
  // Students are proposed by coordinators only: nobody else learns whether one has a profile.
  if (data.targetKind === 'STUDENT' && !policy.broker(viewer)) throw forbidden('Coordinators propose students');
  const need = await getNeed(deps, viewer, data.needId);
  if (!need) throw notFound('No such need');
  const target = await findTarget(deps.db, data.targetKind, data);
  const member = target.offer ? (await roleIn(deps.db, target.offer.organisationId, viewer.id)) !== null : false;
  if (target.offer && !policy.seeOffer(viewer, target.offer, member)) throw notFound('No such offer');
  if (!policy.propose(viewer, member)) throw forbidden('Coordinators propose matches; educators their own courses');
  const origin = policy.proposeAs(viewer, member, target.offer?.kind ?? null);
  if (!origin) throw forbidden('Educators propose their own courses for course needs');
  if (!isCompatibleMatch(need.kind, { kind: target.kind, ...offerKindOf(target.offer) })) throw incompatible();
  if (need.state !== 'OPEN') throw invalidState('a need', need.state);
  const reason = unavailability(target, new Date());
  if (reason) throw unavailable(reason);

  try {
    return await deps.db.transaction(async (tx) => {
      if (target.offer?.kind === 'COURSE') await lockCourse(tx, target.offer.id);
      // A shared lock: the need stays OPEN while the proposal joins it.
      const locked = await lockNeed(tx, need.id, 'share');
      if (locked.state !== 'OPEN') throw invalidState('a need', locked.state);
      const existing = await openProposalFor(tx, need.id, target);
      if (existing) return presentProposal(existing);
      const [row] = await tx
        .insert(proposals)
        .values({
          needId: need.id,
          ...targetColumns(target),
          origin,
          proposedBy: viewer.id,
          note: data.note,
          ...(origin === 'EDUCATOR'
            ? { targetAnswer: 'ACCEPTED', targetAnsweredBy: viewer.id, targetAnsweredAt: sql`now()` }
            : {}),
        })
        .returning();
      await notifyReceived(deps, tx, viewer, [row!]);
      return presentProposal(row!);
    });
  } catch (error) {
    // Two requests raced past the check above: the unique index let one in, which is the answer.
    if (!isUniqueViolation(error, 'proposals_open_pair_unique')) throw error;
    const existing = await openProposalFor(deps.db, need.id, target);
    if (!existing) throw error;
    return presentProposal(existing);
  }
}

/** Tells the sides that must answer (each new proposal's need side; the target side too unless it proposed). */
async function notifyReceived(deps: Deps, tx: Database, viewer: Viewer, rows: ProposalRow[]) {
  const parties = await partiesOf(tx, rows);
  const names = await namesOf(deps, tx, [...rows.map((r) => r.proposedBy), ...parties.map((p) => p.need.postedBy)]);
  await notify(
    tx,
    rows.flatMap((row, i) => {
      const p = parties[i]!;
      // An educator speaks for their organisation; a coordinator for themselves.
      const actor = row.origin === 'COORDINATOR' ? (names.get(row.proposedBy) ?? '') : p.targetName;
      const recipients = new Set([...p.needSide, ...(row.targetAnswer ? [] : p.targetSide)]);
      recipients.delete(viewer.id);
      return [...recipients].map((userId) => notice('PROPOSAL_RECEIVED', userId, row, p, names, actor));
    }),
  );
}

/**
 * An educator answers a demand pool with a published course of their organisation (or one of its
 * sessions): one proposal per need in the pool, their side accepted, skipping needs that already
 * have an open proposal for that course. The pool is found again by its key; when its needs have
 * changed since it was shown, POOL_CHANGED.
 */
export async function answerDemandPool(
  deps: Deps,
  viewer: Viewer | null,
  input: unknown,
): Promise<{ proposals: ProposalDto[]; skippedNeedIds: string[] }> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(answerDemandPoolSchema, input);
  const target = await findTarget(deps.db, data.sessionId ? 'SESSION' : 'OFFER', { ...data, studentId: null });
  const offer = target.offer!;
  const member = (await roleIn(deps.db, offer.organisationId, viewer.id)) !== null;
  if (!policy.answerPool(viewer, member)) {
    if (!policy.seeOffer(viewer, offer, member)) throw notFound('No such offer');
    throw forbidden('Educators answer pools with their own courses');
  }
  if (offer.kind !== 'COURSE') throw incompatible();
  const reason = unavailability(target, new Date());
  if (reason) throw unavailable(reason);
  const pool = formPools(await poolableNeeds(deps.db)).find((p) => p.key === data.poolKey);
  if (!pool) throw poolChanged();
  if (!offer.topics.includes(pool.topic)) throw incompatible();

  return deps.db.transaction(async (tx) => {
    await lockCourse(tx, offer.id);
    const ids = pool.needs.map((n) => n.id);
    const current = await needsByIds(tx, ids);
    // A need with an open proposal of this course, or one it has accepted, is not invited again.
    const taken = await tx
      .select({ needId: proposals.needId })
      .from(proposals)
      .where(
        and(
          inArray(proposals.needId, ids),
          eq(proposals.offerId, offer.id),
          inArray(proposals.state, ['OPEN', 'ACCEPTED']),
        ),
      );
    const skip = new Set(taken.map((t) => t.needId));
    const fresh = ids.filter((id) => current.get(id)?.state === 'OPEN' && !skip.has(id));
    const created = fresh.length
      ? await tx
          .insert(proposals)
          .values(
            fresh.map((needId) => ({
              needId,
              ...targetColumns(target),
              origin: 'POOL' as const,
              poolKey: pool.key,
              proposedBy: viewer.id,
              note: data.note,
              targetAnswer: 'ACCEPTED' as const,
              targetAnsweredBy: viewer.id,
              targetAnsweredAt: sql`now()`,
            })),
          )
          .returning()
      : [];
    await notifyReceived(deps, tx, viewer, created);
    return {
      proposals: created.sort((a, b) => ids.indexOf(a.needId) - ids.indexOf(b.needId)).map(presentProposal),
      skippedNeedIds: ids.filter((id) => !fresh.includes(id)),
    };
  });
}
