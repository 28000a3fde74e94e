import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { needsByIds } from '../needs/index.js';
import { publicResults } from './public.js';
import { clusterReport } from './queries.js';
import { unmetDemand } from './unmet.js';
import type { UnmetDemandDto } from './types.js';

const resolvers: IResolvers = {
  Query: {
    clusterReport: async (_root, args: { from: string; to: string }, ctx) =>
      clusterReport(ctx.deps, await ctx.viewer(), args),
    unmetDemand: async (_root, args: { limit?: number | null }, ctx) =>
      unmetDemand(ctx.deps, await ctx.viewer(), args.limit),
    publicResults: async (_root, _args, ctx) => publicResults(ctx.deps),
  },
  UnmetDemand: {
    // Open needs are public; the list is at most 100 rows of five, loaded in one statement per row.
    examples: async (row: UnmetDemandDto, _args, ctx) => {
      const found = await needsByIds(ctx.deps.db, row.exampleIds);
      return row.exampleIds.flatMap((id) => found.get(id) ?? []);
    },
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
