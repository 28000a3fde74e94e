import type { Locale, SearchKind, SearchSort } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';
import type { SearchFilter } from '../searchParams';

export interface SearchResult {
  id: string;
  kind: SearchKind;
  title: string;
  excerpt: string;
  language: Locale;
  topics: string[];
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  organisationName: string | null;
  priceCents: number | null;
  seatsFree: number | null;
  nextStartsAt: string | null;
  applicationDeadline: string | null;
  distanceKm: number | null;
  publishedAt: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  kinds: FacetCount[];
  topics: FacetCount[];
  municipalities: FacetCount[];
  languages: FacetCount[];
}

export interface SearchConnection {
  nodes: SearchResult[];
  pageInfo: PageInfo;
  totalCount: number;
  facets: SearchFacets;
}

export interface SearchVariables {
  filter: SearchFilter;
  sort: SearchSort;
  first: number;
  after: string | null;
}

const RESULT = `id kind title excerpt language topics municipalityCode remote periodStart periodEnd organisationName
  priceCents seatsFree nextStartsAt applicationDeadline distanceKm publishedAt`;

export const SearchQuery = gql<{ search: SearchConnection }, SearchVariables>(
  `query Search($filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
    search(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes { ${RESULT} }
      pageInfo { hasNextPage endCursor }
      totalCount
      facets {
        kinds { value count }
        topics { value count }
        municipalities { value count }
        languages { value count }
      }
    }
  }`,
);

/**
 * Results without their facets: later pages of a search (the facets came with the first page), and
 * lists of published items elsewhere (ResultList).
 */
export const SearchResultsQuery = gql<{ search: Omit<SearchConnection, 'facets'> }, SearchVariables>(
  `query SearchResults($filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
    search(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes { ${RESULT} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);
