/**
 * What a proposal is made with: a course, one of its sessions, a student pool or a student, found
 * from the input's ids; whether it can be proposed now; and the open proposal of a need and target.
 */
import type { ProposalTargetKind } from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { bookableSessions, offersByIdsUnchecked, type BookableSession, type OfferDto } from '../offers/index.js';
import { profilesByUserIds, type StudentProfileDto } from '../profiles/index.js';
import type { ProposalRow } from './parties.js';
import { proposals } from './tables.js';

export const incompatible = () =>
  new AppError(
    'INCOMPATIBLE_MATCH',
    'These cannot be matched: a COURSE need takes a course or one of its sessions, a placement a student pool offering it or a student',
  );
export const unavailable = (reason: string) =>
  new AppError('TARGET_UNAVAILABLE', 'This cannot be proposed now', { reason });

/** What a proposal is made with, as found from the input's ids. */
export interface Target {
  kind: ProposalTargetKind;
  offer: OfferDto | null;
  session: BookableSession | null;
  student: StudentProfileDto | null;
}

export async function findTarget(
  db: Database,
  kind: ProposalTargetKind,
  ids: { offerId: string | null; sessionId: string | null; studentId: string | null },
): Promise<Target> {
  if (kind === 'STUDENT') {
    const [student] = await profilesByUserIds(db, [ids.studentId!]);
    if (!student) throw notFound('No such student');
    return { kind, offer: null, session: null, student };
  }
  let offerId = ids.offerId;
  let session: BookableSession | null = null;
  if (kind === 'SESSION') {
    session = (await bookableSessions(db, [ids.sessionId!])).get(ids.sessionId!) ?? null;
    if (!session) throw notFound('No such session');
    offerId = session.offerId;
  }
  const offer = (await offersByIdsUnchecked(db, [offerId!])).get(offerId!);
  if (!offer) throw notFound('No such offer');
  return { kind, offer, session, student: null };
}

/** Why a target cannot be proposed now, or null when it can. */
export function unavailability(target: Target, now: Date): string | null {
  if (target.student) return target.student.discoverable ? null : 'STUDENT_NOT_DISCOVERABLE';
  if (target.offer?.state !== 'PUBLISHED') return 'OFFER_NOT_PUBLISHED';
  if (target.session?.cancelledAt) return 'SESSION_CANCELLED';
  if (target.session && target.session.registrationDeadline <= now) return 'REGISTRATION_CLOSED';
  return null;
}

/**
 * Proposals with one course queue behind each other: answering a pool checks for the course's
 * open proposals before adding its own, and two answers at once must not both pass that check.
 */
export async function lockCourse(db: Database, offerId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`proposals:${offerId}`}, 0))`);
}

export const targetColumns = (target: Target) => ({
  targetKind: target.kind,
  offerId: target.offer?.id ?? null,
  sessionId: target.session?.id ?? null,
  studentId: target.student?.userId ?? null,
});

/** The open proposal of a need and target, if any. */
export async function openProposalFor(db: Database, needId: string, target: Target): Promise<ProposalRow | undefined> {
  const t = targetColumns(target);
  const [row] = await db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.needId, needId),
        eq(proposals.state, 'OPEN'),
        eq(proposals.targetKind, t.targetKind),
        sql`coalesce(${proposals.sessionId}, ${proposals.offerId}, ${proposals.studentId}) = ${t.sessionId ?? t.offerId ?? t.studentId}`,
      ),
    );
  return row;
}

/** The offer's kinds as `isCompatibleMatch` reads them. */
export const offerKindOf = (offer: OfferDto | null) =>
  offer ? { offerKind: offer.kind, placementKinds: offer.placementKinds } : {};
