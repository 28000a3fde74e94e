import type { IResolvers } from 'mercurius';

/** Filled in with the legal use cases. */
const resolvers: IResolvers = {};

export default resolvers;
