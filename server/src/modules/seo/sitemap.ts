/**
 * sitemap.xml and robots.txt as text, from plain data (no database): the sitemap protocol
 * (sitemaps.org 0.9) with Google's `xhtml:link rel="alternate" hreflang` for each language's
 * address, and a robots.txt that keeps crawlers out of the signed-in parts of the app.
 */
import { LOCALES, localizedPath } from '@keskusvaraamo/shared';

/** The sitemap protocol's limit per file (and 50 MB uncompressed). */
export const MAX_URLS_PER_FILE = 50_000;
/**
 * Addresses per file here: with four alternates each, 50,000 make ~32 MB of XML and took 1.3 s to
 * write on 100k needs; 12,000 make ~7.7 MB, so a crawler's request stays light.
 */
export const URLS_PER_FILE = 12_000;

/** The public pages that are not items: landing, search, the public results, the legal pages. */
export const PUBLIC_PAGES = ['/', '/search', '/results', '/privacy', '/accessibility', '/contact'] as const;

export interface SitemapPage {
  /** The page's path without a language prefix (`/offers/…`). */
  path: string;
  lastmod?: string;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** One `<url>` per language address, each naming all of them (and Finnish as x-default). */
function urlEntries(page: SitemapPage, publicUrl: string): string {
  const addresses = LOCALES.map((locale) => [locale, `${publicUrl}${localizedPath(locale, page.path)}`] as const);
  const alternates = [...addresses, ['x-default', `${publicUrl}${localizedPath('fi', page.path)}`] as const]
    .map(([lang, href]) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href)}"/>`)
    .join('\n');
  const lastmod = page.lastmod ? `\n    <lastmod>${escapeXml(page.lastmod)}</lastmod>` : '';
  return addresses
    .map(([, href]) => `  <url>\n    <loc>${escapeXml(href)}</loc>${lastmod}\n${alternates}\n  </url>`)
    .join('\n');
}

/** A `<urlset>` of the pages, each in every language (so at most a third of the limit of pages). */
export function urlSetXml(pages: readonly SitemapPage[], publicUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...pages.map((page) => urlEntries(page, publicUrl)),
    '</urlset>',
    '',
  ].join('\n');
}

/** A `<sitemapindex>` of the sitemap files at these paths. */
export function sitemapIndexXml(paths: readonly string[], publicUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((path) => `  <sitemap>\n    <loc>${escapeXml(`${publicUrl}${path}`)}</loc>\n  </sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * The signed-in and one-off parts of the app (and the API), in each language. Robots rules match
 * by prefix; `$` ends a rule (Google, Bing), so `/organisations$` is the member's own list while
 * `/organisations/…`, an organisation's public page, stays open.
 */
const PRIVATE_PATHS = [
  '/account',
  '/my/',
  '/admin',
  '/coordinator',
  '/notifications',
  '/organisations$',
  '/conversations',
  '/applications/',
  '/proposals/',
  '/sessions/',
  '/pools',
  '/unmet-demand',
  '/reports',
  '/needs/new',
  '/needs/*/edit',
  '/needs/*/applicants',
  '/offers/new',
  '/offers/*/edit',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/invitations/',
  '/bookings/',
  '/unsubscribe',
  '/dev/',
];

/** Paths that are not pages at all: the API, calendar feeds, GraphiQL. */
const API_PATHS = ['/api/', '/graphql', '/graphiql', '/calendar/'];

export function robotsTxt(publicUrl: string): string {
  const disallowed = [...API_PATHS, ...LOCALES.flatMap((locale) => PRIVATE_PATHS.map((p) => localizedPath(locale, p)))];
  return [
    '# Osaamisen keskusvaraamo: the public pages are open to crawlers; signed-in pages and the API are not.',
    'User-agent: *',
    'Allow: /',
    ...disallowed.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
