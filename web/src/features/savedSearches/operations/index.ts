import { gql } from 'urql';

/** How a person hears of new results of a saved search (the API's SavedSearchAlert). */
export const SAVED_SEARCH_ALERTS = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NONE'] as const;
export type SavedSearchAlert = (typeof SAVED_SEARCH_ALERTS)[number];

export function isSavedSearchAlert(value: unknown): value is SavedSearchAlert {
  return typeof value === 'string' && (SAVED_SEARCH_ALERTS as readonly string[]).includes(value);
}

/** The server keeps at most this many saved searches per person (LIMIT_REACHED beyond it). */
export const MAX_SAVED_SEARCHES = 50;
/** The longest name the server accepts. */
export const MAX_SAVED_SEARCH_NAME = 100;

export interface SavedSearch {
  id: string;
  name: string;
  /** The search page's address with this search's filters: /search?… */
  path: string;
  alert: SavedSearchAlert;
  checkedAt: string;
  createdAt: string;
}

export interface SaveSearchInput {
  name: string;
  path: string;
  /** The SearchFilter input object, exactly as the search query takes it (see features/search). */
  filter: object;
  alert: SavedSearchAlert;
}

export interface UpdateSavedSearchInput {
  name?: string;
  alert?: SavedSearchAlert;
}

const SAVED_SEARCH = 'id name path alert checkedAt createdAt';

/** The viewer's own saved searches, newest first. */
export const SavedSearchesQuery = gql<{ savedSearches: SavedSearch[] }, Record<string, never>>(
  `query SavedSearches { savedSearches { ${SAVED_SEARCH} } }`,
);

export const SaveSearchMutation = gql<{ saveSearch: SavedSearch }, { input: SaveSearchInput }>(
  `mutation SaveSearch($input: SaveSearchInput!) { saveSearch(input: $input) { ${SAVED_SEARCH} } }`,
);

export const UpdateSavedSearchMutation = gql<
  { updateSavedSearch: SavedSearch },
  { id: string; input: UpdateSavedSearchInput }
>(
  `mutation UpdateSavedSearch($id: ID!, $input: UpdateSavedSearchInput!) {
    updateSavedSearch(id: $id, input: $input) { ${SAVED_SEARCH} }
  }`,
);

export const DeleteSavedSearchMutation = gql<{ deleteSavedSearch: boolean }, { id: string }>(
  `mutation DeleteSavedSearch($id: ID!) { deleteSavedSearch(id: $id) }`,
);
