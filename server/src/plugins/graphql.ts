import { readFileSync } from 'node:fs';
import websocket from '@fastify/websocket';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { DEFAULT_LOCALE, type Locale } from '@keskusvaraamo/shared';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { acceptedLocale } from '../lib/acceptLanguage.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_SECONDS } from '../lib/databaseErrors.js';
import { checkDocumentSize, GRAPHQL_LIMITS, limitRules, validateSubscription } from '../lib/graphqlLimits.js';
import { accountsGraphql as accounts } from '../modules/accounts/index.js';
import { applicationsGraphql as applications } from '../modules/applications/index.js';
import { bookingsGraphql as bookings } from '../modules/bookings/index.js';
import { conversationsGraphql as conversations } from '../modules/conversations/index.js';
import { matchingGraphql as matching } from '../modules/matching/index.js';
import { needsGraphql as needs } from '../modules/needs/index.js';
import { messagingGraphql as messaging } from '../modules/messaging/index.js';
import { offersGraphql as offers } from '../modules/offers/index.js';
import { organisationsGraphql as organisations } from '../modules/organisations/index.js';
import { profilesGraphql as profiles } from '../modules/profiles/index.js';
import { privacyGraphql as privacy } from '../modules/privacy/index.js';
import { proposalsGraphql as proposals } from '../modules/proposals/index.js';
import { reportsGraphql as reports } from '../modules/reports/index.js';
import { savedSearchesGraphql as savedSearches } from '../modules/savedSearches/index.js';
import { searchGraphql as search } from '../modules/search/index.js';

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
  messaging,
  savedSearches,
  applications,
  conversations,
  matching,
  proposals,
  reports,
  privacy,
];

/**
 * The language of the page that asks, for the texts the server makes for display (a match's
 * explanation…): the web app sends `Accept-Language: <page locale>` with every request. Without
 * a language we know, the viewer's account language, then Finnish. An unknown value is ignored.
 */
export async function requestLocale(
  acceptLanguage: string | undefined,
  viewer: () => Promise<{ locale?: Locale } | null>,
): Promise<Locale> {
  const asked = acceptedLocale(acceptLanguage);
  if (asked) return asked;
  // A bad or stale token is the resolvers' to report (UNAUTHENTICATED); the language just falls back.
  const account = await viewer().catch(() => null);
  return account?.locale ?? DEFAULT_LOCALE;
}

export function buildContext(app: import('fastify').FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const deps: Deps = app.deps(request.log);
    const viewer = () => request.viewer();
    // Only a request with a token has a viewer to look up: a visitor's costs nothing here.
    const locale = await requestLocale(
      request.headers['accept-language'],
      request.headers.authorization ? viewer : async () => null,
    );
    return { request, reply, deps, viewer, locale };
  };
}

type AppContext = Awaited<ReturnType<ReturnType<typeof buildContext>>>;
declare module 'mercurius' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging needs the interface
  interface MercuriusContext extends AppContext {}
}

const QUERY_TEXT = Symbol('query text');
type QueryTextContext = { [QUERY_TEXT]?: string };

/** Mercurius's and Fastify's own answers to a malformed request (bad JSON, no query, wrong method…). */
interface RequestError extends Error {
  code?: string;
  statusCode?: number;
  errors?: GraphQLError[];
}

const MESSAGES: Record<string, string> = {
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: 'The request has no query',
};

/** graphql-js's "Did you mean …?" hints name fields and types: production does not hand them out. */
const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean .*\?$/s, '');

/** Errors the client may see as they are; everything else becomes INTERNAL and is logged. */
function presentError(error: GraphQLError, log: FastifyRequest['log'], production: boolean): GraphQLFormattedError[] {
  const original = error.originalError as RequestError | undefined;
  const describe = production ? withoutSuggestions : (message: string) => message;
  if (original instanceof mercurius.ErrorWithProps) {
    return [{ message: error.message, path: error.path, extensions: original.extensions as Record<string, unknown> }];
  }
  if (original?.errors && Array.isArray(original.errors)) {
    // Query validation failed: the messages describe the query, not the server.
    return original.errors.map((e) => ({
      message: describe(e.message),
      locations: e.locations,
      extensions: { code: 'BAD_REQUEST' },
    }));
  }
  if (!original) {
    return [
      {
        message: describe(error.message),
        locations: error.locations,
        path: error.path,
        extensions: { code: 'BAD_REQUEST' },
      },
    ];
  }
  if (isDatabaseUnavailable(original)) {
    log.warn({ path: error.path }, 'The database is unavailable');
    return [
      {
        message: 'The service is briefly unavailable; try again in a moment',
        path: error.path,
        extensions: { code: 'UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
      },
    ];
  }
  if (original.statusCode && original.statusCode >= 400 && original.statusCode < 500) {
    // The request itself was wrong (Fastify's body parsing, Mercurius's checks): nothing to log.
    return [{ message: MESSAGES[original.code ?? ''] ?? original.message, extensions: { code: 'BAD_REQUEST' } }];
  }
  log.error({ err: original, path: error.path }, 'Unexpected error in a resolver');
  return [{ message: 'Something went wrong on our side', path: error.path, extensions: { code: 'INTERNAL' } }];
}

/**
 * The HTTP status: 200 whenever there is data (errors of single fields travel in the body, as
 * GraphQL over HTTP asks), 503 when the database is away, the status a refused request carries
 * (413 too large, 415 not JSON, 405 a mutation over GET, 429 too many requests), 400 for a query
 * that is not valid, and 200 for an error of the operation itself (INVALID_CREDENTIALS, NOT_FOUND…).
 */
function statusOf(execution: ExecutionResult, errors: GraphQLFormattedError[]): number {
  if (execution.data) return 200;
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('UNAVAILABLE')) return 503;
  const carried = (execution.errors ?? [])
    .map((e) => (e.originalError as RequestError | undefined)?.statusCode)
    .find((status) => status !== undefined && status >= 400 && status < 500);
  if (carried) return carried;
  return codes.every((code) => code === 'BAD_REQUEST') ? 400 : 200;
}

export default fp(
  async (app) => {
    const rules = limitRules({ introspection: !app.config.production });
    // Subscriptions arrive over WebSocket; a message is one document and its variables.
    await app.register(websocket, { options: { maxPayload: 4 * GRAPHQL_LIMITS.documentBytes } });
    await app.register(mercurius, {
      schema: MODULES.map((m) => readFileSync(m.schemaUrl, 'utf8')),
      resolvers: mergeResolvers(MODULES),
      loaders: mergeLoaders(MODULES),
      context: buildContext(app),
      subscription: {
        // The access token comes in connection_init: { authorization: 'Bearer …' }. A connection
        // without a valid one is refused.
        // The page's language comes as { locale: 'sv' } (as Accept-Language does over HTTP).
        onConnect: async ({ payload }: { payload?: { authorization?: unknown; locale?: unknown } }) => {
          const header = typeof payload?.authorization === 'string' ? payload.authorization : undefined;
          const viewer = await app.viewerFromAuthorization(header).catch(() => null);
          if (!viewer) return false;
          const asked = typeof payload?.locale === 'string' ? payload.locale : undefined;
          return { viewer: async () => viewer, locale: await requestLocale(asked, async () => viewer) };
        },
        context: (socket: import('ws').WebSocket) => ({
          deps: app.deps() satisfies Deps,
          // accounts/liveSessions.ts closes it when the session ends or the token expires.
          socket,
        }),
      },
      graphiql: app.config.graphiql,
      queryDepth: GRAPHQL_LIMITS.depth,
      validationRules: rules,
      graphql: { parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens } },
      additionalRouteOptions: {
        // GraphQL over HTTP lets a client send "extensions": null; Mercurius's body schema wants an object.
        preValidation: async (request: FastifyRequest) => {
          const body = request.body as Record<string, unknown> | null | undefined;
          if (body && typeof body === 'object' && !Array.isArray(body) && body.extensions === null) {
            delete body.extensions;
          }
        },
      },
      // Compile a query after its second use: repeated searches skip graphql-js's interpretation.
      jit: 1,
      errorFormatter: (execution, context) => {
        const log = context.reply?.log ?? app.log;
        const errors = execution.errors.flatMap((e) => presentError(e, log, app.config.production));
        const statusCode = statusOf(execution, errors);
        const retryAfter = errors.find((e) => typeof e.extensions?.retryAfterSeconds === 'number')?.extensions
          ?.retryAfterSeconds as number | undefined;
        if ((statusCode === 429 || statusCode === 503) && retryAfter) context.reply?.header('retry-after', retryAfter);
        return { statusCode, response: { data: execution.data ?? null, errors } };
      },
    });

    // The document's size before it is parsed (its tokens are counted while it is).
    app.graphql.addHook('preParsing', async (_schema, source, context) => {
      if (typeof source !== 'string') return;
      checkDocumentSize(source);
      (context as QueryTextContext)[QUERY_TEXT] = source;
    });
    // Mercurius reads a query that does not parse as a JSON syntax tree instead, which skips the
    // token limit and can crash validation: only a document parsed from the query text is run (a
    // syntax tree inside JSON cannot carry the whole JSON text as its source).
    app.graphql.addHook('preValidation', async (_schema, document, context) => {
      const text = (context as QueryTextContext)[QUERY_TEXT];
      if (text !== undefined && document?.loc?.source?.body !== text) {
        throw new AppError('BAD_REQUEST', 'The query must be GraphQL text');
      }
    });
    // Subscriptions get the same limits as queries and mutations.
    app.graphql.addHook('preSubscriptionParsing', async (schema, source) => {
      validateSubscription(schema, source, rules);
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
