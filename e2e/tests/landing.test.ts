/**
 * The front page as a visitor finds it: what is on offer now (the next courses with seats left, the
 * newest open placements), a search box, in Finnish, Swedish and English with no accessibility
 * violation; a course opens from it, and a search from its box shows results.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, mainHeading, useBrowser, visible } from '../support/index.js';

const browser = useBrowser();

describe('the front page', () => {
  it('shows what is on offer now, and leads to a course and to a search', async () => {
    const { context, page } = await browser.openPage();
    for (const { prefix, courses, placements } of [
      {
        prefix: '/sv',
        courses: 'Kurser som börjar snart och har platser kvar',
        placements: 'De senaste lediga platserna',
      },
      { prefix: '/en', courses: 'Courses starting soon with seats left', placements: 'The newest open positions' },
      { prefix: '/', courses: 'Seuraavaksi alkavat kurssit, joilla on tilaa', placements: 'Uusimmat avoimet paikat' },
    ]) {
      await page.goto(prefix);
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      // The demo data has both: the lists are full, three each.
      expect(await page.getByRole('region', { name: courses }).getByRole('listitem').count(), prefix).toBe(3);
      expect(await page.getByRole('region', { name: placements }).getByRole('listitem').count(), prefix).toBe(3);
      expect(await axeViolations(page)).toEqual([]);
    }

    // A course from the list: its page, with the same title.
    const first = page
      .getByRole('region', { name: 'Seuraavaksi alkavat kurssit, joilla on tilaa' })
      .getByRole('link')
      .first();
    const title = (await first.textContent())!;
    await first.click();
    await visible(mainHeading(page, title.replaceAll('\u00AD', '')));

    // A search from the front page's box.
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Mitä etsit?' }).fill('aurinko');
    await page.getByRole('searchbox', { name: 'Mitä etsit?' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'aurinko');
    await visible(page.getByText(/^\d+ tulosta$/));
    await context.close();
  });
});
