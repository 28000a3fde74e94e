import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import * as profiles from './service.js';

const resolvers: IResolvers = {
  Query: {
    myStudentProfile: async (_root, _args, ctx) => profiles.myStudentProfile(ctx.deps, await ctx.viewer()),
    studentProfile: async (_root, { userId }, ctx) => profiles.getStudentProfile(ctx.deps, await ctx.viewer(), userId),
  },
  Mutation: {
    saveStudentProfile: async (_root, { input }, ctx) =>
      profiles.saveStudentProfile(ctx.deps, await ctx.viewer(), input),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
