import type {
  BookingState,
  InvoiceMethod,
  Locale,
  NeedKind,
  NeedState,
  OfferState,
  SessionData,
  WhenShort,
} from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** A course session as bookings show it. Instants are UTC ISO strings, shown in Europe/Helsinki. */
export interface BookedSession {
  id: string;
  offerId: string;
  startsAt: string;
  endsAt: string;
  /** Helsinki wall-clock start, YYYY-MM-DDTHH:mm: its date names the .ics file. */
  startsAtLocal: string;
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
  seats: number;
  seatsTaken: number;
  seatsFree: number;
  priceCents: number;
  language: Locale;
  takingRegistrations: boolean;
  cancellationDeadline: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface Participant {
  id: string;
  name: string;
  email: string;
  /** true attended, false did not, null not marked. */
  attended: boolean | null;
}

/** Who is invoiced for a booking made on behalf of an organisation, or an organisation's remembered details. */
export interface BillingDetails {
  organisationId: string | null;
  organisationName: string;
  businessId: string;
  invoiceMethod: InvoiceMethod;
  eInvoiceAddress: string | null;
  eInvoiceOperator: string | null;
  invoiceEmail: string | null;
  reference: string | null;
  /** The price per seat incl. VAT when booked; null for remembered details. */
  unitPriceCents: number | null;
}

export type BillingInput = Omit<BillingDetails, 'unitPriceCents'>;

export interface Booking {
  id: string;
  state: BookingState;
  seats: number;
  session: BookedSession;
  offer: { id: string; title: string; claimWindowHours: number; organisation: { id: string; name: string } };
  participants: Participant[];
  waitlistPosition: number | null;
  offeredUntil: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  canCancel: boolean;
  /** The COURSE need the booking answers, when booked for one (shown to the booker only). */
  need: { id: string; title: string } | null;
  billing: BillingDetails | null;
}

/** A booking in the organiser's list of a session's bookings. */
export interface SessionBooking {
  id: string;
  state: BookingState;
  seats: number;
  participants: Participant[];
  waitlistPosition: number | null;
  offeredUntil: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  bookerName: string | null;
  bookerEmail: string | null;
  billing: BillingDetails | null;
}

/** A session as its organiser manages it. */
export interface ManagedSession extends BookedSession {
  endsAtLocal: string;
  registrationDeadline: string;
  registrationDeadlineLocal: string;
  cancellationDeadlineLocal: string | null;
  minParticipants: number | null;
  decisionAt: string | null;
  decisionAtLocal: string | null;
  /** Waiting bookings; organisers and coordinators only. */
  waitlistCount: number | null;
}

/** Whether the viewer may write to a session's participants now, and how many a message would reach. */
export interface SessionMessaging {
  /** Its organisers and coordinators, while it is neither cancelled nor ended more than 7 days ago. */
  canMessageParticipants: boolean;
  /** Each confirmed booker and named participant once, not the viewer; null for those who may not manage it. */
  messageRecipientCount: number | null;
}

/** A message the organiser sent to everyone confirmed on a session. */
export interface SessionMessage {
  id: string;
  /** Plain text with line breaks. */
  body: string;
  /** Null once the author's account is erased. */
  authorName: string | null;
  recipientCount: number;
  createdAt: string;
}

export interface ParticipantInput {
  name: string;
  email: string;
}

export interface BookSeatsInput {
  sessionId: string;
  participants: ParticipantInput[];
  idempotencyKey: string;
  whenShort?: WhenShort | null;
  /** The COURSE need the booking answers: the booker's own or their company's, open or expired. */
  needId?: string | null;
  /** Required on a paid session for more than one seat; given, the booking is on that organisation's behalf. */
  billing?: BillingInput | null;
}

/** A need a course is booked for, as the booking form shows it. */
export interface BookingNeed {
  id: string;
  title: string;
  kind: NeedKind;
  state: NeedState;
  /** The server's rule: the viewer posted it or belongs to its company, and it is an open or expired COURSE need. */
  canBookCourse: boolean;
}

/** The session input of the shared schema, as updateSession takes it. */
export type SessionInput = SessionData;

const BOOKED_SESSION = `id offerId startsAt endsAt startsAtLocal place municipalityCode onlineUrl seats seatsTaken
  seatsFree priceCents language takingRegistrations cancellationDeadline cancelledAt cancelReason`;
const MANAGED_SESSION = `${BOOKED_SESSION} endsAtLocal registrationDeadline registrationDeadlineLocal
  cancellationDeadlineLocal minParticipants decisionAt decisionAtLocal waitlistCount`;
const PARTICIPANT = 'id name email attended';
const BILLING = `organisationId organisationName businessId invoiceMethod eInvoiceAddress eInvoiceOperator
  invoiceEmail reference unitPriceCents`;
const BOOKING = `id state seats session { ${BOOKED_SESSION} } offer { id title claimWindowHours organisation { id name } }
  participants { ${PARTICIPANT} } waitlistPosition offeredUntil confirmedAt cancelledAt cancelReason createdAt canCancel
  need { id title } billing { ${BILLING} }`;
const SESSION_BOOKING = `id state seats participants { ${PARTICIPANT} } waitlistPosition offeredUntil confirmedAt
  cancelledAt cancelReason createdAt bookerName bookerEmail billing { ${BILLING} }`;

export const MyBookingsQuery = gql<
  { myBookings: { nodes: Booking[]; pageInfo: PageInfo; totalCount: number } },
  { first: number; after?: string | null }
>(
  `query MyBookings($first: Int, $after: String) {
    myBookings(first: $first, after: $after) { nodes { ${BOOKING} } pageInfo { hasNextPage endCursor } totalCount }
  }`,
);

export const BookSeatsMutation = gql<{ bookSeats: Booking }, { input: BookSeatsInput }>(
  `mutation BookSeats($input: BookSeatsInput!) { bookSeats(input: $input) { ${BOOKING} } }`,
);

/** The need named in the course page's address (`?need=`), to book for. */
export const BookingNeedQuery = gql<{ need: BookingNeed | null }, { id: string }>(
  `query BookingNeed($id: ID!) { need(id: $id) { id title kind state canBookCourse } }`,
);

/** The organisations the booker may book on behalf of, with what the form prefills from. */
export const BillingOrganisationsQuery = gql<
  {
    me: {
      id: string;
      memberships: { organisation: { id: string; name: string; businessId: string | null } }[];
    } | null;
  },
  Record<string, never>
>(`query BillingOrganisations { me { id memberships { organisation { id name businessId } } } }`);

/** An organisation's billing details as last given, to start its next booking from (its members only). */
export const SavedBillingDetailsQuery = gql<{ savedBillingDetails: BillingDetails | null }, { organisationId: string }>(
  `query SavedBillingDetails($organisationId: ID!) { savedBillingDetails(organisationId: $organisationId) { ${BILLING} } }`,
);

export const CancelBookingMutation = gql<{ cancelBooking: Booking }, { id: string }>(
  `mutation CancelBooking($id: ID!) { cancelBooking(id: $id) { ${BOOKING} } }`,
);

export const ClaimBookingMutation = gql<{ claimBooking: Booking }, { id: string; billing?: BillingInput | null }>(
  `mutation ClaimBooking($id: ID!, $billing: BillingInput) { claimBooking(id: $id, billing: $billing) { ${BOOKING} } }`,
);

/** From the e-mail link: the reader may not be signed in, so only what the link's owner may see. */
export const CancelBookingWithTokenMutation = gql<
  {
    cancelBookingWithToken: Pick<Booking, 'id' | 'state' | 'seats' | 'cancelledAt'> & {
      session: Pick<BookedSession, 'id' | 'startsAt' | 'endsAt'>;
      offer: { id: string; title: string };
    };
  },
  { token: string }
>(
  `mutation CancelBookingWithToken($token: String!) {
    cancelBookingWithToken(token: $token) { id state seats cancelledAt session { id startsAt endsAt } offer { id title } }
  }`,
);

/** The booker's change of one participant's seat: the booking as it is after it. */
export const CancelParticipantMutation = gql<
  { cancelParticipant: Booking },
  { bookingId: string; participantId: string }
>(
  `mutation CancelParticipant($bookingId: ID!, $participantId: ID!) {
    cancelParticipant(bookingId: $bookingId, participantId: $participantId) { ${BOOKING} }
  }`,
);

/** Gives a participant's seat to someone else (VALIDATION on participant.email for someone already on the booking). */
export const ReplaceParticipantMutation = gql<
  { replaceParticipant: Booking },
  { bookingId: string; participantId: string; participant: ParticipantInput }
>(
  `mutation ReplaceParticipant($bookingId: ID!, $participantId: ID!, $participant: ParticipantInput!) {
    replaceParticipant(bookingId: $bookingId, participantId: $participantId, participant: $participant) { ${BOOKING} }
  }`,
);

/** Names a seat the booking holds but names nobody for (a match's hold names only its booker). */
export const AddParticipantMutation = gql<
  { addParticipant: Booking },
  { bookingId: string; participant: ParticipantInput }
>(
  `mutation AddParticipant($bookingId: ID!, $participant: ParticipantInput!) {
    addParticipant(bookingId: $bookingId, participant: $participant) { ${BOOKING} }
  }`,
);

/** The organiser's cancellation of one participant's seat (the last one's cancels the booking). */
export const CancelSessionParticipantMutation = gql<
  { cancelParticipant: SessionBooking },
  { bookingId: string; participantId: string }
>(
  `mutation CancelSessionParticipant($bookingId: ID!, $participantId: ID!) {
    cancelParticipant(bookingId: $bookingId, participantId: $participantId) { ${SESSION_BOOKING} }
  }`,
);

/** From the link in a participant's own confirmation: only what the link's owner may see. */
export const CancelParticipantWithTokenMutation = gql<
  {
    cancelParticipantWithToken: Pick<Booking, 'id' | 'state'> & {
      session: Pick<BookedSession, 'id' | 'startsAt' | 'endsAt'>;
      offer: { id: string; title: string };
    };
  },
  { token: string }
>(
  `mutation CancelParticipantWithToken($token: String!) {
    cancelParticipantWithToken(token: $token) { id state session { id startsAt endsAt } offer { id title } }
  }`,
);

export const ManagedSessionQuery = gql<
  {
    session: (ManagedSession & SessionMessaging) | null;
    sessionBookings: SessionBooking[];
  },
  { id: string }
>(
  `query ManagedSession($id: ID!) {
    session(id: $id) { ${MANAGED_SESSION} canMessageParticipants messageRecipientCount }
    sessionBookings(sessionId: $id) { ${SESSION_BOOKING} }
  }`,
);

/** The course of a managed session: its name and whether the viewer may manage it. */
export const SessionOfferQuery = gql<
  {
    offer: {
      id: string;
      title: string;
      state: OfferState;
      canEdit: boolean;
      organisation: { id: string; name: string };
    } | null;
  },
  { id: string }
>(`query SessionOffer($id: ID!) { offer(id: $id) { id title state canEdit organisation { id name } } }`);

export const MarkAttendanceMutation = gql<
  { markAttendance: Participant },
  { participantId: string; attended: boolean | null }
>(
  `mutation MarkAttendance($participantId: ID!, $attended: Boolean) {
    markAttendance(participantId: $participantId, attended: $attended) { ${PARTICIPANT} }
  }`,
);

/** Many of a session's participants at once: all of them or none. */
export const MarkSessionAttendanceMutation = gql<
  { markSessionAttendance: Participant[] },
  { sessionId: string; participantIds: string[]; attended: boolean | null }
>(
  `mutation MarkSessionAttendance($sessionId: ID!, $participantIds: [ID!]!, $attended: Boolean) {
    markSessionAttendance(sessionId: $sessionId, participantIds: $participantIds, attended: $attended) { ${PARTICIPANT} }
  }`,
);

export const CancelSessionMutation = gql<{ cancelSession: ManagedSession }, { id: string }>(
  `mutation CancelSession($id: ID!) { cancelSession(id: $id) { ${MANAGED_SESSION} } }`,
);

/** Changing a session's seats: the whole session goes back with only the seats changed. */
export const UpdateSessionCapacityMutation = gql<
  { updateSession: ManagedSession },
  { id: string; input: SessionInput }
>(
  `mutation UpdateSessionCapacity($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { ${MANAGED_SESSION} } }`,
);

const SESSION_MESSAGE = 'id body authorName recipientCount createdAt';
export const SESSION_MESSAGES_PAGE_SIZE = 20;

/** What was sent to a session's participants, newest first: its organisers and coordinators only. */
export const SessionMessagesQuery = gql<
  { sessionMessages: { nodes: SessionMessage[]; pageInfo: PageInfo; totalCount: number } },
  { sessionId: string; first: number; after: string | null }
>(
  `query SessionMessages($sessionId: ID!, $first: Int, $after: String) {
    sessionMessages(sessionId: $sessionId, first: $first, after: $after) {
      nodes { ${SESSION_MESSAGE} } pageInfo { hasNextPage endCursor } totalCount
    }
  }`,
);

/** Sends a message to each confirmed booker and named participant of the session, once. */
export const MessageSessionParticipantsMutation = gql<
  { messageSessionParticipants: SessionMessage },
  { sessionId: string; message: string }
>(
  `mutation MessageSessionParticipants($sessionId: ID!, $message: String!) {
    messageSessionParticipants(sessionId: $sessionId, message: $message) { ${SESSION_MESSAGE} }
  }`,
);

/** Only whether a feed exists: its address is kept as a hash and shown once, when made. */
export const HasCalendarFeedQuery = gql<{ hasCalendarFeed: boolean }, Record<string, never>>(
  `query HasCalendarFeed { hasCalendarFeed }`,
);

/** Returns the new feed address, the only time it is shown; the old one stops working. */
export const CreateCalendarFeedMutation = gql<{ createCalendarFeed: string }, Record<string, never>>(
  `mutation CreateCalendarFeed { createCalendarFeed }`,
);

export const RevokeCalendarFeedMutation = gql<{ revokeCalendarFeed: boolean }, Record<string, never>>(
  `mutation RevokeCalendarFeed { revokeCalendarFeed }`,
);

/** The course's page with a need to book for: the booking form attaches it (see `useNeedToBookFor`). */
export const bookForNeedPath = (offerId: string, needId: string) =>
  `/offers/${encodeURIComponent(offerId)}?need=${encodeURIComponent(needId)}`;

/** The session's participant list to print (sign-in sheet). */
export const participantListPrintPath = (sessionId: string) =>
  `/sessions/${encodeURIComponent(sessionId)}/participants/print`;

/** The plain HTTP files, on the same origin as the app. */
export const bookingIcsUrl = (bookingId: string) => `/api/bookings/${encodeURIComponent(bookingId)}.ics`;
export const sessionIcsUrl = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}.ics`;
export const participantsCsvUrl = (sessionId: string, lang: Locale) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/participants.csv?lang=${lang}`;
/** The invoicing list of a session: its confirmed bookings with who is invoiced. */
export const sessionInvoicingCsvUrl = (sessionId: string, lang: Locale) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/invoicing.csv?lang=${lang}`;
/** The invoicing list of an organisation's sessions that start from `from` to `to` (YYYY-MM-DD, both included). */
export const periodInvoicingCsvUrl = (organisationId: string, from: string, to: string, lang: Locale) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/invoicing.csv?from=${from}&to=${to}&lang=${lang}`;
