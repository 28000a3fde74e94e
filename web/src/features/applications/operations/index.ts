import type {
  ApplicationAction,
  ApplicationActor,
  ApplicationState,
  Locale,
  NeedKind,
  NeedState,
  StudyLevel,
} from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** The board's columns, in the order an application moves through them. */
export const BOARD_COLUMNS = ['SUBMITTED', 'SHORTLISTED', 'OFFERED', 'ACCEPTED'] as const satisfies ApplicationState[];
/** Applications no longer in play, kept in one collapsed group. */
export const CLOSED_STATES = ['REJECTED', 'DECLINED', 'WITHDRAWN'] as const satisfies ApplicationState[];

/** One step of an application's timeline; instants are UTC ISO strings, shown in Europe/Helsinki. */
export interface ApplicationEvent {
  id: string;
  /** Null for the submission. */
  fromState: ApplicationState | null;
  toState: ApplicationState;
  actor: ApplicationActor;
  reason: string | null;
  at: string;
}

/** The applicant's profile as applying shares it with the need's side. */
export interface ApplicantProfile {
  institutionName: string;
  fieldOfStudy: string;
  studyLevel: StudyLevel;
  topics: string[];
  languages: Locale[];
  availableFrom: string | null;
  availableTo: string | null;
  introduction: string | null;
}

export interface ApplicationNeed {
  id: string;
  title: string;
  kind: NeedKind;
  state: NeedState;
  organisation: { id: string; name: string } | null;
}

export interface Application {
  id: string;
  state: ApplicationState;
  need: ApplicationNeed;
  /** Empty for an application made by a match (`proposalId`). */
  coverLetter: string;
  /** The proposal whose acceptance by both sides made it; null when the student applied. */
  proposalId: string | null;
  studentName: string;
  profile: ApplicantProfile | null;
  /** Given by the company when rejecting, or NEED_FILLED. */
  rejectReason: string | null;
  events: ApplicationEvent[];
  /** What the viewer may do now. */
  actions: ApplicationAction[];
  createdAt: string;
  updatedAt: string;
}

export type ApplicationSummary = Pick<Application, 'id' | 'state' | 'need' | 'createdAt' | 'updatedAt'>;

/** A need as its applicant board needs it. */
export interface BoardNeed {
  id: string;
  title: string;
  kind: NeedKind;
  state: NeedState;
  positions: number;
  applicationCount: number | null;
  organisation: { id: string; name: string } | null;
}

/** What the need page needs to offer applying, or to lead to the applicants. */
export interface NeedApplicationInfo {
  id: string;
  applicationCount: number | null;
  myApplication: Pick<Application, 'id' | 'state' | 'createdAt'> | null;
}

const NEED = 'id title kind state organisation { id name }';
const PROFILE = 'institutionName fieldOfStudy studyLevel topics languages availableFrom availableTo introduction';
const EVENT = 'id fromState toState actor reason at';
const APPLICATION = `id state need { ${NEED} } coverLetter proposalId studentName profile { ${PROFILE} } rejectReason
  events { ${EVENT} } actions createdAt updatedAt`;
const SUMMARY = `id state need { ${NEED} } createdAt updatedAt`;

type Connection<T> = { nodes: T[]; pageInfo: PageInfo; totalCount: number };

export const NeedApplicationInfoQuery = gql<{ need: NeedApplicationInfo | null }, { id: string }>(
  `query NeedApplicationInfo($id: ID!) { need(id: $id) { id applicationCount myApplication { id state createdAt } } }`,
);

/** The signed-in student's profile, if any: applying shares it. */
export const MyApplicantProfileQuery = gql<
  { myStudentProfile: Pick<ApplicantProfile, 'fieldOfStudy' | 'studyLevel'> | null },
  Record<string, never>
>(`query MyApplicantProfile { myStudentProfile { userId fieldOfStudy studyLevel } }`);

export const MyApplicationsQuery = gql<
  { myApplications: Connection<ApplicationSummary> },
  { state?: ApplicationState | null; first?: number; after?: string | null }
>(
  `query MyApplications($state: ApplicationState, $first: Int, $after: String) {
    myApplications(state: $state, first: $first, after: $after) {
      nodes { ${SUMMARY} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export const ApplicationQuery = gql<{ application: Application | null }, { id: string }>(
  `query Application($id: ID!) { application(id: $id) { ${APPLICATION} } }`,
);

export const ApplicantBoardNeedQuery = gql<{ need: BoardNeed | null }, { id: string }>(
  `query ApplicantBoardNeed($id: ID!) {
    need(id: $id) { id title kind state positions applicationCount organisation { id name } }
  }`,
);

export const NeedApplicationsQuery = gql<
  { needApplications: Connection<Application> },
  { needId: string; state?: ApplicationState | null; first?: number; after?: string | null }
>(
  `query NeedApplications($needId: ID!, $state: ApplicationState, $first: Int, $after: String) {
    needApplications(needId: $needId, state: $state, first: $first, after: $after) {
      nodes { ${APPLICATION} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

/**
 * Applying answers only the new application's own fields: an answer naming the need would make
 * urql load the need page's queries again while the confirmation is still open.
 */
export const ApplyToNeedMutation = gql<
  { applyToNeed: Pick<Application, 'id' | 'state' | 'createdAt'> },
  { input: { needId: string; coverLetter: string } }
>(`mutation ApplyToNeed($input: ApplyInput!) { applyToNeed(input: $input) { id state createdAt } }`);

export const ShortlistApplicationMutation = gql<{ shortlistApplication: Application }, { id: string }>(
  `mutation ShortlistApplication($id: ID!) { shortlistApplication(id: $id) { ${APPLICATION} } }`,
);

export const OfferApplicationMutation = gql<{ offerApplication: Application }, { id: string }>(
  `mutation OfferApplication($id: ID!) { offerApplication(id: $id) { ${APPLICATION} } }`,
);

export const RejectApplicationMutation = gql<{ rejectApplication: Application }, { id: string; reason: string | null }>(
  `mutation RejectApplication($id: ID!, $reason: String) { rejectApplication(id: $id, reason: $reason) { ${APPLICATION} } }`,
);

export const AcceptApplicationMutation = gql<{ acceptApplication: Application }, { id: string }>(
  `mutation AcceptApplication($id: ID!) { acceptApplication(id: $id) { ${APPLICATION} } }`,
);

export const DeclineApplicationMutation = gql<{ declineApplication: Application }, { id: string }>(
  `mutation DeclineApplication($id: ID!) { declineApplication(id: $id) { ${APPLICATION} } }`,
);

export const WithdrawApplicationMutation = gql<{ withdrawApplication: Application }, { id: string }>(
  `mutation WithdrawApplication($id: ID!) { withdrawApplication(id: $id) { ${APPLICATION} } }`,
);
