import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { closeNeed, createNeed, deleteNeed, publishNeed } from './commands.js';
import { canEditNeeds, organisationsOf } from './loaders.js';
import type { NeedDto } from './presenter.js';
import { getNeed, myNeeds } from './queries.js';

// updateNeed is resolved by the applications module (its schema declares it): the accepted
// applications bound a need's positions, and applications depend on needs, not the other way round.
const resolvers: IResolvers = {
  Query: {
    need: async (_root, { id }, ctx) => getNeed(ctx.deps, await ctx.viewer(), id),
    myNeeds: async (_root, args, ctx) => myNeeds(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    createNeed: async (_root, { input }, ctx) => createNeed(ctx.deps, await ctx.viewer(), input),
    publishNeed: async (_root, { id }, ctx) => publishNeed(ctx.deps, await ctx.viewer(), id),
    closeNeed: async (_root, { id }, ctx) => closeNeed(ctx.deps, await ctx.viewer(), id),
    deleteNeed: async (_root, { id }, ctx) => {
      await deleteNeed(ctx.deps, await ctx.viewer(), id);
      return true;
    },
  },
};

type Queries = { obj: NeedDto }[];
const list = (queries: Queries) => queries.map((q) => q.obj);

const loaders = {
  Need: {
    organisation: async (queries: Queries, ctx: MercuriusContext) => organisationsOf(ctx.deps, list(queries)),
    canEdit: async (queries: Queries, ctx: MercuriusContext) =>
      canEditNeeds(ctx.deps, await ctx.viewer(), list(queries)),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
