import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { NeedDto } from '../needs/presenter.js';
import type { ApplicationDto } from './presenter.js';
import * as applications from './service.js';

const resolvers: IResolvers = {
  Query: {
    myApplications: async (_root, args, ctx) => applications.myApplications(ctx.deps, await ctx.viewer(), args),
    application: async (_root, { id }, ctx) => applications.getApplication(ctx.deps, await ctx.viewer(), id),
    needApplications: async (_root, { needId, ...args }, ctx) =>
      applications.needApplications(ctx.deps, await ctx.viewer(), needId, args),
  },
  Mutation: {
    applyToNeed: async (_root, { input }, ctx) => applications.applyToNeed(ctx.deps, await ctx.viewer(), input),
    shortlistApplication: async (_root, { id }, ctx) =>
      applications.shortlistApplication(ctx.deps, await ctx.viewer(), id),
    offerApplication: async (_root, { id }, ctx) => applications.offerApplication(ctx.deps, await ctx.viewer(), id),
    rejectApplication: async (_root, { id, reason }, ctx) =>
      applications.rejectApplication(ctx.deps, await ctx.viewer(), id, { reason }),
    acceptApplication: async (_root, { id }, ctx) => applications.acceptApplication(ctx.deps, await ctx.viewer(), id),
    declineApplication: async (_root, { id }, ctx) => applications.declineApplication(ctx.deps, await ctx.viewer(), id),
    withdrawApplication: async (_root, { id }, ctx) =>
      applications.withdrawApplication(ctx.deps, await ctx.viewer(), id),
  },
};

type Queries = { obj: ApplicationDto }[];
type NeedQueries = { obj: NeedDto }[];
const list = (queries: Queries) => queries.map((q) => q.obj);

const loaders = {
  Application: {
    need: async (queries: Queries, ctx: MercuriusContext) => applications.needsOf(ctx.deps, list(queries)),
    studentName: async (queries: Queries, ctx: MercuriusContext) =>
      applications.studentNamesOf(ctx.deps, list(queries)),
    profile: async (queries: Queries, ctx: MercuriusContext) => applications.profilesOf(ctx.deps, list(queries)),
    events: async (queries: Queries, ctx: MercuriusContext) => applications.eventsOf(ctx.deps, list(queries)),
    actions: async (queries: Queries, ctx: MercuriusContext) =>
      applications.actionsOf(ctx.deps, await ctx.viewer(), list(queries)),
  },
  Need: {
    applicationCount: async (queries: NeedQueries, ctx: MercuriusContext) =>
      applications.applicationCounts(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    myApplication: async (queries: NeedQueries, ctx: MercuriusContext) =>
      applications.viewerApplications(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
