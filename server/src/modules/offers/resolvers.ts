import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { organisationsByIds } from '../organisations/index.js';
import type { OfferDto } from './presenter.js';
import * as offers from './service.js';

const resolvers: IResolvers = {
  Query: {
    offer: async (_root, { id }, ctx) => offers.getOffer(ctx.deps, await ctx.viewer(), id),
    myOffers: async (_root, args, ctx) => offers.myOffers(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    createOffer: async (_root, { input, sessions }, ctx) =>
      offers.createOffer(ctx.deps, await ctx.viewer(), input, sessions ?? null),
    updateOffer: async (_root, { id, input }, ctx) => offers.updateOffer(ctx.deps, await ctx.viewer(), id, input),
    publishOffer: async (_root, { id }, ctx) => offers.publishOffer(ctx.deps, await ctx.viewer(), id),
    archiveOffer: async (_root, { id }, ctx) => offers.archiveOffer(ctx.deps, await ctx.viewer(), id),
    addSession: async (_root, { offerId, input }, ctx) =>
      offers.addSession(ctx.deps, await ctx.viewer(), offerId, input),
    updateSession: async (_root, { id, input }, ctx) => offers.updateSession(ctx.deps, await ctx.viewer(), id, input),
    removeSession: async (_root, { id }, ctx) => {
      await offers.removeSession(ctx.deps, await ctx.viewer(), id);
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
      offers.sessionsOfOffers(
        ctx.deps,
        queries.map((q) => q.obj.id),
      ),
    canEdit: async (queries: Queries, ctx: MercuriusContext) =>
      offers.canEditOffers(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
