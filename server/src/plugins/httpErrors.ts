import type { ErrorCode } from '@keskusvaraamo/shared';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import mercurius from 'mercurius';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_SECONDS } from '../lib/databaseErrors.js';

/** The body of every REST error: the stable code the web app translates, and a message for people. */
export interface RestErrorBody {
  error: { code: ErrorCode; message: string } & Record<string, unknown>;
}

/** HTTP statuses of error codes; a code not named here is a 400 (the request cannot be done as sent). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Codes of Fastify's own 4xx answers (bad JSON, too large, wrong content type, no route…). */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  status = STATUS[code] ?? 400,
) {
  // RFC 6750: a 401 names the scheme that would work.
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  if (typeof details.retryAfterSeconds === 'number') reply.header('retry-after', details.retryAfterSeconds);
  return reply.code(status).send({ error: { code, message, ...details } } satisfies RestErrorBody);
}

/**
 * One error handler and one 404 for every route outside GraphQL (which answers in GraphQL's own
 * shape, see plugins/graphql.ts): `{ "error": { "code", "message", … } }`. Use cases' errors keep
 * their code and details; Fastify's 4xx say what was wrong with the request; a database that cannot
 * be reached is 503 UNAVAILABLE; anything else is 500 INTERNAL, logged, and says nothing more.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      if (error instanceof mercurius.ErrorWithProps) {
        const { code, ...details } = (error.extensions ?? {}) as { code?: ErrorCode } & Record<string, unknown>;
        return sendError(reply, code ?? 'BAD_REQUEST', error.message, details);
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn('The database is unavailable');
        return sendError(reply, 'UNAVAILABLE', 'The service is briefly unavailable; try again in a moment', {
          retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
        });
      }
      const status = error.statusCode;
      if (status && status >= 400 && status < 500) {
        return sendError(reply, CODE_OF_STATUS[status] ?? 'BAD_REQUEST', error.message, {}, status);
      }
      request.log.error({ err: error }, 'Request failed');
      return sendError(reply, 'INTERNAL', 'Something went wrong on our side');
    });
    app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND', 'Not found'));
  },
  { name: 'http-errors' },
);
