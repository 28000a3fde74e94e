import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import { localeOfPath, type Locale } from '@keskusvaraamo/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { importAsProduction } from '../config.js';

/** What the web app's server entry (web/src/entry-server.tsx, built to web/dist-ssr) exports. */
interface ServerEntry {
  render(request: {
    url: string;
    locale: Locale;
    publicUrl: string;
    graphql: (body: string) => Promise<{ status: number; body: string }>;
    signal: AbortSignal;
  }): Promise<{ status: number; head: string; html: string; data: string } | null>;
}

/** A render that takes longer than this is abandoned: the visitor gets the shell, which works. */
export const RENDER_TIMEOUT_MS = 3000;

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * A hashed script, stylesheet or font of the build (with its pre-compressed copies' query-less path).
 * Not a worker's script (`<name>.worker-<hash>.js`, built from web/src's `*.worker.ts`): a worker runs
 * under the policy its own script is sent with, so that one keeps every header.
 */
const SUBRESOURCE_ASSET = /^\/assets\/(?![^/?#]*\.worker-)[^/?#]+\.(js|mjs|css|woff2?)(\?|$)/;
/** The content types such a file is sent with. */
const SUBRESOURCE_TYPE = /^(application\/javascript|text\/javascript|text\/css|font\/)/;
/**
 * Security headers that only act on a document, the log's request id, and the validators: a hashed
 * file never changes, and is cached as immutable, so a browser never asks whether it has.
 */
const DOCUMENT_ONLY_HEADERS = [
  'etag',
  'last-modified',
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'x-request-id',
];

async function loadServerEntry(app: FastifyInstance, file: string): Promise<ServerEntry | null> {
  if (!existsSync(file)) {
    app.log.warn({ file }, 'The server renderer is not built (npm run build -w web): pages are served as the shell');
    return null;
  }
  // React's production build, whatever NODE_ENV says (see importAsProduction).
  return importAsProduction(async () => (await import(pathToFileURL(file).href)) as ServerEntry);
}

/** `sha256-…` of a style attribute's value, as CSP's 'unsafe-hashes' matches it. */
const styleHash = (value: string) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`;

/** Undoes the HTML escaping React applies to attribute values (the hash is of the value itself). */
const unescapeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The policy forbids inline styles; a server-rendered page carries the few `style` attributes
 * React renders (react-aria's visually hidden elements, a bar's width). Exactly those are allowed
 * by their hashes for this response, as CSP Level 3's `style-src-attr 'unsafe-hashes'` provides;
 * once hydrated, React sets styles through the CSSOM, which the policy does not restrict.
 */
function allowStyleAttributes(reply: FastifyReply, html: string): void {
  const values = new Set<string>();
  for (const match of html.matchAll(/ style="([^"]*)"/g)) values.add(unescapeAttribute(match[1]!));
  if (values.size === 0) return;
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  const hashes = [...values].map(styleHash).join(' ');
  reply.header('content-security-policy', `${policy};style-src-attr 'unsafe-hashes' ${hashes}`);
}

/**
 * Serves the built web app. The public pages (landing, search, a course or pool, a need, an
 * organisation, the results, the legal pages — in each language) are rendered on the server with
 * their data (web/src/entry-server.tsx), then hydrated; any other GET that asks for HTML gets the
 * shell (index.html), and the client router handles it. API paths keep their 404 (the app's one).
 */
export default fp(
  async (app, opts: { root: string; sourceMaps: boolean; serverEntry?: string }) => {
    if (!existsSync(join(opts.root, 'index.html'))) {
      app.log.warn({ root: opts.root }, 'The web app is not built (npm run build); serving the API only');
      return;
    }
    const entry = await loadServerEntry(app, opts.serverEntry ?? join(opts.root, '..', 'dist-ssr', 'entry-server.js'));
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

    // A script, stylesheet or font of the build is never a document: the headers that only act on a
    // document (its policy, framing, referrer, opener) are left off them, which on a page of some
    // twenty scripts over HTTP/1.1 is about 15 KB less on the first visit. Kept: `nosniff` and the
    // resource policy, which do act on them. Anything else (an SVG can be opened as a document) keeps all.
    app.addHook('onSend', async (request, reply, payload) => {
      // Only the file itself: a missing asset's answer (an error page, perhaps HTML) keeps them all.
      const type = String(reply.getHeader('content-type') ?? '');
      if (!SUBRESOURCE_ASSET.test(request.url) || !SUBRESOURCE_TYPE.test(type)) return payload;
      for (const header of DOCUMENT_ONLY_HEADERS) reply.removeHeader(header);
      return payload;
    });

    /**
     * GraphQL for the renderer, in this process (no socket): as a visitor (no cookie, no token), in
     * the page's language, counted against the visitor's own address by the rate limit as the
     * browser's requests would be.
     */
    const graphqlFor = (request: FastifyRequest, locale: Locale) => async (body: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale },
        remoteAddress: request.ip,
        payload: body,
      });
      return { status: response.statusCode, body: response.body };
    };

    /** The page's HTML and head, or null (not a public page, or the render failed or took too long). */
    const renderPage = async (request: FastifyRequest, locale: Locale) => {
      if (!entry) return null;
      const started = performance.now();
      const signal = AbortSignal.timeout(RENDER_TIMEOUT_MS);
      try {
        // The renderer stops at the signal; the race makes sure the answer never waits longer.
        const result = await Promise.race([
          entry.render({
            url: request.url,
            locale,
            publicUrl: app.config.publicUrl,
            graphql: graphqlFor(request, locale),
            signal,
          }),
          new Promise<never>((_, reject) => {
            signal.addEventListener('abort', () => reject(new Error(`render took over ${RENDER_TIMEOUT_MS} ms`)));
          }),
        ]);
        if (result) request.log.debug({ renderMs: Math.round(performance.now() - started) }, 'page rendered');
        return result;
      } catch (error) {
        // The shell still works; the error by its type and stack (a render touches no personal data
        // of the visitor: it runs as a visitor, and the URL's query is not logged).
        request.log.error({ err: error }, 'server rendering failed; sending the shell');
        return null;
      }
    };

    // The page carries this response's CSP nonce (helmet makes one for these routes) in a meta tag,
    // where react-aria reads it for the <style> elements it adds; the policy allows no other inline
    // style. Read on each request, as sendFile did: a rebuilt app is served without a restart.
    const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0]!;
      const locale = localeOfPath(path);
      const [template, page] = await Promise.all([
        readFile(join(opts.root, 'index.html'), 'utf8'),
        renderPage(request, locale),
      ]);
      const meta = `<meta property="csp-nonce" nonce="${reply.cspNonce.style}" />`;
      // Replaced by functions: a page's text may hold `$&` and the like, which a replacement string would expand.
      let html = template
        .replace(/<html lang="[a-z]+"/, () => `<html lang="${locale}"`)
        .replace('<head>', () => `<head>\n    ${meta}`);
      if (page) {
        // The page's own title and description replace the shell's.
        html = html
          .replace(/<title>.*?<\/title>/s, '')
          .replace(/<meta\s+name="description"[^>]*>/s, '')
          .replace('</head>', () => `    ${page.head}\n  </head>`)
          .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>`)
          .replace(
            '</body>',
            () => `  <script type="application/json" id="ssr-state">${page.data}</script>\n  </body>`,
          );
        allowStyleAttributes(reply, page.html);
      }
      return reply
        .code(page?.status ?? 200)
        .header('cache-control', 'no-cache')
        .header('content-language', locale)
        .type(HTML_TYPE)
        .send(html);
    };
    const withNonce = { helmet: { enableCSPNonces: true } };
    app.get('/', withNonce, (request, reply) => sendPage(request, reply));
    app.get('/*', withNonce, (request, reply) => {
      const path = request.url.split('?')[0]!;
      const isApi = /^\/(graphql|api|calendar)(\/|$)/.test(path) || path === '/healthz' || path === '/readyz';
      const wantsHtml = acceptsHtml(request.headers.accept);
      const looksLikeFile = /\.[a-z0-9]+$/i.test(path);
      if (isApi || looksLikeFile || !wantsHtml) return reply.callNotFound();
      return sendPage(request, reply);
    });
  },
  { name: 'web' },
);

/**
 * Whether a client takes a page: a browser says text/html, and many link-preview and feed bots say
 * nothing or "any type"; a client asking only for JSON (an API caller's mistaken path) gets the JSON 404.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  const value = (accept ?? '').toLowerCase();
  return value.trim() === '' || value.includes('text/html') || value.includes('*/*') || value.includes('text/*');
}
