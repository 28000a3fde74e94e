/**
 * Who a proposal concerns: its need and its side, its target (a course, a session, a pool or a
 * student) and its side, and what the sides are called; the notifications that tell them. Read by
 * the commands, the queries and the loaders alike.
 */
import type { NotificationType, ProposalSide } from '@keskusvaraamo/shared';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import { appliedPairs } from '../applications/index.js';
import type { NewNotification } from '../messaging/index.js';
import { needsByIds, type NeedDto } from '../needs/index.js';
import { bookableSessions, offersByIdsUnchecked, type BookableSession, type OfferDto } from '../offers/index.js';
import { memberIdsOf, organisationsByIds } from '../organisations/index.js';
import { profilesByUserIds, type StudentProfileDto } from '../profiles/index.js';
import { proposalPolicy as policy, type ViewerSides } from './policy.js';
import { proposals } from './tables.js';

export type ProposalRow = typeof proposals.$inferSelect;

const EXCERPT_LENGTH = 200;

export const noSuchProposal = () => notFound('No such proposal');

/** A proposal by id; NOT_FOUND when there is none (whether the viewer may see it is the caller's question). */
export async function loadProposal(db: Database, id: string): Promise<ProposalRow> {
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
   * Whether the student may be named to everyone the proposal concerns (policy `studentNamed`);
   * when not, targetTitle and targetName are empty and only the student and staff see who it is.
   */
  studentNamed: boolean;
  /** The course's or pool's title, or the student's name (empty when the student is not named). */
  targetTitle: string;
  /** The offering organisation, or the student (empty when the student is not named). */
  targetName: string;
  /** The offering organisation's members, or the student. */
  targetSide: string[];
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
    const named =
      !!student &&
      policy.studentNamed(student, {
        accepted: r.targetAnswer === 'ACCEPTED',
        applied: applied.has(`${r.needId}:${r.studentId}`),
      });
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

/** The viewer's sides of a proposal whose parties are known. */
export const sidesOf = (viewer: Viewer, row: Pick<ProposalRow, 'proposedBy'>, parties: Parties): ViewerSides => ({
  need: parties.needSide.includes(viewer.id),
  target: parties.targetSide.includes(viewer.id),
  proposer: row.proposedBy === viewer.id,
});

/** Whether a user is on a need's side: its poster, or a member of its company (`organisationIds`: theirs). */
export const onNeedSide = (userId: string, need: NeedDto, organisationIds: { has(id: string): boolean }) =>
  need.postedBy === userId || (need.organisationId !== null && organisationIds.has(need.organisationId));

/** The names notifications use: people by id (posters without a company, proposers, those who answer). */
export async function namesOf(deps: Deps, db: Database, ids: string[]): Promise<Map<string, string>> {
  const people = await usersByIds({ ...deps, db }, ids);
  return new Map([...people.values()].map((u) => [u.id, u.displayName]));
}

/** The name a side acts under: its company or organisation, or the person (a student, a coordinator, a poster without a company). */
export function sideName(side: ProposalSide, parties: Parties, names: Map<string, string>): string {
  if (side === 'TARGET') return parties.targetName;
  return parties.needOrganisationName ?? names.get(parties.need.postedBy) ?? '';
}

/** A notification about a proposal: the need's title is its subject, `actorName` who did it. */
export function notice(
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
export const concerned = (row: ProposalRow, parties: Parties) => [
  ...new Set([...parties.needSide, ...parties.targetSide, row.proposedBy]),
];
