/**
 * Saved searches and their alerts: a person saves a search with a name and how to hear of new
 * results, and a job runs the due ones again. Depends on accounts (a person's saves take turns
 * under their account's row lock), search (the searches themselves) and messaging (the alerts).
 */
export { default as savedSearchesGraphql } from './resolvers.js';
export { deleteSavedSearch, MAX_SAVED_SEARCHES, saveSearch, updateSavedSearch } from './commands.js';
export { mySavedSearches } from './queries.js';
export { checkSavedSearches } from './jobs.js';
export { savedSearchPolicy } from './policy.js';
export { presentSavedSearch, type SavedSearchDto } from './presenter.js';
