/**
 * Profiles: a student's profile (studies, topics, availability, an introduction) and whether they
 * may be found in matching. Depends on accounts (the student's name) and search (topic bits and
 * text columns for matching).
 */
export { default as profilesGraphql } from './resolvers.js';
export { saveStudentProfile } from './commands.js';
export { getStudentProfile, myStudentProfile, profilesByUserIds } from './queries.js';
export { profilePolicy } from './policy.js';
export type { StudentProfileDto } from './presenter.js';
export { deleteStudentProfile } from './erasure.js';
