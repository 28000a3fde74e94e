import { gql } from '../../../shared/graphql/document';

/** A public figure: null value when 1–4, suppressed so that nobody can be identified. */
export interface PublicCount {
  value: number | null;
  suppressed: boolean;
}

/** The public figures, in the order the results page shows them. */
export const PUBLIC_FIGURES = [
  'needsPosted',
  'matchesMade',
  'sessionsHeld',
  'participantsAttended',
  'placementsFilled',
  'companiesServed',
  'municipalitiesReached',
] as const;
export type PublicFigure = (typeof PUBLIC_FIGURES)[number];

export type PublicYearResults = { year: number } & Record<PublicFigure, PublicCount>;

export interface PublicResults {
  thisYear: PublicYearResults;
  lastYear: PublicYearResults;
}

const COUNT = 'value suppressed';
const YEAR = `year ${PUBLIC_FIGURES.map((figure) => `${figure} { ${COUNT} }`).join(' ')}`;

/** The cluster's headline figures for this year so far and last year: anyone may read them. */
export const PublicResultsQuery = gql<{ publicResults: PublicResults }, Record<string, never>>(
  `query PublicResults { publicResults { thisYear { ${YEAR} } lastYear { ${YEAR} } } }`,
);
