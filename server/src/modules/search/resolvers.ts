import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import * as search from './service.js';

type Page = Awaited<ReturnType<typeof search.search>>;

const resolvers: IResolvers = {
  Query: {
    search: async (_root, args, ctx) => search.search(ctx.deps, args),
  },
  SearchConnection: {
    facets: async (page: Page, _args, ctx) => search.facets(ctx.deps, page.facetQuery),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
