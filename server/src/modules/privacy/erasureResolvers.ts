import type { IResolvers } from 'mercurius';
import { DEVICE_COOKIE } from '../accounts/index.js';
import { deleteAccount, eraseUser } from './erasure.js';
import { erasurePreview } from './erasurePreview.js';

const resolvers: IResolvers = {
  Query: {
    erasurePreview: async (_root, { userId }, ctx) => erasurePreview(ctx.deps, await ctx.viewer(), userId),
  },
  Mutation: {
    deleteAccount: async (_root, { input }, ctx) => {
      await deleteAccount(ctx.deps, await ctx.viewer(), input, {
        ip: ctx.request.ip,
        userAgent: ctx.request.headers['user-agent'] ?? null,
        deviceCookie: ctx.request.cookies[DEVICE_COOKIE],
      });
      // Every session has ended; this browser's cookie goes too.
      ctx.reply.server.clearRefreshCookie(ctx.reply);
      return true;
    },
    eraseUser: async (_root, { input }, ctx) => eraseUser(ctx.deps, await ctx.viewer(), input),
  },
};

export default resolvers;
