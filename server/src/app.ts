/**
 * The application as a Fastify instance: external plugins, then the app's own, then routes.
 * `server.ts` runs it; tests build it the same way and talk to it with `inject`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import auth from './plugins/auth.js';
import bookingRoutes from './modules/bookings/routes.js';
import database from './plugins/database.js';
import graphql from './plugins/graphql.js';
import health from './plugins/health.js';
import maintenance from './plugins/maintenance.js';
import mailRoutes from './modules/mail/routes.js';
import mailWorker from './modules/mail/worker.js';
import liveSessions from './modules/accounts/liveSessions.js';
import liveNotifications from './modules/notifications/live.js';
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
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Enough for any form in the product; larger bodies are refused before parsing.
    bodyLimit: 1024 * 1024,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // One error handler for plain routes: 4xx say what was wrong, 5xx say nothing about internals.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'Request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : error.message });
  });

  app.decorate('config', config);
  const handle = options.database ?? (await openDatabase(config.database));
  await app.register(database, { handle, seed: config.seedDemoData });
  await app.register(auth, { config });
  await app.register(health);
  await app.register(maintenance);
  await app.register(mailWorker);
  await app.register(graphql);
  await app.register(liveNotifications);
  await app.register(liveSessions);
  await app.register(bookingRoutes);
  await app.register(mailRoutes);
  await app.register(web, { root: config.webDist });
  return app;
}

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(config.logPretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : {}),
  };
}
