/**
 * Matching: ranked, explained matches between needs, offers, sessions and discoverable students
 * (a need's matches, an offer's leads, a student's placements), read live from the search index and
 * the other modules' tables, which matching only reads. Depends on needs, offers and profiles (who
 * manages a subject, a student's profile) and reads accounts', organisations' and search's tables.
 */
export { default as matchingGraphql } from './resolvers.js';
