import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { deleteSavedSearch, saveSearch, updateSavedSearch } from './commands.js';
import { mySavedSearches } from './queries.js';

const resolvers: IResolvers = {
  Query: {
    savedSearches: async (_root, _args, ctx) => mySavedSearches(ctx.deps, await ctx.viewer()),
  },
  Mutation: {
    saveSearch: async (_root, { input }, ctx) => saveSearch(ctx.deps, await ctx.viewer(), input),
    updateSavedSearch: async (_root, { id, input }, ctx) => updateSavedSearch(ctx.deps, await ctx.viewer(), id, input),
    deleteSavedSearch: async (_root, { id }, ctx) => deleteSavedSearch(ctx.deps, await ctx.viewer(), id),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
