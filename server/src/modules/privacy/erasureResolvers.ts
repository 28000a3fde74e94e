import type { IResolvers } from 'mercurius';

/** Filled in with the erasure use cases. */
const resolvers: IResolvers = {};

export default resolvers;
