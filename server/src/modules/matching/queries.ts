/**
 * Ranked, explained matches, read live from the tables (and the search index, which is written in
 * the same transaction as its source), so a new, edited, closed, archived or full item shows or
 * drops out at once. Directions:
 *
 *   need (COURSE)                  → published courses with a session taking registrations and
 *                                     seats free, and those sessions
 *   need (INTERNSHIP, SUMMER_JOB,  → student pools offering its kind, and discoverable students
 *         THESIS)
 *   offer (COURSE or STUDENT_POOL) → open needs it could answer (leads)
 *   student                        → open placements
 *
 * Each source is one statement (see rank.ts); sources.ts says where candidates come from.
 */
import {
  isPlacementKind,
  PLACEMENT_KINDS,
  type MatchKind,
  type NeedKind,
  type ScoredMatch,
} from '@keskusvaraamo/shared';
import type { Deps } from '../../deps.js';
import { forbidden, unauthenticated, validationError } from '../../errors.js';
import { helsinkiDate } from '../../lib/helsinki.js';
import type { Viewer } from '../../lib/viewer.js';
import { recordDataAccess } from '../audit/index.js';
import { mayManageNeed, type NeedDto } from '../needs/index.js';
import { mayManageOffer, sessionsOfOffers, type OfferDto } from '../offers/index.js';
import { myStudentProfile } from '../profiles/index.js';
import { matchingPolicy as policy } from './policy.js';
import { rankAll } from './rank.js';
import type { Subject } from './scoring.js';
import { SOURCES, type Source } from './sources.js';

const MAX_MATCHES = 50;

function checkLimit(first: number | null | undefined): number {
  if (first === null || first === undefined) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
    throw validationError([{ field: 'first', message: 'validation.pageSize', params: { max: MAX_MATCHES } }]);
  }
  return first;
}

/** The kinds a need is matched with, and from where. */
function sourcesForNeed(kind: NeedKind, kinds: MatchKind[] | null): Source[] {
  const wanted = (k: MatchKind) => !kinds || kinds.includes(k);
  if (kind === 'COURSE') {
    return [...(wanted('OFFER') ? [SOURCES.courses] : []), ...(wanted('SESSION') ? [SOURCES.sessions] : [])];
  }
  return [...(wanted('OFFER') ? [SOURCES.pools(kind)] : []), ...(wanted('STUDENT') ? [SOURCES.students] : [])];
}

/**
 * The best matches for a need: for its company's side and coordinators only (discoverable
 * students are shown to them, and to nobody else).
 */
export async function matchesForNeed(
  deps: Deps,
  viewer: Viewer | null,
  need: NeedDto,
  args: { first?: number | null; kinds?: MatchKind[] | null },
): Promise<ScoredMatch[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!policy.needMatches(viewer, await mayManageNeed(deps, viewer, need))) throw forbidden();
  const subject: Subject = {
    topics: need.topics,
    municipalityCode: need.municipalityCode,
    remote: need.remote,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    languages: need.languages,
    text: need.title,
    // A placement happens at the need's workplace; a course need's course, at the course.
    hosts: isPlacementKind(need.kind),
    people: need.kind === 'COURSE' ? need.positions : null,
  };
  const sources = sourcesForNeed(need.kind, args.kinds ?? null);
  // The person who posted a placement need never appears as a student for it.
  const found = await rankAll(deps.db, subject, sources, limit, [need.postedBy]);
  // Each discoverable student shown goes into their views log, with the company the viewer acts for.
  await recordDataAccess(
    deps.db,
    viewer,
    found
      .filter((match) => match.kind === 'STUDENT')
      .map((match) => ({
        subjectUserId: match.id,
        kind: 'PROFILE' as const,
        source: 'MATCHING' as const,
        organisationId: policy.actsForNeedOrganisation(viewer) ? need.organisationId : null,
      })),
  );
  return found;
}

/**
 * Leads for an offer: open needs it could answer (a course: COURSE needs; a student pool: the
 * placement kinds it offers). For the offering organisation and coordinators.
 */
export async function leadsForOffer(
  deps: Deps,
  viewer: Viewer | null,
  offer: OfferDto,
  args: { first?: number | null },
): Promise<ScoredMatch[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!policy.offerLeads(viewer, await mayManageOffer(deps, viewer, offer))) throw forbidden();
  let periodStart = offer.periodStart;
  let periodEnd = offer.periodEnd;
  if (offer.kind === 'COURSE') {
    const now = new Date();
    const [sessions = []] = await sessionsOfOffers(deps, [offer.id]);
    const open = sessions.filter((s) => !s.cancelledAt && new Date(s.registrationDeadline) > now);
    const starts = open.map((s) => helsinkiDate(new Date(s.startsAt))).sort();
    const ends = open.map((s) => helsinkiDate(new Date(s.endsAt))).sort();
    periodStart = starts[0] ?? null;
    periodEnd = ends.at(-1) ?? null;
  }
  const subject: Subject = {
    topics: offer.topics,
    municipalityCode: offer.municipalityCode,
    remote: offer.online,
    periodStart,
    periodEnd,
    languages: offer.languages,
    text: offer.title,
    // A course happens where it is held; a student pool's students go to the need's workplace.
    hosts: offer.kind === 'COURSE',
    people: null,
  };
  if (offer.kind === 'COURSE') return rankAll(deps.db, subject, [SOURCES.courseNeeds], limit);
  const kinds = ((offer.placementKinds ?? []) as NeedKind[]).filter(isPlacementKind);
  if (!kinds.length) return [];
  return rankAll(deps.db, subject, [SOURCES.placements(kinds)], limit);
}

/** Open placements for the signed-in student, from their profile (none without one). */
export async function placementsForStudent(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null },
): Promise<ScoredMatch[]> {
  if (!viewer) throw unauthenticated();
  const limit = checkLimit(args.first);
  if (!policy.placementsForMe(viewer)) throw forbidden();
  const profile = await myStudentProfile(deps, viewer);
  if (!profile) return [];
  const subject: Subject = {
    topics: profile.topics,
    municipalityCode: profile.homeMunicipalityCode,
    remote: false,
    periodStart: profile.availableFrom,
    periodEnd: profile.availableTo,
    languages: profile.languages,
    text: profile.fieldOfStudy,
    hosts: false,
    people: null,
  };
  return rankAll(deps.db, subject, [SOURCES.placements(PLACEMENT_KINDS)], limit);
}
