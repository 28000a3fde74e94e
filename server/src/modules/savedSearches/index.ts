/**
 * Saved searches and their alerts: a person saves a search with a name and how to hear of new
 * results, and a job runs the due ones again. Depends on accounts (a person's saves take turns
 * under their account's row lock), search (the searches themselves) and messaging (the alerts).
 */
export { default as savedSearchesGraphql } from './resolvers.js';
export { checkSavedSearches } from './jobs.js';
export { deleteSavedSearchesOf } from './erasure.js';
