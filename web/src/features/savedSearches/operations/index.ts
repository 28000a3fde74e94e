import type { SavedSearchAlert } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

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
