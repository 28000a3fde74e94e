import type { IResolvers } from 'mercurius';
import { auditLog } from './auditLog.js';

const resolvers: IResolvers = {
  Query: {
    auditLog: async (_root, args, ctx) => auditLog(ctx.deps, await ctx.viewer(), args),
  },
};

export default resolvers;
