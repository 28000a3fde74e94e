/**
 * The application as a Fastify instance: external plugins, then the app's own, then routes.
 * `server.ts` runs it; tests build it the same way and talk to it with `inject`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { buildDeps } from './deps.js';
import { loggerOptions } from './lib/logging.js';
import auth from './plugins/auth.js';
import compression from './plugins/compression.js';
import { bookingRoutes } from './modules/bookings/index.js';
import database from './plugins/database.js';
import graphql from './plugins/graphql.js';
import graphqlRateLimit from './plugins/graphqlRateLimit.js';
import health from './plugins/health.js';
import httpErrors from './plugins/httpErrors.js';
import maintenance from './plugins/maintenance.js';
import { liveSessions } from './modules/accounts/index.js';
import { liveNotifications, mailRoutes, mailWorker } from './modules/messaging/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { seoRoutes } from './modules/seo/index.js';
import { dataExportRoute } from './modules/privacy/index.js';
import security from './plugins/security.js';
import web from './plugins/web.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildOptions {
  /** An already-open database (tests); otherwise the configured one is opened. */
  database?: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(config: Config, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => requestId(request.headers['x-request-id'], config.trustProxy !== false),
    // Enough for any form in the product; larger bodies are refused before parsing.
    bodyLimit: 1024 * 1024,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // The API takes JSON (and the unsubscribe route its form): a text/plain body is 415, not parsed.
  app.removeContentTypeParser('text/plain');

  app.decorate('config', config);
  // The use cases' dependencies, wired in one place (deps.ts); read once the plugins below are in.
  app.decorate('deps', (log = app.log) => buildDeps(app, log));
  await app.register(httpErrors);
  await app.register(security);
  // Before any route: it hooks into each route as it is declared.
  await app.register(compression);
  const handle = options.database ?? (await openDatabase(config.database));
  await app.register(database, { handle, seed: config.seedDemoData });
  await app.register(auth, { config });
  await app.register(health);
  await app.register(maintenance);
  await app.register(mailWorker);
  await app.register(graphqlRateLimit);
  await app.register(graphql);
  await app.register(liveNotifications);
  await app.register(liveSessions);
  await app.register(bookingRoutes);
  await app.register(mailRoutes);
  await app.register(reportRoutes);
  await app.register(dataExportRoute);
  await app.register(seoRoutes);
  await app.register(web, { root: config.webDist, sourceMaps: !config.production });
  return app;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our own id for every request. A trusted proxy's X-Request-Id is kept when it is a UUID, so that
 * its logs and ours meet; a client's is never used (it could forge or collide with other requests'
 * ids in the logs).
 */
function requestId(header: string | string[] | undefined, behindTrustedProxy: boolean): string {
  return behindTrustedProxy && typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : randomUUID();
}
