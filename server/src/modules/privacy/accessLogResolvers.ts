import type { IResolvers } from 'mercurius';

/** Filled in with the accessLog use cases. */
const resolvers: IResolvers = {};

export default resolvers;
