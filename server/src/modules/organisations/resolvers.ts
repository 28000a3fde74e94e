import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import type { OrganisationDto } from './presenter.js';
import * as organisations from './service.js';

const resolvers: IResolvers = {
  Query: {
    organisation: async (_root, { id }, ctx) => organisations.getOrganisation(ctx.deps, id),
    organisations: async (_root, args, ctx) => organisations.listOrganisations(ctx.deps, args),
    invitation: async (_root, { token }, ctx) => organisations.previewInvitation(ctx.deps, token),
  },
  Mutation: {
    createOrganisation: async (_root, { input }, ctx) =>
      organisations.createOrganisation(ctx.deps, await ctx.viewer(), input),
    updateOrganisation: async (_root, { id, input }, ctx) =>
      organisations.updateOrganisation(ctx.deps, await ctx.viewer(), id, input),
    inviteMember: async (_root, { organisationId, input }, ctx) =>
      organisations.inviteMember(ctx.deps, await ctx.viewer(), organisationId, input, { ip: ctx.request.ip }),
    revokeInvitation: async (_root, { id }, ctx) => {
      await organisations.revokeInvitation(ctx.deps, await ctx.viewer(), id);
      return true;
    },
    acceptInvitation: async (_root, { token }, ctx) =>
      organisations.acceptInvitation(ctx.deps, await ctx.viewer(), token),
    changeMemberRole: async (_root, { organisationId, userId, role }, ctx) =>
      organisations.changeMemberRole(ctx.deps, await ctx.viewer(), organisationId, userId, role),
    removeMember: async (_root, { organisationId, userId }, ctx) => {
      await organisations.removeMember(ctx.deps, await ctx.viewer(), organisationId, userId);
      return true;
    },
    verifyOrganisation: async (_root, { id, verified }, ctx) =>
      organisations.verifyOrganisation(ctx.deps, await ctx.viewer(), id, verified),
  },
};

type Queries = { obj: OrganisationDto }[];
const ids = (queries: Queries) => queries.map((q) => q.obj.id);

const loaders = {
  // A user's organisations are organisations' to tell: accounts knows nothing of them.
  User: {
    memberships: async (queries: { obj: { id: string } }[], ctx: MercuriusContext) =>
      organisations.membershipsOf(
        ctx.deps,
        queries.map((q) => q.obj.id),
      ),
  },
  Organisation: {
    myRole: async (queries: Queries, ctx: MercuriusContext) => {
      const viewer = await ctx.viewer();
      const roles = await organisations.rolesIn(ctx.deps.db, ids(queries), viewer?.id);
      return ids(queries).map((id) => roles.get(id) ?? null);
    },
    members: async (queries: Queries, ctx: MercuriusContext) =>
      organisations.membersOf(ctx.deps, await ctx.viewer(), ids(queries)),
    invitations: async (queries: Queries, ctx: MercuriusContext) =>
      organisations.invitationsOf(ctx.deps, await ctx.viewer(), ids(queries)),
  },
};

export default {
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  resolvers,
  loaders,
} satisfies GraphqlModule;
