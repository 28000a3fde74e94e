/**
 * Organisations: companies, schools and other bodies, their members and roles, invitations and a
 * coordinator's verification. Depends on accounts (people) and messaging (invitations, notices).
 */
export { default as organisationsGraphql } from './resolvers.js';
export {
  memberIdsOf,
  organisationIdsOfUser,
  organisationsByIds,
  roleIn,
  rolesIn,
  userOrganisationIds,
} from './service.js';
export { presentOrganisation, type OrganisationDto } from './presenter.js';
