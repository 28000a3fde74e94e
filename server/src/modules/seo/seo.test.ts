/**
 * robots.txt and sitemap.xml over HTTP: the sitemap lists what a visitor can open, each in
 * Finnish, Swedish and English with its alternates, and nothing else; past the protocol's limit
 * it becomes an index of bounded files.
 */
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildNeed, buildOrganisation, buildUser } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/helper.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import seoRoutes from './routes.js';

const PUBLIC_URL = 'http://localhost:3000';

let app: TestApp;
let course: { id: string; org: { id: string } };
let draft: { id: string; org: { id: string } };
let archived: { id: string };
let pool: { id: string };
let openNeed: { id: string };
let closedNeed: { id: string };
let draftNeed: { id: string };
let lonelyOrg: { id: string };
let companyWithOpenNeed: { id: string };

beforeAll(async () => {
  app = await buildTestApp();
  course = await buildCourse(app, { title: 'Aurinkosähkö' });
  draft = await buildCourse(
    app,
    { title: 'Luonnos' },
    { publish: false, organisation: await buildOrganisation(app, { kind: 'EDUCATIONAL' }) },
  );
  archived = await buildCourse(app, { title: 'Arkistoitu' });
  await app.db.update(offers).set({ state: 'ARCHIVED', archivedAt: new Date() }).where(eq(offers.id, archived.id));
  pool = await buildCourse(
    app,
    {
      kind: 'STUDENT_POOL',
      title: 'Opiskelijaryhmä',
      studentCount: 12,
      periodStart: '2027-01-01',
      periodEnd: '2027-05-31',
      placementKinds: ['INTERNSHIP'],
      studyLevel: 'VOCATIONAL',
      fieldOfStudy: 'Sähkö',
    } as never,
    { sessions: [] },
  );
  const owner = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  const company = await buildOrganisation(app, { owner });
  companyWithOpenNeed = company;
  openNeed = await buildNeed(app, { organisationId: company.id }, { owner });
  closedNeed = await buildNeed(app, {}, {});
  await app.db.update(needs).set({ state: 'CLOSED', closedAt: new Date() }).where(eq(needs.id, closedNeed.id));
  draftNeed = await buildNeed(app, {}, { publish: false });
  lonelyOrg = await buildOrganisation(app);
});
afterAll(() => app.closeAndDrop());

/** The `<loc>`s of a urlset. */
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe('sitemap.xml', () => {
  it('is XML with every language address of a published course, each naming its alternates', async () => {
    const response = await app.inject('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const xml = response.body;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /);
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const urls = locs(xml);
    for (const prefix of ['', '/sv', '/en']) expect(urls).toContain(`${PUBLIC_URL}${prefix}/offers/${course.id}`);

    const entry = xml.split('<url>').find((u) => u.includes(`<loc>${PUBLIC_URL}/sv/offers/${course.id}</loc>`))!;
    expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
    for (const [lang, prefix] of [
      ['fi', ''],
      ['sv', '/sv'],
      ['en', '/en'],
      ['x-default', ''],
    ])
      expect(entry).toContain(
        `<xhtml:link rel="alternate" hreflang="${lang}" href="${PUBLIC_URL}${prefix}/offers/${course.id}"/>`,
      );
  });

  it("dates a course by its last change, its sessions' included", async () => {
    await app.db
      .update(offers)
      .set({ updatedAt: new Date('2020-01-02T03:04:05Z') })
      .where(eq(offers.id, course.id));
    await app.db
      .update(courseSessions)
      .set({ createdAt: new Date('2021-06-07T08:09:10Z') })
      .where(eq(courseSessions.offerId, course.id));
    const xml = (await app.inject('/sitemap.xml')).body;
    const entry = xml.split('<url>').find((u) => u.includes(`<loc>${PUBLIC_URL}/offers/${course.id}</loc>`))!;
    expect(entry).toContain('<lastmod>2021-06-07T08:09:10Z</lastmod>');
    await app.db
      .update(courseSessions)
      .set({ cancelledAt: new Date('2022-01-01T00:00:00Z') })
      .where(eq(courseSessions.offerId, course.id));
    const later = (await app.inject('/sitemap.xml')).body;
    expect(later).toContain(
      `<loc>${PUBLIC_URL}/en/offers/${course.id}</loc>\n    <lastmod>2022-01-01T00:00:00Z</lastmod>`,
    );
  });

  it('lists the public pages, a student pool, an open need and organisations with published content', async () => {
    const urls = locs((await app.inject('/sitemap.xml')).body);
    for (const path of ['', '/search', '/results', '/privacy', '/accessibility', '/contact'])
      expect(urls).toContain(`${PUBLIC_URL}${path || '/'}`);
    expect(urls).toContain(`${PUBLIC_URL}/sv`);
    expect(urls).toContain(`${PUBLIC_URL}/en/search`);
    expect(urls).toContain(`${PUBLIC_URL}/en/offers/${pool.id}`);
    expect(urls).toContain(`${PUBLIC_URL}/needs/${openNeed.id}`);
    expect(urls).toContain(`${PUBLIC_URL}/sv/needs/${openNeed.id}`);
    expect(urls).toContain(`${PUBLIC_URL}/en/organisations/${course.org.id}`);
    expect(urls).toContain(`${PUBLIC_URL}/organisations/${companyWithOpenNeed.id}`);
    // Each address once.
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('lists no draft, archived offer, closed or unpublished need, nor an organisation with nothing public', async () => {
    const xml = (await app.inject('/sitemap.xml')).body;
    for (const hidden of [draft.id, archived.id, closedNeed.id, draftNeed.id, lonelyOrg.id])
      expect(xml).not.toContain(hidden);
    // The draft's organisation has nothing published either.
    expect(xml).not.toContain(draft.org.id);
  });

  it('unknown sitemap files are 404', async () => {
    for (const url of [
      '/sitemaps/users-1.xml',
      '/sitemaps/offers-0.xml',
      '/sitemaps/offers-2.xml',
      '/sitemaps/..%2Fx.xml',
    ])
      expect((await app.inject(url)).statusCode).toBe(404);
  });
});

describe('a sitemap past the limit', () => {
  // The same routes with a limit of 9 addresses per file: 3 pages (items) a file.
  let small: ReturnType<typeof Fastify>;
  beforeAll(async () => {
    small = Fastify();
    small.decorate('config', app.config);
    small.decorate('db', app.db);
    await small.register(fp(async () => {}, { name: 'database' }));
    await small.register(seoRoutes, { maxUrlsPerFile: 9 });
    await small.ready();
  });
  afterAll(() => small.close());

  it('is an index of files, each within the limit, that together list every page', async () => {
    const index = await small.inject('/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(index.body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locs(index.body);
    expect(files).toContain(`${PUBLIC_URL}/sitemaps/pages.xml`);
    // Offers: the course, the pool and the other published course (the archived one aside).
    expect(files).toContain(`${PUBLIC_URL}/sitemaps/offers-1.xml`);
    const all: string[] = [];
    for (const file of files.filter((f) => !f.endsWith('pages.xml'))) {
      const response = await small.inject(file.slice(PUBLIC_URL.length));
      expect(response.statusCode).toBe(200);
      const urls = locs(response.body);
      expect(urls.length).toBeLessThanOrEqual(9);
      all.push(...urls);
    }
    const full = locs((await app.inject('/sitemap.xml')).body).filter((u) =>
      /\/(offers|needs|organisations)\//.test(u),
    );
    expect(all.sort()).toEqual(full.sort());
    const pages = locs((await small.inject('/sitemaps/pages.xml')).body);
    expect(pages).toHaveLength(18);
  });
});

describe('robots.txt', () => {
  it('is plain text that opens the public pages, closes the private ones in each language and names the sitemap', async () => {
    const response = await app.inject('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    for (const path of [
      '/account',
      '/my/',
      '/admin',
      '/api/',
      '/graphql',
      '/coordinator',
      '/sessions/',
      '/conversations',
    ])
      expect(lines).toContain(`Disallow: ${path}`);
    for (const path of ['/sv/account', '/en/my/', '/sv/admin', '/en/conversations', '/sv/organisations$'])
      expect(lines).toContain(`Disallow: ${path}`);
    // The public pages stay open: no rule is a prefix of them.
    const rules = lines.filter((l) => l.startsWith('Disallow: ')).map((l) => l.slice('Disallow: '.length));
    const blocks = (path: string) =>
      rules.some((rule) => {
        const pattern = rule.replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
        // A rule matches by prefix; `*` is any run of characters and a final `$` ends the path.
        return new RegExp(`^${pattern}`).test(path);
      });
    for (const path of [
      '/',
      '/search',
      '/sv/search',
      `/offers/${course.id}`,
      `/en/needs/${openNeed.id}`,
      `/sv/organisations/${course.org.id}`,
      '/results',
    ])
      expect(blocks(path)).toBe(false);
    for (const path of [
      '/account',
      '/sv/my/bookings',
      `/offers/${course.id}/edit`,
      '/organisations',
      '/en/organisations',
    ])
      expect(blocks(path)).toBe(true);
  });
});
