/**
 * Search: the public index (`search_items`) and the search over it. It depends on no module: the
 * modules with public items (needs, offers, profiles) push their documents here with
 * `indexDocument` / `removeFromIndex` in the transaction of the change, mark them for a refresh
 * with `markStale` (or `markStaleFrom` inside a statement of theirs), and re-index what
 * `staleDocuments` lists. Matching reads `search_items` through `tables.ts`.
 */
export { default as searchGraphql } from './resolvers.js';
export {
  indexDocument,
  markStale,
  markStaleFrom,
  removeFromIndex,
  renameOrganisationInIndex,
  type SearchDocument,
} from './commands.js';
export { checkFilter, type SearchFilter } from './filter.js';
export { search, staleDocuments } from './queries.js';
