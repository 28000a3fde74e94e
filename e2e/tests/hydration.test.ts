/**
 * Every kind of public page, server-rendered in each language, hydrates in Chromium without React
 * reporting a mismatch (useBrowser's pages fail the test on one). The server renders with Node's
 * ICU and the browser with Chromium's, so a date, a price or a range written differently by the two
 * shows up here.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, visible } from '../support/index.js';

const browser = useBrowser();

/** One address of each kind the sitemap lists: an offer (course or pool), a need, an organisation. */
async function publicPages(): Promise<string[]> {
  const sitemap = await (await fetch(`${inject('baseUrl')}/sitemap.xml`)).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const first = (prefix: string) => paths.find((path) => path.startsWith(prefix));
  const items = [first('/offers/'), first('/needs/'), first('/organisations/')];
  expect(items.every(Boolean), `the sitemap lists an offer, a need and an organisation: ${items}`).toBe(true);
  return ['/', '/search', '/search?kind=COURSE&sort=SOONEST', '/results', ...(items as string[])];
}

describe('server-rendered public pages', () => {
  it('hydrate without a mismatch in Finnish, Swedish and English', async () => {
    const pages = await publicPages();
    const { context, page } = await browser.openPage();
    for (const prefix of ['', '/sv', '/en']) {
      for (const path of pages) {
        const address = prefix && path === '/' ? prefix : `${prefix}${path}`;
        const response = await page.goto(address);
        expect(response?.status(), address).toBe(200);
        // The content was there before any script ran, and the app took it over.
        await visible(page.getByRole('heading', { level: 1 }));
        await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
        expect(await page.locator('html').getAttribute('lang'), address).toBe(prefix.slice(1) || 'fi');
      }
    }
    await context.close();
  });
});

/**
 * Where the page's content ends: the footer's top (the document's height would count the notice a
 * browser without JavaScript shows below the footer).
 */
const footerTop = (page: Page) =>
  page.evaluate(() =>
    Math.round((document.querySelector('footer')?.getBoundingClientRect().top ?? 0) + window.scrollY),
  );

describe('when the app takes over a server-rendered page', () => {
  // A visitor reading the page, or about to tap a link in it, must not see it move: whatever the
  // app renders once it knows the screen and the session takes the place the server's HTML gave it.
  it('nothing moves, on a phone or a desktop', async () => {
    const pages = await publicPages();
    const before = await browser.openPage({ javaScriptEnabled: false });
    const after = await browser.openPage();
    const moved: string[] = [];
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await before.page.setViewportSize(viewport);
      await after.page.setViewportSize(viewport);
      for (const path of pages) {
        await before.page.goto(path);
        const server = await footerTop(before.page);
        await after.page.goto(path);
        await after.page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
        await after.page.waitForLoadState('networkidle');
        const app = await footerTop(after.page);
        if (app !== server) moved.push(`${path} at ${viewport.width}px: the footer at ${server} -> ${app}`);
      }
    }
    expect(moved).toEqual([]);
    await before.context.close();
    await after.context.close();
  });
});

describe('before the app has run', () => {
  it('a search from the search page keeps its words and filters (the form is a plain GET)', async () => {
    // As on a slow connection before the scripts arrive, or with JavaScript off.
    const { context, page } = await browser.openPage({ javaScriptEnabled: false });
    await page.goto('/sv/search?kind=COURSE');
    await page.getByLabel('Sökord').fill('aurinko');
    await page.getByLabel('Sökord').press('Enter');
    await page.waitForURL((url) => url.pathname === '/sv/search' && url.searchParams.get('q') === 'aurinko');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('COURSE');
    // The server rendered the results of that search.
    await visible(page.getByRole('link', { name: /Aurinkosähkö/ }).first());
    await context.close();
  });
});
