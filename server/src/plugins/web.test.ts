/**
 * Server rendering, as a crawler or a link preview sees it: the built web app (web/dist and its
 * server entry web/dist-ssr, from `npm run build -w web`) served by the app, fetched without a
 * browser. The page's content, head and structured data are in the HTML before any script runs.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildNeed, buildOrganisation, localIn, sessionInput } from '../test/factories.js';
import { buildTestApp, type TestApp } from '../test/helper.js';
import { RENDER_TIMEOUT_MS } from './web.js';

const WEB_DIST = resolve(import.meta.dirname, '../../../web/dist');
const SERVER_ENTRY = resolve(WEB_DIST, '../dist-ssr/entry-server.js');
const PUBLIC_URL = 'https://keskusvaraamo.example';

let app: TestApp;
let course: Awaited<ReturnType<typeof buildCourse>>;
let draft: Awaited<ReturnType<typeof buildCourse>>;
let need: Awaited<ReturnType<typeof buildNeed>>;
let company: Awaited<ReturnType<typeof buildOrganisation>>;

beforeAll(async () => {
  for (const file of [join(WEB_DIST, 'index.html'), SERVER_ENTRY]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build -w web\` first`);
  }
  app = await buildTestApp({ WEB_DIST, PUBLIC_URL });
  course = await buildCourse(
    app,
    {
      title: 'Aurinkosähkö maatilalle <alku & loppu>',
      description: `Kurssi aurinkosähköjärjestelmien suunnittelusta ja asennuksesta maatiloille. ${'Pitkä kuvaus. '.repeat(30)}`,
    },
    // 15 June at 9.00 in Helsinki is 6.00 UTC: the page must show Helsinki's time.
    {
      sessions: [
        sessionInput({
          startsAt: `${localIn(40).slice(0, 4)}-06-15T09:00`,
          endsAt: `${localIn(40).slice(0, 4)}-06-15T16:00`,
          registrationDeadline: localIn(1),
        }),
      ],
    },
  );
  draft = await buildCourse(app, { title: 'Luonnos, ei julkinen' }, { publish: false });
  company = await buildOrganisation(app, { name: 'Sallan Aurinko Oy', verified: true });
  need = await buildNeed(
    app,
    { title: 'Kesätyöntekijä aurinkovoimalalle', kind: 'SUMMER_JOB', organisationId: company.id },
    { owner: company.owner },
  );
}, 120_000);
afterAll(() => app?.closeAndDrop());

const page = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });

/** The document's head and body, split where the head ends. */
function parts(html: string) {
  const [head = '', body = ''] = html.split('</head>');
  return { head, body };
}

describe('server-rendered public pages', () => {
  it('a course: its title, description, session time (Helsinki), head and structured data, before any script', async () => {
    const response = await page(`/offers/${course.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-language']).toBe('fi');
    expect(response.headers['cache-control']).toBe('no-cache');
    const { head, body } = parts(response.body);
    expect(response.body).toMatch(/^<!doctype html>\s*<html lang="fi"/i);
    // The title's long words carry their break points (soft hyphens) in the server's HTML already.
    expect(body).toContain('Au\u00ADrin\u00ADko\u00ADsäh\u00ADkö maa\u00ADti\u00ADlal\u00ADle');
    expect(body.replaceAll('\u00AD', '')).toContain('Aurinkosähkö maatilalle &lt;alku &amp; loppu&gt;');
    expect(body).toContain('Kurssi aurinkosähköjärjestelmien suunnittelusta');
    expect(body).toMatch(/15\.6\.\d{4} klo 9\.00/);
    expect(head).toContain(
      '<title data-page-meta>Aurinkosähkö maatilalle &lt;alku &amp; loppu&gt; – Osaamisen keskusvaraamo</title>',
    );
    expect(head).toContain(`<link data-page-meta rel="canonical" href="${PUBLIC_URL}/offers/${course.id}">`);
    for (const [lang, prefix] of [
      ['fi', ''],
      ['sv', '/sv'],
      ['en', '/en'],
      ['x-default', ''],
    ]) {
      expect(head).toContain(
        `<link data-page-meta rel="alternate" hreflang="${lang}" href="${PUBLIC_URL}${prefix}/offers/${course.id}">`,
      );
    }
    expect(head).toContain('<meta data-page-meta property="og:type" content="article">');
    expect(head).toContain('<meta data-page-meta property="og:locale" content="fi_FI">');
    const description = head.match(/<meta data-page-meta name="description" content="([^"]*)">/)?.[1];
    expect(description).toMatch(/^Kurssi aurinkosähköjärjestelmien suunnittelusta/);
    expect(description!.length).toBeLessThanOrEqual(156);
    // The shell's own description is gone: one description.
    expect(head.match(/name="description"/g)).toHaveLength(1);
    // Structured data: a Course with its session as a CourseInstance (Helsinki's offset).
    const jsonLd = JSON.parse(head.match(/<script data-page-meta type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'Course', name: course.title, url: `${PUBLIC_URL}/offers/${course.id}` });
    expect(jsonLd.hasCourseInstance).toHaveLength(1);
    expect(jsonLd.hasCourseInstance[0].startDate).toMatch(/-06-15T09:00:00\+03:00$/);
    expect(head.match(/<script data-page-meta type="application\/ld\+json">.*?<\/script>/s)![0]).not.toContain('<alku');
    // The data the page was rendered with, for hydration: JSON, not a script that runs.
    const state = response.body.match(/<script type="application\/json" id="ssr-state">(.*?)<\/script>/s)?.[1];
    expect(JSON.parse(state!).publicUrl).toBe(PUBLIC_URL);
    expect(state).not.toContain('<');
    // No inline script the policy would refuse: every script is the app's file or data.
    for (const tag of response.body.match(/<script[^>]*>/g) ?? []) {
      expect(tag).toMatch(/type="application\/(json|ld\+json)"|src="\/assets\//);
    }
  });

  it('Swedish and English under their prefixes, <html lang> and texts included', async () => {
    const sv = await page(`/sv/offers/${course.id}`);
    expect(sv.statusCode).toBe(200);
    expect(sv.body).toContain('<html lang="sv"');
    expect(sv.headers['content-language']).toBe('sv');
    expect(sv.body).toContain('<meta data-page-meta property="og:locale" content="sv_FI">');
    expect(sv.body).toContain(`<link data-page-meta rel="canonical" href="${PUBLIC_URL}/sv/offers/${course.id}">`);
    expect(sv.body).toMatch(/href="\/sv\/search"/);
    const en = await page('/en/search');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('<title data-page-meta>Search – Osaamisen keskusvaraamo</title>');
  });

  it('search with its results for the address’s filters', async () => {
    const response = await page('/search?kind=COURSE');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Aurinkosähkö maatilalle');
    expect(response.body).not.toContain('Kesätyöntekijä aurinkovoimalalle');
    // Filtered searches are many addresses for overlapping content: followed, not indexed.
    expect(response.body).toContain('<meta data-page-meta name="robots" content="noindex, follow">');
    expect((await page('/search')).body).not.toContain('name="robots"');
    // Words alone are a page of results people link to: indexed, with itself as the canonical address.
    const words = await page('/search?q=aurinko');
    expect(words.body).not.toContain('name="robots"');
    expect(words.body).toContain(`<link data-page-meta rel="canonical" href="${PUBLIC_URL}/search?q=aurinko">`);
  });

  it('a need and an organisation', async () => {
    const needPage = await page(`/en/needs/${need.id}`);
    expect(needPage.statusCode).toBe(200);
    expect(needPage.body).toContain('Kesätyöntekijä aurinkovoimalalle');
    expect(needPage.body).toContain('Summer job');
    const posting = JSON.parse(
      needPage.body.match(/<script data-page-meta type="application\/ld\+json">(.*?)<\/script>/s)![1]!,
    );
    expect(posting).toMatchObject({
      '@type': 'JobPosting',
      title: 'Kesätyöntekijä aurinkovoimalalle',
      hiringOrganization: { name: 'Sallan Aurinko Oy' },
      url: `${PUBLIC_URL}/en/needs/${need.id}`,
    });
    const orgPage = await page(`/en/organisations/${company.id}`);
    expect(orgPage.statusCode).toBe(200);
    expect(orgPage.body).toContain('Sallan Aurinko Oy');
  });

  it('the landing, results and legal pages', async () => {
    for (const [url, text] of [
      ['/', 'Osaamisen keskusvaraamo'],
      ['/results', '<h1'],
      ['/privacy', '<h1'],
      ['/en/accessibility', '<h1'],
      ['/sv/contact', '<h1'],
    ] as const) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(text);
      expect(response.body, url).toContain('<link data-page-meta rel="canonical"');
    }
  });

  it('404 with the not-found page for a course that does not exist, a draft a visitor may not see, or an unknown address', async () => {
    for (const url of [`/offers/00000000-0000-4000-8000-000000000000`, `/offers/${draft.id}`, '/no-such-page']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('<h1');
      expect(response.body, url).toContain('<meta data-page-meta name="robots" content="noindex, follow">');
      expect(response.body, url).not.toContain('rel="canonical"');
    }
    expect((await page(`/offers/${draft.id}`)).body).not.toContain('Luonnos, ei julkinen');
  });

  it('the page for a link-preview bot that accepts anything or says nothing; the JSON 404 for an API caller', async () => {
    for (const accept of ['*/*', '', 'text/*;q=0.8']) {
      const response = await app.inject({ url: '/search', headers: accept ? { accept } : {} });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-type'], accept).toBe('text/html; charset=utf-8');
    }
    const api = await app.inject({ url: '/search', headers: { accept: 'application/json' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });

  it('the shell for a private page, in the address’s language', async () => {
    const response = await page('/sv/my/bookings');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="sv"');
    expect(response.body).toContain('<div id="root"></div>');
    expect(response.body).not.toContain('ssr-state');
  });
});

describe('when the renderer fails', () => {
  let broken: TestApp;
  beforeAll(async () => {
    // A web build whose renderer throws for one page and never answers for another.
    const root = mkdtempSync(join(tmpdir(), 'kv-ssr-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'dist-ssr'));
    writeFileSync(
      join(root, 'dist/index.html'),
      '<!doctype html>\n<html lang="fi">\n  <head>\n    <title>Osaamisen keskusvaraamo</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n',
    );
    writeFileSync(
      join(root, 'dist-ssr/entry-server.js'),
      `export async function render({ url }) {
        if (url.startsWith('/search')) throw new Error('render failed');
        if (url.startsWith('/results')) return new Promise(() => {});
        return null;
      }`,
    );
    broken = await buildTestApp({ WEB_DIST: join(root, 'dist'), PUBLIC_URL });
  });
  afterAll(() => broken?.closeAndDrop());

  it('sends the shell, not an error page: for an error at once, for a render that takes too long after the limit', async () => {
    for (const url of ['/sv/search', '/results']) {
      const started = Date.now();
      const response = await broken.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root"></div>');
      expect(response.body, url).toContain('<title>Osaamisen keskusvaraamo</title>');
      if (url === '/results') expect(Date.now() - started).toBeGreaterThanOrEqual(RENDER_TIMEOUT_MS - 50);
    }
    expect((await broken.inject({ url: '/sv/search', headers: { accept: 'text/html' } })).body).toContain(
      '<html lang="sv"',
    );
  }, 20_000);
});
