import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { NeedDto } from '../needs/index.js';
import {
  acceptApplication,
  applyToNeed,
  declineApplication,
  editNeed,
  offerApplication,
  rejectApplication,
  shortlistApplication,
  withdrawApplication,
} from './commands.js';
import {
  actionsOf,
  applicationCounts,
  coverLettersOf,
  eventsOf,
  needsOf,
  profilesOf,
  studentNamesOf,
  viewerApplications,
} from './loaders.js';
import type { ApplicationDto } from './presenter.js';
import { getApplication, myApplications, needApplications, receivedApplications } from './queries.js';

const resolvers: IResolvers = {
  Query: {
    myApplications: async (_root, args, ctx) => myApplications(ctx.deps, await ctx.viewer(), args),
    application: async (_root, { id }, ctx) => getApplication(ctx.deps, await ctx.viewer(), id),
    needApplications: async (_root, { needId, ...args }, ctx) =>
      needApplications(ctx.deps, await ctx.viewer(), needId, args),
    receivedApplications: async (_root, args, ctx) => receivedApplications(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    updateNeed: async (_root, { id, input }, ctx) => editNeed(ctx.deps, await ctx.viewer(), id, input),
    applyToNeed: async (_root, { input }, ctx) => applyToNeed(ctx.deps, await ctx.viewer(), input),
    shortlistApplication: async (_root, { id }, ctx) => shortlistApplication(ctx.deps, await ctx.viewer(), id),
    offerApplication: async (_root, { id }, ctx) => offerApplication(ctx.deps, await ctx.viewer(), id),
    rejectApplication: async (_root, { id, reason }, ctx) =>
      rejectApplication(ctx.deps, await ctx.viewer(), id, { reason }),
    acceptApplication: async (_root, { id }, ctx) => acceptApplication(ctx.deps, await ctx.viewer(), id),
    declineApplication: async (_root, { id }, ctx) => declineApplication(ctx.deps, await ctx.viewer(), id),
    withdrawApplication: async (_root, { id }, ctx) => withdrawApplication(ctx.deps, await ctx.viewer(), id),
  },
};

type Queries = { obj: ApplicationDto }[];
type NeedQueries = { obj: NeedDto }[];
const list = <T>(queries: { obj: T }[]) => queries.map((q) => q.obj);

const loaders = {
  Application: {
    need: async (queries: Queries, ctx: MercuriusContext) => needsOf(ctx.deps, list(queries)),
    studentName: async (queries: Queries, ctx: MercuriusContext) => studentNamesOf(ctx.deps, list(queries)),
    // The letter and the profile are the student's personal data: their loaders log staff's reads.
    coverLetter: async (queries: Queries, ctx: MercuriusContext) =>
      coverLettersOf(ctx.deps, await ctx.viewer(), list(queries)),
    profile: async (queries: Queries, ctx: MercuriusContext) => profilesOf(ctx.deps, await ctx.viewer(), list(queries)),
    events: async (queries: Queries, ctx: MercuriusContext) => eventsOf(ctx.deps, list(queries)),
    actions: async (queries: Queries, ctx: MercuriusContext) => actionsOf(ctx.deps, await ctx.viewer(), list(queries)),
  },
  Need: {
    applicationCount: async (queries: NeedQueries, ctx: MercuriusContext) =>
      applicationCounts(ctx.deps, await ctx.viewer(), list(queries)),
    myApplication: async (queries: NeedQueries, ctx: MercuriusContext) =>
      viewerApplications(ctx.deps, await ctx.viewer(), list(queries)),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
