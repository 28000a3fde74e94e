/**
 * The server renderer: the public pages rendered with their data from the same components the
 * browser runs, then hydrated by main.tsx. Built by `vite build --ssr` into web/dist-ssr and
 * loaded by the server (server/src/plugins/web.ts), which hands in GraphQL executed in its own
 * process as a visitor.
 */
import { LOCALE_PREFIXES, stripLocale, type Locale } from '@keskusvaraamo/shared';
import { PassThrough } from 'node:stream';
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { matchRoutes, StaticRouter } from 'react-router';
import { ssrExchange } from 'urql';
import { AppProviders } from './app/providers';
import { AppRoutes } from './app/router';
import { matchedPageIds, routes } from './app/routes';
import { GraphqlSetupProvider } from './shared/graphql';
import { loadAllHyphenation } from './shared/hyphenation';
import { createI18n, type LocaleResources } from './shared/i18n';
import { splitTexts } from './shared/i18n/textSplit';
import { headHtml, headTags, SeoProvider, type HeadCollector, type ResolvedMeta } from './shared/seo';
import { SSR_STATE_ID, type SsrState } from './ssrState';
import { jsonForScript } from './shared/utils/jsonForScript';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

/** All three languages' texts: one i18n instance per request, in the page's language. */
const RESOURCES: LocaleResources = { fi, sv, en };

/** Each language's first part of the texts (textSplit.ts), sent with the page it renders. */
const FIRST_TEXTS = { fi: splitTexts(fi).first, sv: splitTexts(sv).first, en: splitTexts(en).first };

export { SSR_STATE_ID };

export interface RenderRequest {
  /** The request's path and query, with the language prefix. */
  url: string;
  locale: Locale;
  /** The service's public origin (config.publicUrl): canonical and alternate addresses. */
  publicUrl: string;
  /** Executes a GraphQL request body (JSON) as a visitor, in the page's language. */
  graphql: (body: string) => Promise<{ status: number; body: string }>;
  /** Aborts the render (the server's time limit): the promise rejects and the shell is sent. */
  signal?: AbortSignal;
}

export interface RenderResult {
  status: number;
  /** The page's head elements (title, description, canonical, alternates, Open Graph, JSON-LD). */
  head: string;
  /** The app's HTML, for inside #root. */
  html: string;
  /** The state for hydration (SsrState as JSON, `<` escaped): for `<script type="application/json">`. */
  data: string;
}

/**
 * The pages rendered on the server, as route patterns without the language prefix; every other
 * page (the signed-in areas, forms with tokens in the address) is served as the shell. `*` is the
 * not-found page, sent with 404.
 */
const PUBLIC_PAGES = new Set([
  '',
  'search',
  'results',
  'offers/:id',
  'needs/:id',
  'organisations/:id',
  'privacy',
  'accessibility',
  'contact',
  '*',
]);

/** The routes an address (with or without its language prefix, query or fragment) matches. */
function routeMatches(url: string) {
  return matchRoutes(routes, stripLocale(url).split(/[?#]/)[0]!);
}

/** Whether matched routes are a public page's (their pattern, e.g. `offers/:id`, is in PUBLIC_PAGES). */
function isPublicPage(matches: ReturnType<typeof routeMatches>): matches is NonNullable<typeof matches> {
  if (!matches) return false;
  const pattern = matches
    .map((match) => match.route.path)
    .filter((part): part is string => Boolean(part))
    .join('/');
  return PUBLIC_PAGES.has(pattern);
}

/** JSON for inside a `<script>` element: no `<` that could close it or open a comment. */
export const scriptJson = jsonForScript;

/** Renders a public page, or answers null for a page the browser renders (the shell is sent). */
export async function render(request: RenderRequest): Promise<RenderResult | null> {
  const { locale, publicUrl, signal } = request;
  const matches = routeMatches(request.url);
  if (!isPublicPage(matches)) return null;

  const ssr = ssrExchange({ isClient: false });
  let failure: unknown = null;
  const graphqlFetch: typeof fetch = async (_input, init) => {
    const response = await request.graphql(String(init?.body));
    // Over a limit or failing: the browser tries again itself, so the shell is the better answer.
    if (response.status !== 200) failure ??= new Error(`GraphQL answered ${response.status}`);
    return new Response(response.body, { status: response.status, headers: { 'content-type': 'application/json' } });
  };
  const collected: { meta: ResolvedMeta | null } = { meta: null };
  const collector: HeadCollector = {
    collect: (page) => {
      collected.meta = page;
    },
  };
  const i18n = createI18n(locale, RESOURCES);
  // The page's long words are hyphenated in its HTML (once loaded, the patterns stay).
  await loadAllHyphenation();

  const { prelude } = await prerenderToNodeStream(
    <I18nextProvider i18n={i18n}>
      <SeoProvider value={{ publicUrl, collector }}>
        <GraphqlSetupProvider value={{ ssr, suspense: true, fetch: graphqlFetch }}>
          <AppProviders>
            <StaticRouter location={request.url} basename={LOCALE_PREFIXES[locale] || '/'}>
              <AppRoutes />
            </StaticRouter>
          </AppProviders>
        </GraphqlSetupProvider>
      </SeoProvider>
    </I18nextProvider>,
    {
      signal,
      // Every Suspense boundary inline, whatever its size: React otherwise sends a large one after
      // the rest with an inline script to put it in place, and the Content-Security-Policy allows
      // no inline script.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      // An error inside the page would leave it to the browser to render that part: send the shell instead.
      onError: (error) => {
        failure ??= error;
      },
    },
  );
  const html = await readAll(prelude);
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  const { meta } = collected;
  if (!meta) throw new Error('A server-rendered page declared no PageMeta');

  const state: SsrState = {
    publicUrl,
    urql: ssr.extractData(),
    texts: FIRST_TEXTS[locale],
    pages: matchedPageIds(matches),
  };
  return {
    status: meta.notFound ? 404 : 200,
    head: headHtml(headTags(meta)),
    html,
    data: scriptJson(state),
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream.pipe(new PassThrough())) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
