/**
 * Proposals (brokering): a coordinator proposes a match between a need and an offer, a session or a
 * student; an educator proposes their own course for a course need, or answers a demand pool with
 * one (a proposal per need in it). Each side answers once: the need's side (its poster and company)
 * and the target's side (the offering organisation, or the student). An answer is one conditional
 * UPDATE that fills that side's answer only while the proposal is OPEN and the side has not
 * answered, and decides the state from both answers as the row stands when it is written: a
 * DECLINED makes it DECLINED, a second ACCEPTED makes it ACCEPTED. So of two sides accepting at the
 * same moment the second waits for the first, sees its answer, and is the one that makes the match
 * (a `matches` row, in the same transaction, unique per proposal). Every change notifies those
 * concerned in its own transaction.
 */
import {
  answerDemandPoolSchema,
  BROKERING_QUEUE_DAYS,
  isCompatibleMatch,
  isTopicId,
  proposeMatchSchema,
  type NotificationType,
  type ProposalAction,
  type ProposalAnswer,
  type ProposalSide,
  type ProposalState,
  type ProposalTargetKind,
} from '@keskusvaraamo/shared';
import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import {
  AppError,
  forbidden,
  invalidState,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../errors.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import { decodeIdCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { usersByIds } from '../accounts/index.js';
import { appliedPairs } from '../applications/service.js';
import { isStaff, type Viewer } from '../../lib/viewer.js';
import type { NeedDto } from '../needs/presenter.js';
import {
  getNeed,
  lockNeed,
  needIdsManagedBy,
  needsByIds,
  openCourseNeeds,
  openNeedsPublishedBefore,
} from '../needs/service.js';
import { notify, type NewNotification } from '../messaging/index.js';
import type { OfferDto, SessionDto } from '../offers/presenter.js';
import {
  bookableSessions,
  offerIdsOrganisedBy,
  offersByIds,
  offersByIdsUnchecked,
  sessionsByIds,
  type BookableSession,
} from '../offers/service.js';
import { memberIdsOf, organisationsByIds, roleIn, userOrganisationIds } from '../organisations/index.js';
import { profilePolicy, profilesByUserIds, type StudentProfileDto } from '../profiles/service.js';
import { proposalPolicy as policy, type ViewerSides } from './policy.js';
import { formPools, type DemandPool } from './pools.js';
import { presentMatchMade, presentProposal, type MatchMadeDto, type ProposalDto } from './presenter.js';
import { matches, proposals } from './tables.js';

type ProposalRow = typeof proposals.$inferSelect;

const EXCERPT_LENGTH = 200;
const DAY_MS = 86_400_000;

const incompatible = () =>
  new AppError(
    'INCOMPATIBLE_MATCH',
    'These cannot be matched: a COURSE need takes a course or one of its sessions, a placement a student pool offering it or a student',
  );
const unavailable = (reason: string) => new AppError('TARGET_UNAVAILABLE', 'This cannot be proposed now', { reason });
const alreadyAnswered = () => new AppError('ALREADY_ANSWERED', 'Your side has already answered this proposal');
const poolChanged = () =>
  new AppError('POOL_CHANGED', 'The demand pool has changed since it was shown; look at the pools again');
const noSuchProposal = () => notFound('No such proposal');

async function load(db: Database, id: string): Promise<ProposalRow> {
  const [row] = await db
    .select()
    .from(proposals)
    .where(eq(proposals.id, assertId(id, 'No such proposal')));
  if (!row) throw noSuchProposal();
  return row;
}

/** Who is on each side of a proposal, and what the sides are called. */
export interface Parties {
  need: NeedDto;
  /** The need's company; null when its poster has none (then the poster's name stands for it). */
  needOrganisationName: string | null;
  /** The poster and the company's members. */
  needSide: string[];
  offer: OfferDto | null;
  session: BookableSession | null;
  student: StudentProfileDto | null;
  /**
   * Whether the student may be named to everyone the proposal concerns (see `studentNamed`); when
   * not, targetTitle and targetName are empty and only the student and staff see who it is.
   */
  studentNamed: boolean;
  /** The course's or pool's title, or the student's name (empty when the student is not named). */
  targetTitle: string;
  /** The offering organisation, or the student (empty when the student is not named). */
  targetName: string;
  /** The offering organisation's members, or the student. */
  targetSide: string[];
}

/**
 * A student proposed for a placement is named (their name, institution and profile shown) to the
 * need's side and anyone else the proposal concerns only while they are discoverable, or when they
 * have shown themselves: by accepting this proposal, or by applying to its need (which shares
 * their profile with its side). Once they opt out, a proposal made earlier no longer names them to
 * those who cannot otherwise see them; the student and staff always see who it is.
 */
function studentNamed(student: StudentProfileDto | null, accepted: boolean, applied: boolean): boolean {
  return !!student && (student.discoverable || accepted || applied);
}

/** The parties of each proposal, in the order given, with a fixed number of queries. */
export async function partiesOf(
  db: Database,
  rows: Pick<ProposalRow, 'needId' | 'offerId' | 'sessionId' | 'studentId' | 'targetAnswer'>[],
): Promise<Parties[]> {
  const sessionIds = rows.flatMap((r) => (r.sessionId ? [r.sessionId] : []));
  const studentIds = rows.flatMap((r) => (r.studentId ? [r.studentId] : []));
  const [needs, offers, sessions, students, applied] = await Promise.all([
    needsByIds(
      db,
      rows.map((r) => r.needId),
    ),
    offersByIdsUnchecked(
      db,
      rows.flatMap((r) => (r.offerId ? [r.offerId] : [])),
    ),
    sessionIds.length ? bookableSessions(db, [...new Set(sessionIds)]) : new Map<string, BookableSession>(),
    profilesByUserIds(db, studentIds),
    appliedPairs(
      db,
      rows.flatMap((r) => (r.studentId ? [{ needId: r.needId, studentId: r.studentId }] : [])),
    ),
  ]);
  const studentById = new Map(studentIds.map((id, i) => [id, students[i] ?? null]));
  const organisationIds = [
    ...[...needs.values()].flatMap((n) => (n.organisationId ? [n.organisationId] : [])),
    ...[...offers.values()].map((o) => o.organisationId),
  ];
  const [organisations, members] = await Promise.all([
    organisationsByIds(db, organisationIds),
    memberIdsOf(db, organisationIds),
  ]);
  const nameOf = new Map(organisations.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  return rows.map((r) => {
    const need = needs.get(r.needId)!;
    const offer = r.offerId ? (offers.get(r.offerId) ?? null) : null;
    const student = r.studentId ? (studentById.get(r.studentId) ?? null) : null;
    const named = studentNamed(student, r.targetAnswer === 'ACCEPTED', applied.has(`${r.needId}:${r.studentId}`));
    const studentName = named ? (student?.displayName ?? '') : '';
    return {
      need,
      needOrganisationName: need.organisationId ? (nameOf.get(need.organisationId) ?? null) : null,
      needSide: [...new Set([need.postedBy, ...(need.organisationId ? (members.get(need.organisationId) ?? []) : [])])],
      offer,
      session: r.sessionId ? (sessions.get(r.sessionId) ?? null) : null,
      student,
      studentNamed: named,
      targetTitle: offer?.title ?? studentName,
      targetName: offer ? (nameOf.get(offer.organisationId) ?? '') : studentName,
      targetSide: offer ? (members.get(offer.organisationId) ?? []) : r.studentId ? [r.studentId] : [],
    };
  });
}

const sidesOf = (viewer: Viewer, row: Pick<ProposalRow, 'proposedBy'>, parties: Parties): ViewerSides => ({
  need: parties.needSide.includes(viewer.id),
  target: parties.targetSide.includes(viewer.id),
  proposer: row.proposedBy === viewer.id,
});

/** The names notifications use: people by id (posters without a company, proposers, those who answer). */
async function namesOf(deps: Deps, db: Database, ids: string[]): Promise<Map<string, string>> {
  const people = await usersByIds({ ...deps, db }, ids);
  return new Map([...people.values()].map((u) => [u.id, u.displayName]));
}

/** The name a side acts under: its company or organisation, or the person (a student, a coordinator, a poster without a company). */
function sideName(side: ProposalSide, parties: Parties, names: Map<string, string>): string {
  if (side === 'TARGET') return parties.targetName;
  return parties.needOrganisationName ?? names.get(parties.need.postedBy) ?? '';
}

/** A notification about a proposal: the need's title is its subject, `actorName` who did it. */
function notice(
  type: NotificationType,
  userId: string,
  row: ProposalRow,
  parties: Parties,
  names: Map<string, string>,
  actorName: string,
): NewNotification {
  return {
    userId,
    type,
    data: {
      proposalId: row.id,
      needId: row.needId,
      needTitle: parties.need.title,
      organisationName: sideName('NEED', parties, names),
      targetTitle: parties.targetTitle,
      proposerName: names.get(row.proposedBy) ?? '',
      actorName,
      ...(type === 'PROPOSAL_RECEIVED' ? { excerpt: row.note.slice(0, EXCERPT_LENGTH) } : {}),
      path: `/proposals/${row.id}`,
    },
  };
}

/** Everyone a proposal concerns: both sides and the proposer. */
const concerned = (row: ProposalRow, parties: Parties) => [
  ...new Set([...parties.needSide, ...parties.targetSide, row.proposedBy]),
];

/** What a proposal is made with, as found from the input's ids. */
interface Target {
  kind: ProposalTargetKind;
  offer: OfferDto | null;
  session: BookableSession | null;
  student: StudentProfileDto | null;
}

async function findTarget(
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
function unavailability(target: Target, now: Date): string | null {
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
async function lockCourse(db: Database, offerId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`proposals:${offerId}`}, 0))`);
}

const targetColumns = (target: Target) => ({
  targetKind: target.kind,
  offerId: target.offer?.id ?? null,
  sessionId: target.session?.id ?? null,
  studentId: target.student?.userId ?? null,
});

/** The open proposal of a need and target, if any. */
async function openProposalFor(db: Database, needId: string, target: Target): Promise<ProposalRow | undefined> {
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
  // A draft course is nobody's business outside its organisation and the coordinators.
  if (target.offer?.state === 'DRAFT' && !member && !isStaff(viewer)) throw notFound('No such offer');
  if (!policy.propose(viewer, member)) throw forbidden('Coordinators propose matches; educators their own courses');
  const asEducator = member && target.offer?.kind === 'COURSE';
  if (!asEducator && !policy.broker(viewer)) throw forbidden('Educators propose their own courses for course needs');
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
          origin: asEducator ? 'EDUCATOR' : 'COORDINATOR',
          proposedBy: viewer.id,
          note: data.note,
          ...(asEducator
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

const offerKindOf = (offer: OfferDto | null) =>
  offer ? { offerKind: offer.kind, placementKinds: offer.placementKinds } : {};

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

/** A side's answer: fills the answer of each side the viewer is on that has not answered, and decides the state. */
async function answer(deps: Deps, viewer: Viewer | null, id: string, given: ProposalAnswer): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await load(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  const sides = sidesOf(viewer, row, parties!);
  if (!policy.answer(viewer, sides)) throw policy.read(viewer, sides) ? forbidden() : noSuchProposal();
  if (given === 'ACCEPTED' && row.state === 'OPEN') assertStillMatchable(parties!);

  return deps.db.transaction(async (tx) => {
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
      const current = await load(tx, row.id);
      if (current.state !== 'OPEN') throw invalidState('a proposal', current.state);
      throw alreadyAnswered();
    }
    // A student who has just accepted may be named from now on (see `studentNamed`).
    const after = updated.studentId ? (await partiesOf(tx, [updated]))[0]! : parties!;
    const names = await namesOf(deps, tx, [updated.proposedBy, after.need.postedBy]);
    const actor = sides.need ? sideName('NEED', after, names) : sideName('TARGET', after, names);
    let type: NotificationType = given === 'ACCEPTED' ? 'PROPOSAL_ACCEPTED' : 'PROPOSAL_DECLINED';
    if (updated.state === 'ACCEPTED') {
      await recordMatch(tx, updated, after.need);
      type = 'MATCH_MADE';
    }
    const recipients = concerned(updated, after).filter((userId) => userId !== viewer.id);
    await notify(
      tx,
      recipients.map((userId) => notice(type, userId, updated, after, names, actor)),
    );
    return presentProposal(updated);
  });
}

/** A match needs a need still taking matches and a target still there: a course not archived, a session not cancelled. */
function assertStillMatchable(parties: Parties) {
  if (parties.need.state !== 'OPEN' && parties.need.state !== 'EXPIRED') {
    throw invalidState('a need', parties.need.state);
  }
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

export const acceptProposal = (deps: Deps, viewer: Viewer | null, id: string) => answer(deps, viewer, id, 'ACCEPTED');
export const declineProposal = (deps: Deps, viewer: Viewer | null, id: string) => answer(deps, viewer, id, 'DECLINED');

/** The proposing side withdraws an OPEN proposal; both sides are told. */
export async function withdrawProposal(deps: Deps, viewer: Viewer | null, id: string): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await load(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  const sides = sidesOf(viewer, row, parties!);
  if (!policy.withdraw(viewer, row, sides)) throw policy.read(viewer, sides) ? forbidden() : noSuchProposal();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(proposals)
      .set({ state: 'WITHDRAWN', decidedAt: sql`now()` })
      .where(and(eq(proposals.id, row.id), eq(proposals.state, 'OPEN')))
      .returning();
    if (!updated) throw invalidState('a proposal', (await load(tx, row.id)).state);
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

/** One proposal: for its sides, its proposer and coordinators; NOT_FOUND for anyone else. */
export async function getProposal(deps: Deps, viewer: Viewer | null, id: string): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await load(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  if (!policy.read(viewer, sidesOf(viewer, row, parties!))) throw noSuchProposal();
  return presentProposal(row);
}

/** SQL: the proposals a user is a party to (their need's, their organisation's offer's, themselves as the student) or made. */
function concerning(userId: string): SQL {
  return or(
    sql`${proposals.needId} in (${needIdsManagedBy(userId)})`,
    sql`${proposals.offerId} in (${offerIdsOrganisedBy(userId)})`,
    eq(proposals.studentId, userId),
    eq(proposals.proposedBy, userId),
  )!;
}

/** SQL for the ids of the proposals a user is a party to or made, as a subquery (conversations). */
export function proposalIdsOfParty(userId: string): SQL {
  return sql`select ${proposals.id} from ${proposals} where ${concerning(userId)}`;
}

/**
 * A need's proposals, newest first: all of them for its side and coordinators, the viewer's own for
 * anyone else who may read the need (an educator sees what they proposed). NOT_FOUND when the need
 * is not theirs to read.
 */
export async function proposalsForNeed(deps: Deps, viewer: Viewer | null, needId: string): Promise<ProposalDto[]> {
  if (!viewer) throw unauthenticated();
  const need = await getNeed(deps, viewer, needId);
  if (!need) throw notFound('No such need');
  const orgIds = await userOrganisationIds(deps.db, viewer.id);
  const onNeedSide =
    need.postedBy === viewer.id || (need.organisationId !== null && orgIds.includes(need.organisationId));
  const rows = await deps.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.needId, need.id), onNeedSide || isStaff(viewer) ? undefined : concerning(viewer.id)))
    .orderBy(desc(proposals.createdAt), desc(proposals.id));
  return rows.map(presentProposal);
}

/** The proposals concerning the viewer (see `concerning`), newest first. */
export async function myProposals(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: ProposalState | null; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const afterId = decodeIdCursor(args.after);
  const filters = and(concerning(viewer.id), args.state ? eq(proposals.state, args.state) : undefined);
  const after = afterId
    ? sql`(${proposals.createdAt}, ${proposals.id}) < (select p.created_at, p.id from ${proposals} p where p.id = ${afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(proposals)
      .where(and(filters, after))
      .orderBy(desc(proposals.createdAt), desc(proposals.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(proposals).where(filters),
  ]);
  return toConnection(rows.map(presentProposal), size, (p) => [p.id], total?.n ?? 0);
}

/**
 * The coordinator's queue: open needs published at least BROKERING_QUEUE_DAYS ago that have no
 * match yet, the longest waiting first, with their open proposals counted.
 */
export async function brokeringQueue(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  if (!policy.readQueue(viewer)) throw forbidden('The brokering queue is for coordinators');
  const size = pageSize(args.first);
  const now = new Date();
  const { rows, total } = await openNeedsPublishedBefore(deps.db, {
    publishedBefore: new Date(now.getTime() - BROKERING_QUEUE_DAYS * DAY_MS),
    excluding: sql`select ${matches.needId} from ${matches}`,
    limit: size + 1,
    afterId: decodeIdCursor(args.after),
  });
  const open = rows.length
    ? await deps.db
        .select({ needId: proposals.needId, n: count() })
        .from(proposals)
        .where(
          and(
            inArray(
              proposals.needId,
              rows.map((n) => n.id),
            ),
            eq(proposals.state, 'OPEN'),
          ),
        )
        .groupBy(proposals.needId)
    : [];
  const items = rows.map((need) => ({
    need,
    publishedAt: need.publishedAt!,
    daysWaiting: Math.floor((now.getTime() - new Date(need.publishedAt!).getTime()) / DAY_MS),
    openProposals: open.find((o) => o.needId === need.id)?.n ?? 0,
  }));
  return toConnection(items, size, (item) => [item.need.id], total);
}

/** The demand pools of open COURSE needs now, optionally of one topic: for educators and coordinators. */
export async function demandPools(
  deps: Deps,
  viewer: Viewer | null,
  topic: string | null = null,
): Promise<DemandPool<NeedDto>[]> {
  if (!viewer) throw unauthenticated();
  if (!policy.readPools(viewer)) throw forbidden('Demand pools are for educators and coordinators');
  if (topic !== null && !isTopicId(topic)) throw validationError([{ field: 'topic', message: 'validation.topic' }]);
  return formPools(await poolableNeeds(deps.db, topic), { topic });
}

/** Open COURSE needs that could pool: their period not over, and no match made for them yet. */
const poolableNeeds = (db: Database, topic: string | null = null) =>
  openCourseNeeds(db, { today: todayInHelsinki(), topic, excluding: sql`select ${matches.needId} from ${matches}` });

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
  if ((await roleIn(deps.db, offer.organisationId, viewer.id)) === null) {
    if (offer.state === 'DRAFT' && !isStaff(viewer)) throw notFound('No such offer');
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

// Fields of proposals the caller may already see, for the GraphQL loaders: one query (or a few) per field and list.

export async function needsOf(deps: Deps, list: ProposalDto[]): Promise<NeedDto[]> {
  const byId = await needsByIds(
    deps.db,
    list.map((p) => p.needId),
  );
  return list.map((p) => byId.get(p.needId)!);
}

export interface TargetDto {
  kind: ProposalTargetKind;
  offer: OfferDto | null;
  session: SessionDto | null;
  studentId: string | null;
  title: string;
  organisationName: string | null;
  studentProfile: StudentProfileDto | null;
  /** The student is not named to this viewer: title, organisationName and studentProfile are empty. */
  hidden: boolean;
}

/**
 * Each proposal's target as the viewer may see it: the course or pool, the session; a student
 * named only as `studentNamed` allows (always to the student and staff), their profile only as the
 * profile's rules allow, or to the need's side when the student has shown themselves to it.
 */
export async function targetsOf(deps: Deps, viewer: Viewer | null, list: ProposalDto[]): Promise<TargetDto[]> {
  const offerIds = list.flatMap((p) => (p.offerId ? [p.offerId] : []));
  const sessionIds = list.flatMap((p) => (p.sessionId ? [p.sessionId] : []));
  const [parties, offers, sessions] = await Promise.all([
    partiesOf(
      deps.db,
      list.map((p) => ({ ...p, targetAnswer: p.targetAnswer.answer })),
    ),
    offersByIds(deps, viewer, offerIds),
    sessionsByIds(deps, viewer, sessionIds),
  ]);
  const offerById = new Map(offerIds.map((id, i) => [id, offers[i] ?? null]));
  const sessionById = new Map(sessionIds.map((id, i) => [id, sessions[i] ?? null]));
  return list.map((p, i) => {
    const { student, studentNamed: named, targetTitle, targetName, offer, needSide } = parties[i]!;
    const shown = !student || (viewer !== null && (viewer.id === student.userId || isStaff(viewer))) || named;
    const profileShown =
      !!student &&
      shown &&
      (profilePolicy.read(viewer, student) || (named && viewer !== null && needSide.includes(viewer.id)));
    return {
      kind: p.targetKind,
      offer: p.offerId ? (offerById.get(p.offerId) ?? null) : null,
      session: p.sessionId ? (sessionById.get(p.sessionId) ?? null) : null,
      studentId: p.studentId,
      title: student ? (shown ? student.displayName : '') : targetTitle,
      organisationName: offer ? targetName : shown ? (student?.institutionName ?? null) : null,
      studentProfile: profileShown ? student : null,
      hidden: !shown,
    };
  });
}

export async function proposerNamesOf(deps: Deps, list: ProposalDto[]): Promise<string[]> {
  const names = await namesOf(
    deps,
    deps.db,
    list.map((p) => p.proposedBy),
  );
  return list.map((p) => names.get(p.proposedBy) ?? '');
}

/** Each side's answer with the name of who gave it. */
export async function answersOf(deps: Deps, list: ProposalDto[], side: ProposalSide) {
  const answers = list.map((p) => (side === 'NEED' ? p.needAnswer : p.targetAnswer));
  const names = await namesOf(
    deps,
    deps.db,
    answers.flatMap((a) => (a.answeredBy ? [a.answeredBy] : [])),
  );
  return answers.map((a) => ({
    answer: a.answer,
    answeredAt: a.answeredAt,
    answeredByName: a.answeredBy ? (names.get(a.answeredBy) ?? null) : null,
  }));
}

/** The viewer's sides of each proposal. */
export async function viewerSidesOf(deps: Deps, viewer: Viewer | null, list: ProposalDto[]): Promise<ViewerSides[]> {
  if (!viewer) return list.map(() => ({ need: false, target: false, proposer: false }));
  const [needs, offers, orgIds] = await Promise.all([
    needsByIds(
      deps.db,
      list.map((p) => p.needId),
    ),
    offersByIdsUnchecked(
      deps.db,
      list.flatMap((p) => (p.offerId ? [p.offerId] : [])),
    ),
    userOrganisationIds(deps.db, viewer.id).then((ids) => new Set(ids)),
  ]);
  return list.map((p) => {
    const need = needs.get(p.needId)!;
    const offer = p.offerId ? offers.get(p.offerId) : undefined;
    return {
      need: need.postedBy === viewer.id || (need.organisationId !== null && orgIds.has(need.organisationId)),
      target: offer ? orgIds.has(offer.organisationId) : p.studentId === viewer.id,
      proposer: p.proposedBy === viewer.id,
    };
  });
}

export async function sideListsOf(deps: Deps, viewer: Viewer | null, list: ProposalDto[]): Promise<ProposalSide[][]> {
  const sides = await viewerSidesOf(deps, viewer, list);
  return sides.map((s) => [...(s.need ? (['NEED'] as const) : []), ...(s.target ? (['TARGET'] as const) : [])]);
}

/** What the viewer may do to each proposal now (the UI shows these buttons). */
export async function actionsOf(deps: Deps, viewer: Viewer | null, list: ProposalDto[]): Promise<ProposalAction[][]> {
  if (!viewer) return list.map(() => []);
  const [sides, needs] = await Promise.all([viewerSidesOf(deps, viewer, list), needsOf(deps, list)]);
  return list.map((p, i) => {
    if (p.state !== 'OPEN') return [];
    const s = sides[i]!;
    const unanswered = (s.need && !p.needAnswer.answer) || (s.target && !p.targetAnswer.answer);
    const matchable = needs[i]!.state === 'OPEN' || needs[i]!.state === 'EXPIRED';
    const actions: ProposalAction[] = [];
    if (unanswered && policy.answer(viewer, s)) {
      if (matchable) actions.push('ACCEPT');
      actions.push('DECLINE');
    }
    if (policy.withdraw(viewer, p, s)) actions.push('WITHDRAW');
    return actions;
  });
}

/** The match each accepted proposal made, in one query. */
export async function matchesOf(deps: Deps, list: ProposalDto[]): Promise<(MatchMadeDto | null)[]> {
  const accepted = list.filter((p) => p.state === 'ACCEPTED').map((p) => p.id);
  const rows = accepted.length ? await deps.db.select().from(matches).where(inArray(matches.proposalId, accepted)) : [];
  return list.map((p) => {
    const row = rows.find((r) => r.proposalId === p.id);
    return row ? presentMatchMade(row) : null;
  });
}

/** What a conversation about each proposal needs: its title (the need's and the target's) and its parties. */
export async function proposalParties(
  db: Database,
  ids: string[],
): Promise<Map<string, { title: string; partyIds: string[] }>> {
  const rows = ids.length ? await db.select().from(proposals).where(inArray(proposals.id, ids)) : [];
  const parties = await partiesOf(db, rows);
  return new Map(
    rows.map((row, i) => {
      const p = parties[i]!;
      // A student who is not named (see `studentNamed`) is left out of the title everyone sees.
      const title = p.targetTitle ? `${p.need.title} – ${p.targetTitle}` : p.need.title;
      return [row.id, { title, partyIds: concerned(row, p) }];
    }),
  );
}
