import type { SearchResult } from './operations';

/** A search result for tests: a Finnish course in Rovaniemi by Lapin AMK, with what a test sets. */
export function searchResult(overrides: Partial<SearchResult> & Pick<SearchResult, 'id' | 'title'>): SearchResult {
  return {
    kind: 'COURSE',
    excerpt: '',
    language: 'fi',
    topics: [],
    municipalityCode: '698',
    remote: false,
    periodStart: null,
    periodEnd: null,
    organisationName: 'Lapin AMK',
    priceCents: null,
    seatsFree: null,
    nextStartsAt: null,
    applicationDeadline: null,
    distanceKm: null,
    publishedAt: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}
