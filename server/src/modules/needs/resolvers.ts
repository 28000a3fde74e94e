import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { organisationsByIds } from '../organisations/index.js';
import type { NeedDto } from './presenter.js';
import * as needs from './service.js';

const resolvers: IResolvers = {
  Query: {
    need: async (_root, { id }, ctx) => needs.getNeed(ctx.deps, await ctx.viewer(), id),
    myNeeds: async (_root, args, ctx) => needs.myNeeds(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    createNeed: async (_root, { input }, ctx) => needs.createNeed(ctx.deps, await ctx.viewer(), input),
    updateNeed: async (_root, { id, input }, ctx) => needs.updateNeed(ctx.deps, await ctx.viewer(), id, input),
    publishNeed: async (_root, { id }, ctx) => needs.publishNeed(ctx.deps, await ctx.viewer(), id),
    closeNeed: async (_root, { id }, ctx) => needs.closeNeed(ctx.deps, await ctx.viewer(), id),
    deleteNeed: async (_root, { id }, ctx) => {
      await needs.deleteNeed(ctx.deps, await ctx.viewer(), id);
      return true;
    },
  },
};

type Queries = { obj: NeedDto }[];
const loaders = {
  Need: {
    organisation: async (queries: Queries, ctx: MercuriusContext) =>
      queries.some((q) => q.obj.organisationId)
        ? organisationsByIds(
            ctx.deps.db,
            queries.map((q) => q.obj.organisationId ?? ''),
          )
        : queries.map(() => null),
    canEdit: async (queries: Queries, ctx: MercuriusContext) =>
      needs.canEditNeeds(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
