/**
 * RFC 8058 one-click unsubscribe: mail clients POST to the List-Unsubscribe address without
 * asking anyone, so the route acts on POST only. A GET (a person who opened the address, or a link
 * scanner) changes nothing: it is sent on to the web page /unsubscribe, in the recipient's
 * language, which asks first and then calls the same use case through GraphQL.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unsubscribe, unsubscribePagePath } from './unsubscribe.js';

/** "List-Unsubscribe=One-Click" and a multipart boundary take a few hundred bytes. */
const FORM_LIMIT = 4096;

/** Registered without fastify-plugin: the form parser stays in this route's scope. */
export default async function mailRoutes(app: FastifyInstance) {
  // Mail clients send the body "List-Unsubscribe=One-Click" as a URL-encoded or a multipart form;
  // the token is in the URL. The body is read whole, at most FORM_LIMIT bytes (413 beyond), and
  // parsed by Node's own WHATWG FormData, so nothing streams unbounded and no file is kept.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'buffer', bodyLimit: FORM_LIMIT },
    async (request: FastifyRequest, body: Buffer) => {
      try {
        return await new Response(body, {
          headers: { 'content-type': request.headers['content-type'] ?? '' },
        }).formData();
      } catch {
        throw Object.assign(new Error('The form could not be read'), { statusCode: 400 });
      }
    },
  );
  // A bad token is an AppError (TOKEN_INVALID), which the app's error handler answers with 400.
  app.post<{ Querystring: { token?: string } }>('/api/unsubscribe', async (request) => {
    const topic = await unsubscribe(app, String(request.query.token ?? ''));
    return { unsubscribed: topic };
  });
  app.get<{ Querystring: { token?: string } }>('/api/unsubscribe', async (request, reply) => {
    const path = await unsubscribePagePath(app, String(request.query.token ?? ''));
    return reply.header('cache-control', 'no-store').redirect(path, 303);
  });
}
