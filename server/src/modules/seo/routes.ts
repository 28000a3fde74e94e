/**
 * `GET /robots.txt` and `GET /sitemap.xml`. The sitemap is one file while its addresses fit one
 * file (12,000, within the protocol's 50,000); past that it is an index of files
 * (`/sitemaps/pages.xml`, `/sitemaps/offers-1.xml`, …), each kind paged by id. Crawlers may cache
 * both for an hour.
 */
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { LOCALES } from '@keskusvaraamo/shared';
import { SITEMAP_KINDS, sitemapCounts, sitemapItems, type SitemapKind } from './queries.js';
import { PUBLIC_PAGES, robotsTxt, sitemapIndexXml, URLS_PER_FILE, urlSetXml, type SitemapPage } from './sitemap.js';

const PATHS: Record<SitemapKind, (id: string) => string> = {
  offers: (id) => `/offers/${id}`,
  needs: (id) => `/needs/${id}`,
  organisations: (id) => `/organisations/${id}`,
};

const FILE = /^(?:(pages)|(offers|needs|organisations)-([1-9][0-9]{0,6}))\.xml$/;

export default fp(
  async (app, opts: { maxUrlsPerFile?: number } = {}) => {
    /** Pages (items) per file: each is listed once per language. */
    const perFile = Math.floor((opts.maxUrlsPerFile ?? URLS_PER_FILE) / LOCALES.length);
    const { publicUrl } = app.config;
    const staticPages: SitemapPage[] = PUBLIC_PAGES.map((path) => ({ path }));

    const xml = (reply: FastifyReply, body: string) =>
      reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);

    const itemPages = async (kind: SitemapKind, offset: number, limit: number): Promise<SitemapPage[]> =>
      (await sitemapItems(app.db, kind, { offset, limit })).map((item) => ({
        path: PATHS[kind](item.id),
        lastmod: item.lastmod,
      }));

    app.get('/robots.txt', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(robotsTxt(publicUrl)),
    );

    app.get('/sitemap.xml', async (_request, reply) => {
      const counts = await sitemapCounts(app.db);
      const total = staticPages.length + SITEMAP_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
      if (total <= perFile) {
        const items = await Promise.all(SITEMAP_KINDS.map((kind) => itemPages(kind, 0, counts[kind])));
        return xml(reply, urlSetXml([...staticPages, ...items.flat()], publicUrl));
      }
      const files = [
        '/sitemaps/pages.xml',
        ...SITEMAP_KINDS.flatMap((kind) =>
          Array.from({ length: Math.ceil(counts[kind] / perFile) }, (_, i) => `/sitemaps/${kind}-${i + 1}.xml`),
        ),
      ];
      return xml(reply, sitemapIndexXml(files, publicUrl));
    });

    app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
      const match = FILE.exec(request.params.file);
      if (!match) return reply.callNotFound();
      if (match[1]) return xml(reply, urlSetXml(staticPages, publicUrl));
      const kind = match[2] as SitemapKind;
      const pages = await itemPages(kind, (Number(match[3]) - 1) * perFile, perFile);
      if (pages.length === 0) return reply.callNotFound();
      return xml(reply, urlSetXml(pages, publicUrl));
    });
  },
  { name: 'seo', dependencies: ['database'] },
);
