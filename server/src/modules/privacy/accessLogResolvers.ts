import type { IResolvers } from 'mercurius';
import { dataAccessLog } from './accessLog.js';

const resolvers: IResolvers = {
  Query: {
    dataAccessLog: async (_root, args, ctx) => dataAccessLog(ctx.deps, await ctx.viewer(), args),
  },
};

export default resolvers;
