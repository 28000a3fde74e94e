/**
 * What the home page asks for that no other page does: the applications the viewer's needs have
 * received, their bookings still to come, and the sessions they organise this week. The home's
 * other parts ask with the lists' own queries (first few items only).
 */
import type { ApplicationAction, ApplicationState, BookingState, NeedKind, NeedState } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

export interface ReceivedApplication {
  id: string;
  state: ApplicationState;
  studentName: string;
  createdAt: string;
  need: { id: string; title: string };
}

export const ReceivedApplicationsQuery = gql<
  { receivedApplications: { nodes: ReceivedApplication[]; totalCount: number } },
  { state: ApplicationState; first: number }
>(
  `query ReceivedApplications($state: ApplicationState, $first: Int) {
    receivedApplications(state: $state, first: $first) {
      nodes { id state studentName createdAt need { id title } }
      totalCount
    }
  }`,
);

interface HomeSessionFields {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
}

export interface UpcomingBooking {
  id: string;
  state: BookingState;
  seats: number;
  waitlistPosition: number | null;
  offeredUntil: string | null;
  session: HomeSessionFields & { priceCents: number };
  offer: { id: string; title: string };
  /** Whether billing details were given (claimNeedsBilling). */
  billing: { organisationName: string } | null;
}

const SESSION = 'id startsAt endsAt place municipalityCode onlineUrl';

export const UpcomingBookingsQuery = gql<{ upcomingBookings: UpcomingBooking[] }, { first: number }>(
  `query UpcomingBookings($first: Int) {
    upcomingBookings(first: $first) {
      id state seats waitlistPosition offeredUntil session { ${SESSION} priceCents } offer { id title }
      billing { organisationName }
    }
  }`,
);

export interface OrganisedSession {
  offer: { id: string; title: string };
  session: HomeSessionFields & {
    seats: number;
    seatsTaken: number;
    seatsFree: number;
    /** Null only for someone who does not organise it (never here). */
    waitlistCount: number | null;
  };
}

export const OrganisedSessionsQuery = gql<{ organisedSessions: OrganisedSession[] }, { days: number }>(
  `query OrganisedSessions($days: Int) {
    organisedSessions(days: $days) {
      offer { id title }
      session { ${SESSION} seats seatsTaken seatsFree waitlistCount }
    }
  }`,
);

/** The coordinator's headline figures: this period's and the one before, from the cluster report. */
export interface HeadlineFigures {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  needs: { posted: Figure };
  matches: { made: Figure };
  courses: { seatsBooked: Figure };
  placements: { filled: Figure };
}

interface Figure {
  current: number;
  previous: number;
}

const FIGURE = 'current previous';

export const HeadlineFiguresQuery = gql<{ clusterReport: HeadlineFigures }, { from: string; to: string }>(
  `query HeadlineFigures($from: String!, $to: String!) {
    clusterReport(from: $from, to: $to) {
      period { from to }
      previousPeriod { from to }
      needs { posted { ${FIGURE} } }
      matches { made { ${FIGURE} } }
      courses { seatsBooked { ${FIGURE} } }
      placements { filled { ${FIGURE} } }
    }
  }`,
);

/** A student's applications with an offer waiting, with what they may do (accept, decline, withdraw). */
export interface OfferedApplication {
  id: string;
  state: ApplicationState;
  actions: ApplicationAction[];
  studentName: string;
  updatedAt: string;
  need: {
    id: string;
    title: string;
    kind: NeedKind;
    state: NeedState;
    organisation: { id: string; name: string } | null;
  };
}

export const OfferedApplicationsQuery = gql<
  { myApplications: { nodes: OfferedApplication[]; totalCount: number } },
  { first: number }
>(
  `query OfferedApplications($first: Int) {
    myApplications(state: OFFERED, first: $first) {
      nodes { id state actions studentName updatedAt need { id title kind state organisation { id name } } }
      totalCount
    }
  }`,
);
