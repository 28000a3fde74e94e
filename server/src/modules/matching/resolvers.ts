import type { Locale, ScoredMatch } from '@keskusvaraamo/shared';
import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { NeedDto } from '../needs/index.js';
import type { OfferDto } from '../offers/index.js';
import { explainMatch } from './explain.js';
import { leadsForOffer, matchesForNeed, placementsForStudent } from './queries.js';

const resolvers: IResolvers = {
  Need: {
    matches: async (need: NeedDto, args, ctx) => matchesForNeed(ctx.deps, await ctx.viewer(), need, args),
  },
  Offer: {
    leads: async (offer: OfferDto, args, ctx) => leadsForOffer(ctx.deps, await ctx.viewer(), offer, args),
  },
  Query: {
    placementsForMe: async (_root, args, ctx) => placementsForStudent(ctx.deps, await ctx.viewer(), args),
  },
  Match: {
    // In the asking page's language (ctx.locale) unless the query names one.
    explanation: (match: ScoredMatch, { locale }: { locale?: Locale | null }, ctx) =>
      explainMatch(match, locale ?? ctx.locale),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
