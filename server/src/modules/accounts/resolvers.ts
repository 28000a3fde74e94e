import type { IResolvers, MercuriusContext } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { unauthenticated } from '../../errors.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './devices.js';
import { setUserRoles } from './commands/admin.js';
import { deactivateUser, reactivateUser } from './commands/deactivation.js';
import {
  changePassword,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  updateProfile,
} from './commands/credentials.js';
import {
  refreshSession,
  signIn,
  signOut,
  signOutEverywhere,
  signUp,
  verifyEmail,
  type ClientInfo,
  type Session,
} from './commands/signIn.js';
import { getUser, listUsers } from './queries.js';
import { REFRESH_COOKIE } from './sessions.js';

const client = (ctx: MercuriusContext): ClientInfo => ({
  ip: ctx.request.ip,
  userAgent: ctx.request.headers['user-agent'] ?? null,
  deviceCookie: ctx.request.cookies[DEVICE_COOKIE],
});

async function signedIn(ctx: MercuriusContext) {
  const viewer = await ctx.viewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Hands the refresh token to the browser as a cookie and the rest to the client. */
function deliver(ctx: MercuriusContext, session: Session) {
  ctx.reply.server.setRefreshCookie(ctx.reply, session.refreshToken);
  if (session.deviceCookie) {
    ctx.reply.setCookie(DEVICE_COOKIE, session.deviceCookie, {
      httpOnly: true,
      secure: ctx.deps.config.cookieSecure,
      sameSite: 'strict',
      path: '/graphql',
      maxAge: DEVICE_COOKIE_DAYS * 86_400,
    });
  }
  return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
}

const refreshCookie = (ctx: MercuriusContext) => ctx.request.cookies[REFRESH_COOKIE];

const resolvers: IResolvers = {
  Query: {
    me: async (_root, _args, ctx) => {
      const viewer = await ctx.viewer();
      return viewer ? getUser(ctx.deps, viewer.id) : null;
    },
    users: async (_root, args, ctx) => listUsers(ctx.deps, await ctx.viewer(), args),
  },
  Mutation: {
    signUp: async (_root, { input }, ctx) => {
      await signUp(ctx.deps, input, client(ctx));
      return true;
    },
    signIn: async (_root, { input }, ctx) => deliver(ctx, await signIn(ctx.deps, input, client(ctx))),
    refreshSession: async (_root, _args, ctx) => {
      try {
        return deliver(ctx, await refreshSession(ctx.deps, refreshCookie(ctx), client(ctx)));
      } catch (error) {
        ctx.reply.server.clearRefreshCookie(ctx.reply);
        throw error;
      }
    },
    signOut: async (_root, _args, ctx) => {
      await signOut(ctx.deps, refreshCookie(ctx));
      ctx.reply.server.clearRefreshCookie(ctx.reply);
      return true;
    },
    signOutEverywhere: async (_root, _args, ctx) => {
      await signOutEverywhere(ctx.deps, await signedIn(ctx));
      ctx.reply.server.clearRefreshCookie(ctx.reply);
      return true;
    },
    changePassword: async (_root, { input }, ctx) =>
      deliver(ctx, await changePassword(ctx.deps, await signedIn(ctx), input, client(ctx))),
    updateProfile: async (_root, { input }, ctx) => updateProfile(ctx.deps, await signedIn(ctx), input),
    requestEmailVerification: async (_root, _args, ctx) => {
      await requestEmailVerification(ctx.deps, await signedIn(ctx), client(ctx));
      return true;
    },
    verifyEmail: async (_root, { token }, ctx) => deliver(ctx, await verifyEmail(ctx.deps, token, client(ctx))),
    requestPasswordReset: async (_root, { email }, ctx) => {
      await requestPasswordReset(ctx.deps, { email }, client(ctx));
      return true;
    },
    resetPassword: async (_root, { input }, ctx) => {
      await resetPassword(ctx.deps, input);
      return true;
    },
    setUserRoles: async (_root, args, ctx) => setUserRoles(ctx.deps, await ctx.viewer(), args),
    deactivateUser: async (_root, { input }, ctx) => deactivateUser(ctx.deps, await ctx.viewer(), input),
    reactivateUser: async (_root, args, ctx) => reactivateUser(ctx.deps, await ctx.viewer(), args),
  },
};

export default {
  schemaUrl: new URL('./schema.graphql', import.meta.url),
  resolvers,
} satisfies GraphqlModule;
