import { municipalityName, topicById, type Locale, type SearchKind } from '@keskusvaraamo/shared';
import { toFilter, writeSearch, type SearchFilter, type SearchState } from './searchParams';

/** What saving the current search sends: a name to start from, the page's address and its filter. */
export interface SearchDraft {
  name: string;
  /** The search page's own address, /search?…, for links back to the search. */
  path: string;
  /** The SearchFilter as the search query takes it. */
  filter: SearchFilter;
}

/** The longest name the server accepts for a saved search. */
const MAX_NAME = 100;
const SEPARATOR = ' · ';

export interface DraftLabels {
  locale: Locale;
  kind: (kind: SearchKind) => string;
  remote: (remote: boolean) => string;
  /** The name when the search has neither words nor filters. */
  everything: string;
}

/** The search's address in the same stable form the page keeps in its URL. */
export function searchPath(state: SearchState): string {
  const query = writeSearch(state).toString();
  return query ? `/search?${query}` : '/search';
}

/**
 * A name that says what the search is about, from its words and the filters a person recognises
 * it by: "aurinkovoimala · Harjoittelupaikka · Rovaniemi". Cut to the length the server accepts.
 */
export function suggestName(state: SearchState, labels: DraftLabels): string {
  const parts = [
    state.q.trim(),
    ...state.kinds.map(labels.kind),
    ...state.topics.map((id) => topicById(id)?.labels[labels.locale] ?? id),
    ...state.municipalities.map((code) => municipalityName(code, labels.locale)),
    ...(state.remote === null ? [] : [labels.remote(state.remote)]),
  ].filter(Boolean);
  const name = parts.join(SEPARATOR) || labels.everything;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

export function searchDraft(state: SearchState, labels: DraftLabels): SearchDraft {
  return { name: suggestName(state, labels), path: searchPath(state), filter: toFilter(state) };
}
