import {
  isMunicipalityCode,
  LOCALES,
  SEARCH_KINDS,
  SEARCH_SORTS,
  topicById,
  type Locale,
  type SearchKind,
  type SearchSort,
} from '@keskusvaraamo/shared';
import { withoutSoftHyphens } from '../../shared/hyphenation';

/**
 * Everything a search is made of, kept in the URL's search params, so that a search can be
 * shared as a link and the back button returns to the previous one:
 * /search?q=aurinko&kind=COURSE&topic=solar-pv&near=698&km=100&sort=NEAREST
 */
export interface SearchState {
  q: string;
  kinds: SearchKind[];
  topics: string[];
  municipalities: string[];
  /** A municipality code to measure distance from. */
  near: string | null;
  km: number | null;
  /** YYYY-MM-DD */
  from: string | null;
  to: string | null;
  /** true: only remote or online; false: only on site; null: both. */
  remote: boolean | null;
  freeSeats: boolean;
  languages: Locale[];
  /** Whole euros. */
  maxPrice: number | null;
  sort: SearchSort;
}

export const DISTANCES_KM = [25, 50, 100, 200] as const;
export const MAX_PRICES_EUR = [0, 100, 250, 500, 1000] as const;

/** A change to a search, applied to the latest one (see SearchPage). */
export type SearchChange = (change: (current: SearchState) => SearchState) => void;

export const EMPTY_SEARCH: SearchState = {
  q: '',
  kinds: [],
  topics: [],
  municipalities: [],
  near: null,
  km: null,
  from: null,
  to: null,
  remote: null,
  freeSeats: false,
  languages: [],
  maxPrice: null,
  sort: 'RELEVANCE',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function wholeNumber(value: string | null): number | null {
  return value !== null && /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/** Reads a search from the URL; anything unknown or malformed is left out rather than failing. */
export function readSearch(params: URLSearchParams): SearchState {
  const near = params.get('near');
  const from = params.get('from');
  const to = params.get('to');
  const remote = params.get('remote');
  const state: SearchState = {
    q: withoutSoftHyphens(params.get('q') ?? '')
      .trim()
      .slice(0, 200),
    kinds: unique(params.getAll('kind').filter((k): k is SearchKind => oneOf(SEARCH_KINDS, k) !== null)),
    topics: unique(params.getAll('topic').filter((id) => topicById(id) !== undefined)),
    municipalities: unique(params.getAll('municipality').filter(isMunicipalityCode)),
    near: near && isMunicipalityCode(near) ? near : null,
    km: wholeNumber(params.get('km')),
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    remote: remote === 'true' ? true : remote === 'false' ? false : null,
    freeSeats: params.get('free') === 'true',
    languages: unique(params.getAll('lang').filter((l): l is Locale => oneOf(LOCALES, l) !== null)),
    maxPrice: wholeNumber(params.get('maxPrice')),
    sort: oneOf(SEARCH_SORTS, params.get('sort')) ?? 'RELEVANCE',
  };
  // Distance needs a place to measure from.
  if (!state.near) {
    state.km = null;
    if (state.sort === 'NEAREST') state.sort = 'RELEVANCE';
  }
  return state;
}

/** The URL's search params for a search, in a stable order, leaving out what is not in use. */
export function writeSearch(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  // A title copied from a page brings its soft hyphens (shared/hyphenation); the link needs none.
  const q = withoutSoftHyphens(state.q).trim();
  if (q) params.set('q', q);
  state.kinds.forEach((kind) => params.append('kind', kind));
  state.topics.forEach((topic) => params.append('topic', topic));
  state.municipalities.forEach((code) => params.append('municipality', code));
  if (state.near) {
    params.set('near', state.near);
    if (state.km !== null) params.set('km', String(state.km));
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.remote !== null) params.set('remote', String(state.remote));
  if (state.freeSeats) params.set('free', 'true');
  state.languages.forEach((language) => params.append('lang', language));
  if (state.maxPrice !== null) params.set('maxPrice', String(state.maxPrice));
  if (state.sort !== 'RELEVANCE' && (state.sort !== 'NEAREST' || state.near)) params.set('sort', state.sort);
  return params;
}

/** How many filters (not the words, nor the order) narrow the search. */
export function activeFilterCount(state: SearchState): number {
  return (
    state.kinds.length +
    state.topics.length +
    state.municipalities.length +
    (state.near && state.km !== null ? 1 : 0) +
    (state.from ? 1 : 0) +
    (state.to ? 1 : 0) +
    (state.remote !== null ? 1 : 0) +
    (state.freeSeats ? 1 : 0) +
    state.languages.length +
    (state.maxPrice !== null ? 1 : 0)
  );
}

/**
 * Whether search engines may index this search: the plain search and a search for words alone
 * (a page of results people link to, "aurinko"), at most one of each parameter. Filtered,
 * sorted or paged variants are a near-endless set of addresses for overlapping content: their
 * links are followed, the pages not indexed.
 */
export function isIndexableSearch(params: URLSearchParams): boolean {
  const keys = [...params.keys()];
  return keys.every((key) => key === 'q') && keys.length <= 1;
}

/** The API's SearchFilter. */
export interface SearchFilter {
  text?: string;
  kinds?: SearchKind[];
  topics?: string[];
  municipalityCodes?: string[];
  near?: string;
  withinKm?: number;
  periodFrom?: string;
  periodTo?: string;
  remote?: boolean;
  freeSeats?: boolean;
  languages?: Locale[];
  maxPriceCents?: number;
  /** An organisation's published items (its public page). */
  organisationId?: string;
}

export function toFilter(state: SearchState): SearchFilter {
  const filter: SearchFilter = {};
  if (state.q) filter.text = state.q;
  if (state.kinds.length) filter.kinds = state.kinds;
  if (state.topics.length) filter.topics = state.topics;
  if (state.municipalities.length) filter.municipalityCodes = state.municipalities;
  if (state.near) {
    filter.near = state.near;
    if (state.km !== null) filter.withinKm = state.km;
  }
  if (state.from) filter.periodFrom = state.from;
  if (state.to) filter.periodTo = state.to;
  if (state.remote !== null) filter.remote = state.remote;
  if (state.freeSeats) filter.freeSeats = true;
  if (state.languages.length) filter.languages = state.languages;
  if (state.maxPrice !== null) filter.maxPriceCents = state.maxPrice * 100;
  return filter;
}
