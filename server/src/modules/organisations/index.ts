/**
 * Organisations: companies, schools and other bodies, their members and roles, invitations and a
 * coordinator's verification; also `User.memberships` (organisations extends accounts' `User`).
 * Depends on accounts (people, e-mail limits) and messaging (invitations, notices to coordinators).
 */
export { default as organisationsGraphql } from './resolvers.js';
export {
  memberIdsOf,
  memberIdsOfSql,
  organisationIdsOfUser,
  organisationsByIds,
  roleIn,
  rolesIn,
  userOrganisationIds,
} from './queries.js';
export { presentOrganisation, type OrganisationDto } from './presenter.js';
export { leaveOrganisations, membershipCount, ownershipBlockers, type OwnershipBlocker } from './erasure.js';
