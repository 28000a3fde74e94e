import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { saveStudentProfile } from './commands.js';
import { getStudentProfile, myStudentProfile } from './queries.js';

const resolvers: IResolvers = {
  Query: {
    myStudentProfile: async (_root, _args, ctx) => myStudentProfile(ctx.deps, await ctx.viewer()),
    studentProfile: async (_root, { userId }, ctx) => getStudentProfile(ctx.deps, await ctx.viewer(), userId),
  },
  Mutation: {
    saveStudentProfile: async (_root, { input }, ctx) => saveStudentProfile(ctx.deps, await ctx.viewer(), input),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
