/**
 * Fields of proposals the caller may already see, for the GraphQL loaders: one query (or a few)
 * per field and list, results in the order asked.
 */
import type { ProposalAction, ProposalSide, ProposalTargetKind } from '@keskusvaraamo/shared';
import { inArray } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { applicationsOfPairs, type ApplicationDto } from '../applications/index.js';
import { recordDataAccess, type DataAccess } from '../audit/index.js';
import { seatHoldsOfMatches } from '../bookings/index.js';
import { needsByIds, type NeedDto } from '../needs/index.js';
import { offersByIds, offersByIdsUnchecked, sessionsByIds, type OfferDto, type SessionDto } from '../offers/index.js';
import { userOrganisationIds } from '../organisations/index.js';
import { profilePolicy, type StudentProfileDto } from '../profiles/index.js';
import { namesOf, onNeedSide, partiesOf } from './parties.js';
import { proposalPolicy as policy, type ViewerSides } from './policy.js';
import { presentMatchMade, type MatchMadeDto, type ProposalDto } from './presenter.js';
import { matches } from './tables.js';

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
 * named only as the policy's `studentNamed` allows (always to the student and staff), their profile
 * only as the profile's rules allow, or to the need's side when the student has shown themselves to it.
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
  const reads: DataAccess[] = [];
  const targets = list.map((p, i): TargetDto => {
    const { student, studentNamed: named, targetTitle, targetName, offer, needSide } = parties[i]!;
    const shown = !student || policy.seeStudent(viewer, { self: viewer?.id === student.userId, named });
    const profileShown =
      !!student &&
      shown &&
      policy.seeStudentProfile(viewer, {
        readable: profilePolicy.read(viewer, student),
        named,
        needSide: viewer !== null && needSide.includes(viewer.id),
      });
    if (profileShown && viewer) {
      const onNeedSide = needSide.includes(viewer.id);
      if (policy.logStudentProfile(viewer, { needSide: onNeedSide })) {
        const organisationId = policy.actsForNeedOrganisation(viewer, { needSide: onNeedSide })
          ? parties[i]!.need.organisationId
          : null;
        reads.push({
          subjectUserId: student.userId,
          kind: 'PROFILE',
          source: 'PROPOSALS',
          objectId: p.id,
          organisationId,
        });
      }
    }
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
  // The student's profile shown to staff or the need's side goes into the student's views log.
  if (viewer) await recordDataAccess(deps.db, viewer, reads);
  return targets;
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
    const offer = p.offerId ? offers.get(p.offerId) : undefined;
    return {
      need: onNeedSide(viewer.id, needs.get(p.needId)!, orgIds),
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
  return list.map((p, i) =>
    policy.actions(
      viewer,
      { state: p.state, origin: p.origin, needAnswer: p.needAnswer.answer, targetAnswer: p.targetAnswer.answer },
      sides[i]!,
      needs[i]!.state,
    ),
  );
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

/**
 * Each accepted student proposal's application (the student's to the need), where the viewer may
 * read it (applications' rule: the student, the need's side, staff); null for everything else.
 */
export async function applicationsOf(
  deps: Deps,
  viewer: Viewer | null,
  list: ProposalDto[],
): Promise<(ApplicationDto | null)[]> {
  const pairs = list.map((p) =>
    p.state === 'ACCEPTED' && p.studentId ? { needId: p.needId, studentId: p.studentId } : null,
  );
  const wanted = pairs.flatMap((p) => (p ? [p] : []));
  const found = await applicationsOfPairs(deps, viewer, wanted);
  let i = 0;
  return pairs.map((p) => (p ? (found[i++] ?? null) : null));
}

export interface SeatHoldView {
  state: string;
  seats: number;
  offeredUntil: string | null;
  bookingId: string | null;
  mine: boolean;
}

/**
 * The seats each accepted session proposal held for the need's poster, as its booking is now:
 * every reader of the proposal (its sides, the proposer, coordinators) sees how many and until
 * when; only the booker gets the booking's id.
 */
export async function seatHoldsOf(
  deps: Deps,
  viewer: Viewer | null,
  list: ProposalDto[],
): Promise<(SeatHoldView | null)[]> {
  const holds = await seatHoldsOfMatches(
    deps.db,
    list.flatMap((p) => (p.state === 'ACCEPTED' && p.sessionId ? [{ proposalId: p.id, sessionId: p.sessionId }] : [])),
  );
  return list.map((p) => {
    const hold = holds.get(p.id);
    if (!hold) return null;
    const mine = viewer?.id === hold.bookedBy;
    return {
      state: hold.state,
      seats: hold.seats,
      offeredUntil: hold.state === 'OFFERED' ? hold.offeredUntil : null,
      bookingId: mine ? hold.bookingId : null,
      mine,
    };
  });
}
