import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { localeTextParts } from './localeTextParts.ts';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|ttf|otf|eot)$/;

/**
 * Brotli (quality 11) and gzip (level 9) copies of every compressible file of the client build
 * over 1 KB, written beside it (`x.js.br`, `x.js.gz`), for @fastify/static's `preCompressed`: the
 * server sends them as they are, so the best (slowest) settings cost nothing per request. A copy
 * that is not smaller is not kept. Done with node's zlib: no plugin to keep up with Vite's majors.
 */
function precompress(): Plugin {
  let outDir = '';
  let ssr = false;
  return {
    name: 'keskusvaraamo:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
      ssr = !!config.build.ssr;
    },
    async closeBundle() {
      if (ssr) return;
      const walk = async (dir: string): Promise<string[]> =>
        (
          await Promise.all(
            (await readdir(dir, { withFileTypes: true })).map((entry) =>
              entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
            ),
          )
        ).flat();
      const files = (await walk(outDir)).filter((file) => COMPRESSIBLE.test(file));
      const br = promisify(brotliCompress);
      const gz = promisify(gzip);
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < 1024) return;
          const body = await readFile(file);
          const [brotli, gzipped] = await Promise.all([
            br(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gz(body, { level: 9 }),
          ]);
          if (brotli.length < body.length) await writeFile(`${file}.br`, brotli);
          if (gzipped.length < body.length) await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}

// The API runs on the Fastify server; in development Vite forwards to it so that the app and
// the API share one origin, as in production (the refresh cookie is SameSite=Strict).
const api = 'http://localhost:3000';

/**
 * The stylesheet before the scripts in `<head>`. Vite writes it last, after the entry and a
 * modulepreload for each of its chunks, so the browser asked for the one file that blocks the
 * first paint after some twenty scripts that do not: on a slow connection the page appeared only
 * once they had all arrived. (Measured with Lighthouse's mobile simulation: FCP 2.7 s before.)
 */
function stylesFirst(): Plugin {
  return {
    name: 'keskusvaraamo:styles-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const styles = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        const rest = styles.reduce((page, style) => page.replace(style, ''), html);
        const at = rest.search(/[ \t]*<script type="module"/);
        if (styles.length === 0 || at < 0) return html;
        return `${rest.slice(0, at)}${styles.map((style) => style.trimEnd()).join('\n')}\n${rest.slice(at)}`;
      },
    },
  };
}

/**
 * React Router publishes a production build beside the development one, but its package exports
 * only the development build (its own Vite plugin, for framework mode, swaps them). A production
 * build of the app takes the production build: without the development warnings. Both entry points
 * are swapped, so that the app and `react-router/dom` share one copy of the router's contexts.
 */
function reactRouterProduction(): { find: RegExp; replacement: string }[] {
  const dist = join(import.meta.dirname, '../node_modules/react-router/dist/production');
  return [
    { find: /^react-router$/, replacement: join(dist, 'index.mjs') },
    { find: /^react-router\/dom$/, replacement: join(dist, 'dom-export.mjs') },
  ];
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), localeTextParts(), stylesFirst(), precompress()],
  resolve: { alias: mode === 'production' ? reactRouterProduction() : [] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the build: the server would hand the original source to anyone (it also
    // refuses *.map in production). Debug with `npm run dev`, which serves them from memory.
    sourcemap: false,
    // No polyfill for <link rel=modulepreload> in the first chunk: every browser since 2023 has it
    // (Safari 17, Firefox 115), and one without it still loads each module as it is imported, only
    // without fetching the deeper ones ahead. Half a kilobyte less before every page's first render.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // React and the router change less often than the app: their chunk stays cached across
        // releases. Every other library goes with the routes that use it (routes.tsx loads each page
        // lazily), so the report's charts and map (Recharts, d3) are in its chunks only and the
        // public pages don't load the forms' libraries. (A catch-all vendor group would put every
        // library in the first load again.)
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // What every page's first load needs besides React, the libraries and the app's own chunk:
            // the session, GraphQL and i18n plumbing, the live notifications, and the few react-aria
            // utilities the frame uses, the error alert and the kinds and places every listing names.
            // Left to the bundler they were some ten chunks of about a kilobyte each (shared with later
            // pages), each a request with its own headers.
            {
              name: 'app',
              test: /web[\\/]src[\\/](shared[\\/]((graphql|session|i18n)[\\/]|ui[\\/]ErrorAlert)|features[\\/](notifications|conversations)[\\/]operations[\\/]|features[\\/]notifications[\\/]components[\\/]LiveNotifications)|shared[\\/]dist[\\/](roles|errors|marketplaceKinds|municipalities|data[\\/]municipalities)|react-aria[\\/]dist[\\/]private[\\/](utils[\\/](openLink|platform|focusWithoutScrolling)|ssr[\\/]SSRProvider)/,
              // Only these modules: with their dependencies the group took in the preload helper, and
              // with it the entry imported the whole chunk before the first paint.
              includeDependenciesRecursively: false,
            },
            // The parts of react-aria that most interactive pages share (pressing, focus, labels, text and
            // search fields, headings, disclosures): one chunk, where the bundler made some ten of
            // 0.2-37 KB, each a request a page asked for in one go at its start (0.5-0.7 ms of the
            // main thread each in Chromium).
            {
              name: 'aria',
              test: /node_modules[\\/](react-aria[\\/]dist[\\/]private[\\/]((interactions|live-announcer|label|form|textfield|disclosure|utils)[\\/]|i18n[\\/]useLocalizedStringFormatter)|react-aria-components[\\/]dist[\\/]private[\\/](utils|Button|Text|Heading|Input|Group|Label|FieldError|Form|Disclosure|Autocomplete)\.mjs|react-stately[\\/]dist[\\/]private[\\/](form|disclosure|utils)[\\/]|@internationalized[\\/]string[\\/])/,
              includeDependenciesRecursively: false,
            },
            // What the public listings share (search results, a course, a pool, an organisation): the
            // topics, hyphenation, empty states and paging, one chunk instead of eight of 0.2-6 KB.
            // Nothing of react-aria: a course page uses none of it, nor does the search page start with it.
            {
              name: 'listing',
              test: /web[\\/]src[\\/]shared[\\/](hyphenation[\\/]Hyphenated|ui[\\/](TopicList|EmptyState|LoadMoreButton|CursorPagedList)|utils[\\/]cursorPages)|shared[\\/]dist[\\/](topics|data[\\/]topics)|node_modules[\\/]hyphen[\\/](hyphen|export-contract)\.js/,
              includeDependenciesRecursively: false,
            },
            // zod in one chunk of its own, cached across releases, loaded by the pages with forms
            // (src/csp.ts turns its eval probe off without importing it).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
      // Calendar files, the participant CSV and the personal calendar feed.
      '/api': api,
      '/calendar': api,
      // robots.txt and the sitemap are the server's (server/src/modules/seo).
      '/robots.txt': api,
      '/sitemap.xml': api,
      '/sitemaps/': api,
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
      // Calendar files, the participant CSV and the personal calendar feed.
      '/api': api,
      '/calendar': api,
      // robots.txt and the sitemap are the server's (server/src/modules/seo).
      '/robots.txt': api,
      '/sitemap.xml': api,
      '/sitemaps/': api,
    },
  },
}));
