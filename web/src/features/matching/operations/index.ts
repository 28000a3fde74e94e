import type {
  ApplicationState,
  BookingState,
  Match as MatchFields,
  NeedKind,
  NeedState,
  OfferKind,
  ProposalAction,
  ProposalAnswer,
  ProposalOrigin,
  ProposalSide,
  ProposalState,
  ProposalTargetKind,
  Season,
} from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** A suggested match, best first, with its score (the shared shape) and the reasons in the viewer's words. */
export interface Match extends MatchFields {
  explanation: string;
}

const MATCH = `kind id itemKind title subtitle offerId startsAt municipalityCode remote periodStart periodEnd score explanation`;

export const NeedMatchesQuery = gql<
  { need: { id: string; canBookCourse: boolean; matches: Match[] } | null },
  { id: string; first?: number }
>(
  `query NeedMatches($id: ID!, $first: Int) { need(id: $id) { id canBookCourse matches(first: $first) { ${MATCH} } } }`,
);

export const OfferLeadsQuery = gql<{ offer: { id: string; leads: Match[] } | null }, { id: string; first?: number }>(
  `query OfferLeads($id: ID!, $first: Int) { offer(id: $id) { id leads(first: $first) { ${MATCH} } } }`,
);

export const PlacementsForMeQuery = gql<{ placementsForMe: Match[] }, { first?: number }>(
  `query PlacementsForMe($first: Int) { placementsForMe(first: $first) { ${MATCH} } }`,
);

export interface ProposalSideAnswer {
  answer: ProposalAnswer | null;
  answeredAt: string | null;
  answeredByName: string | null;
}

export interface ProposalNeed {
  id: string;
  kind: NeedKind;
  state: NeedState;
  title: string;
  organisation: { id: string; name: string } | null;
}

export interface Proposal {
  id: string;
  state: ProposalState;
  origin: ProposalOrigin;
  need: ProposalNeed;
  target: {
    kind: ProposalTargetKind;
    offer: { id: string; title: string } | null;
    session: { id: string; startsAt: string } | null;
    studentId: string | null;
    /** Empty when `hidden`. */
    title: string;
    organisationName: string | null;
    /** A student no longer discoverable, not named to this viewer: show `targetTitleOf`'s wording. */
    hidden: boolean;
  };
  note: string;
  proposerName: string;
  needAnswer: ProposalSideAnswer;
  targetAnswer: ProposalSideAnswer;
  viewerSides: ProposalSide[];
  actions: ProposalAction[];
  matchMade: { id: string; matchedAt: string; minutesToMatch: number } | null;
  /** What followed the match (the proposal's page asks for it; lists do not). */
  application?: ProposalApplication | null;
  seatHold?: ProposalSeatHold | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A student match's application: made by the match (`proposalId` is this proposal's) or the student's own. */
export interface ProposalApplication {
  id: string;
  state: ApplicationState;
  proposalId: string | null;
}

/** Seats a course session match held for the need's poster; `bookingId` only for them (`mine`). */
export interface ProposalSeatHold {
  state: BookingState;
  seats: number;
  offeredUntil: string | null;
  bookingId: string | null;
  mine: boolean;
}

const ANSWER = `answer answeredAt answeredByName`;
const PROPOSAL = `id state origin need { id kind state title organisation { id name } }
  target { kind offer { id title } session { id startsAt } studentId title organisationName hidden }
  note proposerName needAnswer { ${ANSWER} } targetAnswer { ${ANSWER} } viewerSides actions
  matchMade { id matchedAt minutesToMatch } createdAt decidedAt`;

const FOLLOW_UP = `application { id state proposalId } seatHold { state seats offeredUntil bookingId mine }`;

export const ProposalQuery = gql<{ proposal: Proposal | null }, { id: string }>(
  `query Proposal($id: ID!) { proposal(id: $id) { ${PROPOSAL} ${FOLLOW_UP} } }`,
);

export const MyProposalsQuery = gql<
  { myProposals: { nodes: Proposal[]; pageInfo: PageInfo; totalCount: number } },
  { state?: ProposalState | null; first?: number; after?: string | null }
>(
  `query MyProposals($state: ProposalState, $first: Int, $after: String) {
    myProposals(state: $state, first: $first, after: $after) {
      nodes { ${PROPOSAL} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export interface ProposeMatchVariables {
  input: {
    needId: string;
    targetKind: ProposalTargetKind;
    offerId?: string | null;
    sessionId?: string | null;
    studentId?: string | null;
    note: string;
  };
}

export const ProposeMatchMutation = gql<{ proposeMatch: Proposal }, ProposeMatchVariables>(
  `mutation ProposeMatch($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${PROPOSAL} } }`,
);

export const AcceptProposalMutation = gql<{ acceptProposal: Proposal }, { id: string }>(
  `mutation AcceptProposal($id: ID!) { acceptProposal(id: $id) { ${PROPOSAL} } }`,
);

export const DeclineProposalMutation = gql<{ declineProposal: Proposal }, { id: string }>(
  `mutation DeclineProposal($id: ID!) { declineProposal(id: $id) { ${PROPOSAL} } }`,
);

export const WithdrawProposalMutation = gql<{ withdrawProposal: Proposal }, { id: string }>(
  `mutation WithdrawProposal($id: ID!) { withdrawProposal(id: $id) { ${PROPOSAL} } }`,
);

export interface BrokeringQueueItem {
  need: ProposalNeed & { municipalityCode: string | null; remote: boolean };
  publishedAt: string;
  daysWaiting: number;
  openProposals: number;
}

export const BrokeringQueueQuery = gql<
  { brokeringQueue: { nodes: BrokeringQueueItem[]; pageInfo: PageInfo; totalCount: number } },
  { first?: number; after?: string | null }
>(
  `query BrokeringQueue($first: Int, $after: String) {
    brokeringQueue(first: $first, after: $after) {
      nodes {
        need { id kind state title municipalityCode remote organisation { id name } }
        publishedAt daysWaiting openProposals
      }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export interface DemandPool {
  key: string;
  topic: string;
  needCount: number;
  needs: { id: string; title: string; positions: number; organisation: { id: string; name: string } | null }[];
  summary: {
    people: number;
    companies: number;
    topic: string;
    places: string[];
    remote: boolean;
    season: Season;
    year: number;
  };
  /** Courses proposed to the pool's needs, the first proposed first. */
  answers: { offerId: string; offerTitle: string; needCount: number; firstProposedAt: string }[];
}

export const DemandPoolsQuery = gql<{ demandPools: DemandPool[] }, { topic?: string | null }>(
  `query DemandPools($topic: String) {
    demandPools(topic: $topic) {
      key topic needCount
      needs { id title positions organisation { id name } }
      summary { people companies topic places remote season year }
      answers { offerId offerTitle needCount firstProposedAt }
    }
  }`,
);

/**
 * The educator's published offers, to answer a demand pool with one of their courses (matching's
 * own query rather than the offers feature's list, which would make the two features import each other).
 */
export const PoolCoursesQuery = gql<
  { myOffers: { nodes: { id: string; kind: OfferKind; title: string }[] } },
  Record<string, never>
>(`query PoolCourses { myOffers(state: PUBLISHED, first: 100) { nodes { id kind title } } }`);

export const AnswerDemandPoolMutation = gql<
  { answerDemandPool: { proposals: { id: string }[]; skippedNeedIds: string[] } },
  { input: { poolKey: string; offerId?: string | null; sessionId?: string | null; note: string } }
>(
  `mutation AnswerDemandPool($input: AnswerDemandPoolInput!) {
    answerDemandPool(input: $input) { proposals { id } skippedNeedIds }
  }`,
);

/** The target's name as the reader may see it: a student not named to them is "a student" in their language. */
export function targetTitleOf(
  target: Pick<Proposal['target'], 'title' | 'hidden'>,
  t: (key: 'proposals.hiddenStudent') => string,
) {
  return target.hidden ? t('proposals.hiddenStudent') : target.title;
}
