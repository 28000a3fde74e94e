import type { IResolvers } from 'mercurius';

/** Filled in with the auditLog use cases. */
const resolvers: IResolvers = {};

export default resolvers;
