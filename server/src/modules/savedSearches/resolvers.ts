import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import * as saved from './service.js';

const resolvers: IResolvers = {
  Query: {
    savedSearches: async (_root, _args, ctx) => saved.mySavedSearches(ctx.deps, await ctx.viewer()),
  },
  Mutation: {
    saveSearch: async (_root, { input }, ctx) => saved.saveSearch(ctx.deps, await ctx.viewer(), input),
    updateSavedSearch: async (_root, { id, input }, ctx) =>
      saved.updateSavedSearch(ctx.deps, await ctx.viewer(), id, input),
    deleteSavedSearch: async (_root, { id }, ctx) => saved.deleteSavedSearch(ctx.deps, await ctx.viewer(), id),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
