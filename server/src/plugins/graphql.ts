import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import accounts from '../modules/accounts/resolvers.js';
import applications from '../modules/applications/resolvers.js';
import bookings from '../modules/bookings/resolvers.js';
import conversations from '../modules/conversations/resolvers.js';
import matching from '../modules/matching/resolvers.js';
import needs from '../modules/needs/resolvers.js';
import notifications from '../modules/notifications/resolvers.js';
import offers from '../modules/offers/resolvers.js';
import organisations from '../modules/organisations/resolvers.js';
import profiles from '../modules/profiles/resolvers.js';
import proposals from '../modules/proposals/resolvers.js';
import savedSearches from '../modules/savedSearches/resolvers.js';
import search from '../modules/search/resolvers.js';

/** A module's part of the API: its schema file, resolvers and loaders. */
export interface GraphqlModule {
  schemaUrl: URL;
  resolvers: IResolvers;
  loaders?: MercuriusLoaders;
}

const MODULES: GraphqlModule[] = [
  accounts,
  organisations,
  needs,
  offers,
  profiles,
  search,
  bookings,
  notifications,
  savedSearches,
  applications,
  conversations,
  matching,
  proposals,
];

export function buildContext(app: import('fastify').FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const deps: Deps = {
      db: app.db,
      config: app.config,
      log: request.log,
      signAccessToken: app.signAccessToken,
    };
    return { request, reply, deps, viewer: () => request.viewer() };
  };
}

type AppContext = Awaited<ReturnType<ReturnType<typeof buildContext>>>;
declare module 'mercurius' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs the interface
  interface MercuriusContext extends AppContext {}
}

/** Errors the client may see as they are; everything else becomes INTERNAL and is logged. */
function presentError(error: GraphQLError, log: FastifyRequest['log']): GraphQLFormattedError[] {
  const original = error.originalError as (Error & { errors?: GraphQLError[] }) | undefined;
  if (original instanceof AppError) {
    return [{ message: error.message, path: error.path, extensions: original.extensions as Record<string, unknown> }];
  }
  if (original?.errors && Array.isArray(original.errors)) {
    // Query validation failed: the messages describe the query, not the server.
    return original.errors.map((e) => ({
      message: e.message,
      locations: e.locations,
      extensions: { code: 'BAD_REQUEST' },
    }));
  }
  if (!original) {
    return [
      { message: error.message, locations: error.locations, path: error.path, extensions: { code: 'BAD_REQUEST' } },
    ];
  }
  log.error({ err: original, path: error.path }, 'Unexpected error in a resolver');
  return [{ message: 'Something went wrong on our side', path: error.path, extensions: { code: 'INTERNAL' } }];
}

export default fp(
  async (app) => {
    await app.register(mercurius, {
      schema: MODULES.map((m) => readFileSync(m.schemaUrl, 'utf8')),
      resolvers: mergeResolvers(MODULES),
      loaders: mergeLoaders(MODULES),
      context: buildContext(app),
      subscription: {
        // The access token comes in connection_init: { authorization: 'Bearer …' }. A connection
        // without a valid one is refused.
        onConnect: async ({ payload }: { payload?: { authorization?: unknown } }) => {
          const header = typeof payload?.authorization === 'string' ? payload.authorization : undefined;
          const viewer = await app.viewerFromAuthorization(header).catch(() => null);
          if (!viewer) return false;
          return { viewer: async () => viewer };
        },
        context: (socket: import('ws').WebSocket) => ({
          deps: { db: app.db, config: app.config, log: app.log, signAccessToken: app.signAccessToken } satisfies Deps,
          // accounts/liveSessions.ts closes it when the session ends or the token expires.
          socket,
        }),
      },
      graphiql: app.config.graphiql,
      queryDepth: 10,
      // Compile a query after its second use: repeated searches skip graphql-js's interpretation.
      jit: 1,
      errorFormatter: (execution, context) => {
        const log = context.reply?.log ?? app.log;
        const errors = execution.errors.flatMap((e) => presentError(e, log));
        const statusCode = execution.data ? 200 : errors.every((e) => e.extensions?.code === 'BAD_REQUEST') ? 400 : 200;
        return { statusCode, response: { data: execution.data ?? null, errors } };
      },
    });
  },
  { name: 'graphql', dependencies: ['database', 'auth'] },
);

/** Modules extend the same types (Query, Mutation, User…): merge field by field. */
function mergeResolvers(modules: GraphqlModule[]): IResolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const m of modules) {
    for (const [type, fields] of Object.entries(m.resolvers)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as IResolvers;
}

function mergeLoaders(modules: GraphqlModule[]): MercuriusLoaders {
  const merged: MercuriusLoaders = {};
  for (const m of modules) {
    for (const [type, fields] of Object.entries(m.loaders ?? {})) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}
