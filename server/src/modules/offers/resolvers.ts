import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { organisationsByIds } from '../organisations/index.js';
import { addSession, archiveOffer, createOffer, publishOffer, removeSession, updateOffer } from './commands.js';
import { canEditOffers, sessionsOfOffers } from './loaders.js';
import type { OfferDto } from './presenter.js';
import { getOffer, myOffers, organisedSessions } from './queries.js';

// updateSession is resolved by bookings: more seats promote its waitlist.
const resolvers: IResolvers = {
  Query: {
    offer: async (_root, { id }, ctx) => getOffer(ctx.deps, await ctx.viewer(), id),
    myOffers: async (_root, args, ctx) => myOffers(ctx.deps, await ctx.viewer(), args),
    organisedSessions: async (_root, args, ctx) => organisedSessions(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    createOffer: async (_root, { input, sessions }, ctx) =>
      createOffer(ctx.deps, await ctx.viewer(), input, sessions ?? null),
    updateOffer: async (_root, { id, input }, ctx) => updateOffer(ctx.deps, await ctx.viewer(), id, input),
    publishOffer: async (_root, { id }, ctx) => publishOffer(ctx.deps, await ctx.viewer(), id),
    archiveOffer: async (_root, { id }, ctx) => archiveOffer(ctx.deps, await ctx.viewer(), id),
    addSession: async (_root, { offerId, input }, ctx) => addSession(ctx.deps, await ctx.viewer(), offerId, input),
    removeSession: async (_root, { id }, ctx) => {
      await removeSession(ctx.deps, await ctx.viewer(), id);
      return true;
    },
  },
};

type Queries = { obj: OfferDto }[];
const loaders = {
  Offer: {
    organisation: async (queries: Queries, ctx: MercuriusContext) =>
      organisationsByIds(
        ctx.deps.db,
        queries.map((q) => q.obj.organisationId),
      ),
    sessions: async (queries: Queries, ctx: MercuriusContext) =>
      sessionsOfOffers(
        ctx.deps,
        queries.map((q) => q.obj.id),
      ),
    canEdit: async (queries: Queries, ctx: MercuriusContext) =>
      canEditOffers(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
