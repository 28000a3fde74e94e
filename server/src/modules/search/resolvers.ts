import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { facets, search } from './queries.js';

type Page = Awaited<ReturnType<typeof search>>;

const resolvers: IResolvers = {
  Query: {
    search: async (_root, args, ctx) => search(ctx.deps, args),
  },
  SearchConnection: {
    facets: async (page: Page, _args, ctx) => facets(ctx.deps, page.facetQuery),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
