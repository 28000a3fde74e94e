import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Serves the built web app. Any other GET that asks for HTML gets index.html, so the client
 * router handles deep links such as /organisations/…; API paths keep their 404 (the app's one).
 */
export default fp(
  async (app, opts: { root: string; sourceMaps: boolean }) => {
    if (!existsSync(join(opts.root, 'index.html'))) {
      app.log.warn({ root: opts.root }, 'The web app is not built (npm run build); serving the API only');
      return;
    }
    await app.register(fastifyStatic, {
      root: opts.root,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each compressible asset (web/vite.config.ts); sent with Vary.
      preCompressed: true,
      // Source maps give the original code away: a development build may serve them, production never.
      allowedPath: (path) => opts.sourceMaps || !/\.map(\.br|\.gz)?$/.test(path),
      // Hashed assets never change; index.html must always be fresh.
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // The page carries this response's CSP nonce (helmet makes one for these routes) in a meta tag,
    // where react-aria reads it for the <style> elements it adds; the policy allows no other inline
    // style. Read on each request, as sendFile did: a rebuilt app is served without a restart.
    const sendIndex = async (reply: import('fastify').FastifyReply) => {
      const html = await readFile(join(opts.root, 'index.html'), 'utf8');
      const meta = `<meta property="csp-nonce" nonce="${reply.cspNonce.style}" />`;
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(html.replace('<head>', `<head>\n    ${meta}`));
    };
    const withNonce = { helmet: { enableCSPNonces: true } };
    app.get('/', withNonce, (_request, reply) => sendIndex(reply));
    app.get('/*', withNonce, (request, reply) => {
      const path = request.url.split('?')[0]!;
      const isApi = /^\/(graphql|api|calendar)(\/|$)/.test(path) || path === '/healthz' || path === '/readyz';
      const wantsHtml = (request.headers.accept ?? '').includes('text/html');
      const looksLikeFile = /\.[a-z0-9]+$/i.test(path);
      if (isApi || looksLikeFile || !wantsHtml) return reply.callNotFound();
      return sendIndex(reply);
    });
  },
  { name: 'web' },
);
