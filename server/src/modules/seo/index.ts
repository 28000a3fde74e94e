/**
 * What search engines read about the service as a whole: robots.txt and the sitemap of the public
 * pages (each published course and student pool, open need and organisation with either, in
 * Finnish, Swedish and English). Reads offers', needs' and organisations' tables; writes nothing.
 * (Each page's own head and structured data are the web app's: web/src/shared/seo.)
 */
export { default as seoRoutes } from './routes.js';
export { robotsTxt, urlSetXml, sitemapIndexXml, MAX_URLS_PER_FILE, PUBLIC_PAGES, URLS_PER_FILE } from './sitemap.js';
