import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import mercurius from 'mercurius';
import { hit } from '../lib/rateLimit.js';

const WINDOW_SECONDS = 60;

/**
 * Who a request is counted for: a signed-in user by their id (a valid signature is enough here;
 * resolvers still check the token's version), anyone else by their address. The address is
 * the proxy-aware `request.ip`, so TRUST_PROXY decides how far it can be believed.
 */
function clientKey(request: FastifyRequest, verify: (token: string) => { sub?: unknown }): string {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  if (scheme === 'Bearer' && token) {
    try {
      const { sub } = verify(token);
      if (typeof sub === 'string') return `user:${sub}`;
    } catch {
      // An expired or forged token: counted by address, like a visitor.
    }
  }
  return `address:${request.ip}`;
}

/**
 * GRAPHQL_RATE_LIMIT_PER_MINUTE requests per client and minute on /graphql (queries, mutations and
 * WebSocket connections alike), counted in the database (`lib/rateLimit.ts`) so that the limit holds
 * however many instances share the load: one statement per request. Over the limit the answer is
 * 429 RATE_LIMITED with Retry-After, before the body is even read.
 */
export default fp(
  async (app) => {
    const limit = app.config.graphqlRateLimitPerMinute;
    if (limit === 0) return;
    const verify = (token: string) => app.jwt.verify<{ sub?: unknown }>(token);
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.url !== '/graphql') return;
      const result = await hit(app.db, `graphql:${clientKey(request, verify)}`, WINDOW_SECONDS, limit);
      if (!result.allowed) {
        throw new mercurius.ErrorWithProps(
          'Too many requests; try again in a moment',
          { code: 'RATE_LIMITED', retryAfterSeconds: result.retryAfterSeconds },
          429,
        );
      }
    });
  },
  { name: 'graphql-rate-limit', dependencies: ['database', 'auth'] },
);
