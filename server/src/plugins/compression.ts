import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/**
 * Compression of the dynamic responses: GraphQL JSON, server-rendered HTML, the CSV and ICS
 * downloads, the data export, robots.txt and sitemap.xml. Brotli where the client takes it, else
 * gzip; nothing under 1 KB (the headers and the encoder's framing would eat the gain).
 *
 * - Brotli at quality 5: per response, on the request's own time, so speed matters more than the
 *   last few per cent (quality 11, zlib's default, took 35× as long on a 29 KB script; the static assets are
 *   compressed at build time with quality 11 instead, see web/vite.config.ts).
 * - The built assets are served by @fastify/static from their pre-compressed `.br`/`.gz` copies
 *   (plugins/web.ts, `preCompressed`): a response that already has a Content-Encoding is left alone.
 * - Nothing here streams to be read as it comes (no server-sent events: live notifications are a
 *   GraphQL subscription over a WebSocket, which takes over the socket and is not a reply, so no
 *   hook of this plugin runs on it); `text/event-stream` would never be compressed anyway.
 * - Registered before the routes: it adds its hook to each route as the route is declared.
 */
export default fp(
  async (app) => {
    // A built file is sent as the build left it: the compressible ones over 1 KB from their copies,
    // the rest (small files, images) as they are. @fastify/static marks its routes with the file.
    app.addHook('onRoute', (route) => {
      if (typeof (route.config as { file?: unknown } | undefined)?.file === 'string') route.compress = false;
    });
    await app.register(compress, {
      global: true,
      encodings: ['br', 'gzip'],
      threshold: 1024,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
      zlibOptions: { level: 6 },
    });
  },
  { name: 'compression' },
);
