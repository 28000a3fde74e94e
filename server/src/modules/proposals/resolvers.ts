import { seasonYearOf } from '@keskusvaraamo/shared';
import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { NeedDto } from '../needs/index.js';
import type { DemandPool } from './pools.js';
import type { ProposalDto } from './presenter.js';
import { acceptProposal, declineProposal, withdrawProposal } from './commands/answer.js';
import { answerDemandPool, proposeMatch } from './commands/propose.js';
import * as fields from './loaders.js';
import * as read from './queries.js';

const resolvers: IResolvers = {
  Query: {
    proposal: async (_root, { id }, ctx) => read.getProposal(ctx.deps, await ctx.viewer(), id),
    proposalsForNeed: async (_root, { needId }, ctx) => read.proposalsForNeed(ctx.deps, await ctx.viewer(), needId),
    myProposals: async (_root, args, ctx) => read.myProposals(ctx.deps, await ctx.viewer(), args),
    brokeringQueue: async (_root, args, ctx) => read.brokeringQueue(ctx.deps, await ctx.viewer(), args),
    demandPools: async (_root, { topic }, ctx) => read.demandPools(ctx.deps, await ctx.viewer(), topic ?? null),
  },
  Mutation: {
    proposeMatch: async (_root, { input }, ctx) => proposeMatch(ctx.deps, await ctx.viewer(), input),
    acceptProposal: async (_root, { id }, ctx) => acceptProposal(ctx.deps, await ctx.viewer(), id),
    declineProposal: async (_root, { id }, ctx) => declineProposal(ctx.deps, await ctx.viewer(), id),
    withdrawProposal: async (_root, { id }, ctx) => withdrawProposal(ctx.deps, await ctx.viewer(), id),
    answerDemandPool: async (_root, { input }, ctx) => answerDemandPool(ctx.deps, await ctx.viewer(), input),
  },
  DemandPool: {
    needCount: (pool: DemandPool<NeedDto>) => pool.needs.length,
    summary: (pool: DemandPool<NeedDto>) => ({
      people: pool.people,
      companies: pool.companyCount,
      topic: pool.topic,
      places: pool.municipalityCodes.slice(0, 3),
      remote: pool.remoteNeeds > 0,
      season: pool.season,
      year: seasonYearOf(pool.periodStart, pool.periodEnd),
    }),
  },
};

type Queries = { obj: ProposalDto }[];
const list = (queries: Queries) => queries.map((q) => q.obj);

const loaders = {
  Proposal: {
    need: async (queries: Queries, ctx: MercuriusContext) => fields.needsOf(ctx.deps, list(queries)),
    target: async (queries: Queries, ctx: MercuriusContext) =>
      fields.targetsOf(ctx.deps, await ctx.viewer(), list(queries)),
    proposerName: async (queries: Queries, ctx: MercuriusContext) => fields.proposerNamesOf(ctx.deps, list(queries)),
    needAnswer: async (queries: Queries, ctx: MercuriusContext) => fields.answersOf(ctx.deps, list(queries), 'NEED'),
    targetAnswer: async (queries: Queries, ctx: MercuriusContext) =>
      fields.answersOf(ctx.deps, list(queries), 'TARGET'),
    viewerSides: async (queries: Queries, ctx: MercuriusContext) =>
      fields.sideListsOf(ctx.deps, await ctx.viewer(), list(queries)),
    actions: async (queries: Queries, ctx: MercuriusContext) =>
      fields.actionsOf(ctx.deps, await ctx.viewer(), list(queries)),
    matchMade: async (queries: Queries, ctx: MercuriusContext) => fields.matchesOf(ctx.deps, list(queries)),
    application: async (queries: Queries, ctx: MercuriusContext) =>
      fields.applicationsOf(ctx.deps, await ctx.viewer(), list(queries)),
    seatHold: async (queries: Queries, ctx: MercuriusContext) =>
      fields.seatHoldsOf(ctx.deps, await ctx.viewer(), list(queries)),
  },
  DemandPool: {
    answers: async (queries: { obj: DemandPool<NeedDto> }[], ctx: MercuriusContext) =>
      read.poolAnswersOf(
        ctx.deps.db,
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
