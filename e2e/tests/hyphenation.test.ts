import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainHeading, useBrowser, visible } from '../support/index.js';

const browser = useBrowser();
const SHY = '\u00AD';

/** The page, and item titles (results' and the page's h1), that are wider than the screen or their box. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) wide.push('page');
    for (const element of document.querySelectorAll('.result__title, .page__title')) {
      if (element.scrollWidth > element.clientWidth + 1) wide.push(element.textContent ?? '');
    }
    return wide;
  });
}

describe('long words on a narrow phone (320 px)', () => {
  it('titles hyphenate at their syllables in their own language, and a copied title still searches', async () => {
    const { page } = await browser.openPage();
    await page.setViewportSize({ width: 320, height: 720 });

    // "solar" names the topic solar PV, so the Finnish and Swedish demo courses are found by it.
    await page.goto('/search?q=solar');
    const finnish = page.getByRole('link', { name: /Aurinkosähköjärjestelmien suunnittelu ja asennus/ });
    await visible(finnish);
    await expect.poll(() => finnish.textContent()).toContain(`säh${SHY}kö${SHY}jär`);
    expect(await finnish.getAttribute('lang')).toBe('fi');
    const swedish = page.getByRole('link', { name: /Solceller för lantbruk/ });
    await visible(swedish);
    expect(await swedish.getAttribute('lang')).toBe('sv');
    expect(await overflows(page)).toEqual([]);

    await finnish.click();
    const heading = mainHeading(page, 'Aurinkosähköjärjestelmien suunnittelu ja asennus');
    await visible(heading);
    await expect.poll(() => heading.textContent()).toContain(SHY);
    expect(await heading.locator('[lang="fi"]').count()).toBe(1);
    expect(await overflows(page)).toEqual([]);

    // The heading's text as a copy carries it, soft hyphens and all, typed into the search box.
    const copied = (await heading.textContent())!;
    await page.goto('/search');
    // Typed once the app has taken over the page (the form without the app is hydration.test.ts's).
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.getByLabel('Hakusanat').fill(copied);
    await page.getByLabel('Hakusanat').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(copied.replaceAll(SHY, ''));
    await visible(page.getByRole('link', { name: /Aurinkosähköjärjestelmien suunnittelu ja asennus/ }));
  });
});
