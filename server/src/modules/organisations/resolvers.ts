import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { OrganisationDto } from './presenter.js';
import * as organisationCommands from './commands/organisations.js';
import * as memberCommands from './commands/members.js';
import { invitationsOf, membersOf, membershipsOf } from './loaders.js';
import { getOrganisation, listOrganisations, previewInvitation, rolesIn } from './queries.js';

const resolvers: IResolvers = {
  Query: {
    organisation: async (_root, { id }, ctx) => getOrganisation(ctx.deps, id),
    organisations: async (_root, args, ctx) => listOrganisations(ctx.deps, args),
    invitation: async (_root, { token }, ctx) => previewInvitation(ctx.deps, token),
  },
  Mutation: {
    createOrganisation: async (_root, { input }, ctx) =>
      organisationCommands.createOrganisation(ctx.deps, await ctx.viewer(), input),
    updateOrganisation: async (_root, { id, input }, ctx) =>
      organisationCommands.updateOrganisation(ctx.deps, await ctx.viewer(), id, input),
    inviteMember: async (_root, { organisationId, input }, ctx) =>
      memberCommands.inviteMember(ctx.deps, await ctx.viewer(), organisationId, input, { ip: ctx.request.ip }),
    revokeInvitation: async (_root, { id }, ctx) => {
      await memberCommands.revokeInvitation(ctx.deps, await ctx.viewer(), id);
      return true;
    },
    acceptInvitation: async (_root, { token }, ctx) =>
      memberCommands.acceptInvitation(ctx.deps, await ctx.viewer(), token),
    changeMemberRole: async (_root, { organisationId, userId, role }, ctx) =>
      memberCommands.changeMemberRole(ctx.deps, await ctx.viewer(), organisationId, userId, role),
    removeMember: async (_root, { organisationId, userId }, ctx) => {
      await memberCommands.removeMember(ctx.deps, await ctx.viewer(), organisationId, userId);
      return true;
    },
    verifyOrganisation: async (_root, { id, verified }, ctx) =>
      organisationCommands.verifyOrganisation(ctx.deps, await ctx.viewer(), id, verified),
  },
};

type Queries = { obj: OrganisationDto }[];
const ids = (queries: Queries) => queries.map((q) => q.obj.id);

const loaders = {
  // A user's organisations are organisations' to tell: accounts knows nothing of them.
  User: {
    memberships: async (queries: { obj: { id: string } }[], ctx: MercuriusContext) =>
      membershipsOf(
        ctx.deps,
        queries.map((q) => q.obj.id),
      ),
  },
  Organisation: {
    myRole: async (queries: Queries, ctx: MercuriusContext) => {
      const viewer = await ctx.viewer();
      const roles = await rolesIn(ctx.deps.db, ids(queries), viewer?.id);
      return ids(queries).map((id) => roles.get(id) ?? null);
    },
    members: async (queries: Queries, ctx: MercuriusContext) => membersOf(ctx.deps, await ctx.viewer(), ids(queries)),
    invitations: async (queries: Queries, ctx: MercuriusContext) =>
      invitationsOf(ctx.deps, await ctx.viewer(), ids(queries)),
  },
};

export default {
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  resolvers,
  loaders,
} satisfies GraphqlModule;
