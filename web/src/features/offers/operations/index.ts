import type {
  Locale,
  NeedKind,
  OfferData,
  OfferKind,
  OfferState,
  OrganisationKind,
  SessionData,
  StudyLevel,
} from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

export interface CourseSession {
  id: string;
  offerId: string;
  /** Instants (UTC ISO); shown in Europe/Helsinki. */
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  /** The same as Helsinki wall-clock times, YYYY-MM-DDTHH:mm, for editing. */
  startsAtLocal: string;
  endsAtLocal: string;
  registrationDeadlineLocal: string;
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
  seats: number;
  seatsTaken: number;
  seatsFree: number;
  /** Seats one booker may hold (confirmed, offered and waitlisted together). */
  maxSeatsPerBooker: number;
  /** Seats the signed-in user holds on it; null for a visitor. */
  viewerSeats: number | null;
  priceCents: number;
  language: Locale;
  takingRegistrations: boolean;
  /** Until when bookers may cancel (the start unless set); Local as Helsinki wall-clock time. */
  cancellationDeadline: string;
  cancellationDeadlineLocal: string | null;
  /** The session runs only with this many confirmed seats at decisionAt. */
  minParticipants: number | null;
  decisionAt: string | null;
  decisionAtLocal: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Waiting bookings; for the organisation and coordinators only. */
  waitlistCount: number | null;
}

export interface Offer {
  id: string;
  kind: OfferKind;
  state: OfferState;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string | null;
  online: boolean;
  languages: Locale[];
  organisation: { id: string; name: string };
  claimWindowHours: number;
  /** Hours before each session its bookers and participants are reminded (REMINDER_HOURS; 0: none). */
  reminderHours: number;
  sessions: CourseSession[];
  studentCount: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  placementKinds: NeedKind[];
  studyLevel: StudyLevel | null;
  fieldOfStudy: string | null;
  canEdit: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type OfferSummary = Pick<
  Offer,
  'id' | 'kind' | 'state' | 'title' | 'organisation' | 'municipalityCode' | 'online' | 'updatedAt'
> & { sessions: Pick<CourseSession, 'id' | 'startsAt'>[] };

/** The shared schemas' outputs are exactly the API's inputs. */
export type OfferInput = OfferData;
export type SessionInput = SessionData;

export const SESSION = `id offerId startsAt endsAt registrationDeadline startsAtLocal endsAtLocal registrationDeadlineLocal
  place municipalityCode onlineUrl seats seatsTaken seatsFree priceCents language takingRegistrations
  cancellationDeadline cancellationDeadlineLocal minParticipants decisionAt decisionAtLocal cancelledAt cancelReason
  waitlistCount maxSeatsPerBooker viewerSeats`;
const OFFER = `id kind state title description language topics municipalityCode online languages
  organisation { id name } claimWindowHours reminderHours sessions { ${SESSION} } studentCount periodStart periodEnd placementKinds
  studyLevel fieldOfStudy canEdit publishedAt createdAt updatedAt`;
const SUMMARY = `id kind state title organisation { id name } municipalityCode online updatedAt sessions { id startsAt }`;

export const OfferQuery = gql<{ offer: Offer | null }, { id: string }>(
  `query Offer($id: ID!) { offer(id: $id) { ${OFFER} } }`,
);

export const MyOffersQuery = gql<
  { myOffers: { nodes: OfferSummary[]; pageInfo: PageInfo; totalCount: number } },
  { state?: OfferState | null; first?: number; after?: string | null }
>(
  `query MyOffers($state: OfferState, $first: Int, $after: String) {
    myOffers(state: $state, first: $first, after: $after) {
      nodes { ${SUMMARY} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

/** The educational organisations and training bodies the user may publish for. */
export const MyEducationalOrganisationsQuery = gql<
  { me: { id: string; memberships: { organisation: { id: string; name: string; kind: OrganisationKind } }[] } | null },
  Record<string, never>
>(`query MyEducationalOrganisations { me { id memberships { organisation { id name kind } } } }`);

export const CreateOfferMutation = gql<{ createOffer: Offer }, { input: OfferInput; sessions: SessionInput[] | null }>(
  `mutation CreateOffer($input: OfferInput!, $sessions: [SessionInput!]) { createOffer(input: $input, sessions: $sessions) { ${OFFER} } }`,
);

export const UpdateOfferMutation = gql<{ updateOffer: Offer }, { id: string; input: OfferInput }>(
  `mutation UpdateOffer($id: ID!, $input: OfferInput!) { updateOffer(id: $id, input: $input) { ${OFFER} } }`,
);

export const PublishOfferMutation = gql<{ publishOffer: Offer }, { id: string }>(
  `mutation PublishOffer($id: ID!) { publishOffer(id: $id) { ${OFFER} } }`,
);

export const ArchiveOfferMutation = gql<{ archiveOffer: Offer }, { id: string }>(
  `mutation ArchiveOffer($id: ID!) { archiveOffer(id: $id) { ${OFFER} } }`,
);

export const AddSessionMutation = gql<{ addSession: CourseSession }, { offerId: string; input: SessionInput }>(
  `mutation AddSession($offerId: ID!, $input: SessionInput!) { addSession(offerId: $offerId, input: $input) { ${SESSION} } }`,
);

export const UpdateSessionMutation = gql<{ updateSession: CourseSession }, { id: string; input: SessionInput }>(
  `mutation UpdateSession($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { ${SESSION} } }`,
);

export const RemoveSessionMutation = gql<{ removeSession: boolean }, { id: string }>(
  `mutation RemoveSession($id: ID!) { removeSession(id: $id) }`,
);
