import type { MatchHow, NeedKind, NeedState, ReportIndicator, ReportPeriod } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

/** A count in the report's period and in the period before it, of the same length. */
export interface Figure {
  current: number;
  previous: number;
}

/** A median, a rate or a share: null when there was nothing to compute it from. */
export interface RatioFigure {
  current: number | null;
  previous: number | null;
}

export interface MunicipalityReach {
  /** Null: online activity that no company's municipality places. */
  municipalityCode: string | null;
  companies: number;
  people: number;
  previousCompanies: number;
  previousPeople: number;
}

/** The coordinator's report, as `clusterReport` answers it (server/src/modules/reports/schema.graphql). */
export interface ClusterReport {
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
    byMunicipality: MunicipalityReach[];
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

const FIGURE = 'current previous';

export const ClusterReportQuery = gql<{ clusterReport: ClusterReport }, ReportPeriod>(
  `query ClusterReport($from: String!, $to: String!) {
    clusterReport(from: $from, to: $to) {
      period { from to }
      previousPeriod { from to }
      needs {
        posted { ${FIGURE} }
        byKindAndState { kind state ${FIGURE} }
        perMonth { month kind count }
      }
      matches {
        made { ${FIGURE} }
        byHow { how ${FIGURE} }
        medianDaysToFirstMatch { ${FIGURE} }
        medianDaysToFilled { ${FIGURE} }
      }
      courses {
        coursesHeld { ${FIGURE} }
        sessionsHeld { ${FIGURE} }
        seatsBooked { ${FIGURE} }
        participantsAttended { ${FIGURE} }
        attendanceRate { ${FIGURE} }
        sessionsCancelledTooFew { ${FIGURE} }
        sessionsPerMonth { month sessions participantsAttended }
      }
      placements {
        filled { ${FIGURE} }
        byKind { kind ${FIGURE} }
      }
      reach {
        companiesServed { ${FIGURE} }
        peopleServed { ${FIGURE} }
        byMunicipality { municipalityCode companies people previousCompanies previousPeople }
        shareOutsideRovaniemi { ${FIGURE} }
      }
      organisations {
        activeCompanies { ${FIGURE} }
        activeEducational { ${FIGURE} }
        verifiedMembers { ${FIGURE} }
        newMembers { ${FIGURE} }
      }
      indicators { code ${FIGURE} }
    }
  }`,
);
