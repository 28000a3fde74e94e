/**
 * RFC 8058 one-click unsubscribe: mail clients POST to the List-Unsubscribe address without
 * asking anyone, so the route acts on POST only (a GET from a link scanner changes nothing; the
 * web page /unsubscribe asks first and then calls the same use case through GraphQL).
 */
import type { FastifyInstance } from 'fastify';
import { unsubscribe } from './unsubscribe.js';

/** Registered without fastify-plugin: the form parser stays in this route's scope. */
export default async function mailRoutes(app: FastifyInstance) {
  // Mail clients send the body "List-Unsubscribe=One-Click" as a form; the token is in the URL.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  // A bad token is an AppError (TOKEN_INVALID), which the app's error handler answers with 400.
  app.post<{ Querystring: { token?: string } }>('/api/unsubscribe', async (request) => {
    const topic = await unsubscribe(app, String(request.query.token ?? ''));
    return { unsubscribed: topic };
  });
}
