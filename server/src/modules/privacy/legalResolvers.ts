import type { IResolvers } from 'mercurius';
import { legalInfo, sendFeedback } from './legal.js';

/** The legal pages' facts (public) and the feedback channel (anyone, limited per address and account). */
const resolvers: IResolvers = {
  Query: {
    legalInfo: (_root, _args, ctx) => legalInfo(ctx.deps.config),
  },
  Mutation: {
    sendFeedback: async (_root, { input }, ctx) =>
      sendFeedback(
        ctx.deps,
        await ctx.viewer(),
        {
          ip: ctx.request.ip,
          acceptLanguage: ctx.request.headers['accept-language'],
        },
        input,
      ),
  },
};

export default resolvers;
