/**
 * The report as the use cases return it: the same shape as the GraphQL types in schema.graphql,
 * so resolvers hand it over as it is, and the CSV and XLSX exports walk it.
 */
import type { MatchHow, NeedKind, NeedState, ReportIndicator, ReportPeriod } from '@keskusvaraamo/shared';

export interface Figure {
  current: number;
  previous: number;
}

/** A median, a rate or a share: null when there was nothing to compute it from. */
export interface RatioFigure {
  current: number | null;
  previous: number | null;
}

export interface ClusterReportDto {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  needs: {
    posted: Figure;
    byKindAndState: Array<{ kind: NeedKind; state: NeedState } & Figure>;
    perMonth: Array<{ month: string; kind: NeedKind; count: number }>;
  };
  matches: {
    made: Figure;
    byHow: Array<{ how: MatchHow } & Figure>;
    medianDaysToFirstMatch: RatioFigure;
    medianDaysToFilled: RatioFigure;
  };
  courses: {
    coursesHeld: Figure;
    sessionsHeld: Figure;
    seatsBooked: Figure;
    participantsAttended: Figure;
    attendanceRate: RatioFigure;
    sessionsCancelledTooFew: Figure;
    sessionsPerMonth: Array<{ month: string; sessions: number; participantsAttended: number }>;
  };
  placements: {
    filled: Figure;
    byKind: Array<{ kind: NeedKind } & Figure>;
  };
  reach: {
    companiesServed: Figure;
    peopleServed: Figure;
    byMunicipality: Array<{
      municipalityCode: string | null;
      companies: number;
      people: number;
      previousCompanies: number;
      previousPeople: number;
    }>;
    shareOutsideRovaniemi: RatioFigure;
  };
  organisations: {
    activeCompanies: Figure;
    activeEducational: Figure;
    verifiedMembers: Figure;
    newMembers: Figure;
  };
  indicators: Array<{ code: ReportIndicator } & Figure>;
}

export interface UnmetDemandDto {
  kind: NeedKind;
  topic: string;
  municipalityCode: string | null;
  needs: number;
  people: number;
  companies: number;
  waitingSince: string;
  /** Ids of up to five of the needs, oldest first; the resolver loads them as Need. */
  exampleIds: string[];
}

export interface PublicCount {
  value: number | null;
  suppressed: boolean;
}

export interface PublicYearResultsDto {
  year: number;
  needsPosted: PublicCount;
  matchesMade: PublicCount;
  sessionsHeld: PublicCount;
  participantsAttended: PublicCount;
  placementsFilled: PublicCount;
  companiesServed: PublicCount;
  municipalitiesReached: PublicCount;
}
