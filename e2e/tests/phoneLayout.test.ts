/**
 * A phone (390×844): a signed-in person's many links fold behind the Menu button, so the page's
 * heading and first content are on the first screen; the menu opens, takes them to a page and folds
 * again, in Finnish, Swedish and English, with no accessibility violation open or folded.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, DEMO, mainHeading, signIn, useBrowser, visible } from '../support/index.js';

const browser = useBrowser();

const PHONE = { width: 390, height: 844 };

/** Whether the element is wholly on the first screen, without scrolling. */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(
    ([target, height]) => {
      const box = document.querySelector(target as string)?.getBoundingClientRect();
      return Boolean(box && box.top >= 0 && box.bottom <= (height as number) && window.scrollY === 0);
    },
    [selector, PHONE.height],
  );
}

describe('the phone layout', () => {
  it('shows the page first, and the menu on request, in fi, sv and en', async () => {
    const { context, page } = await browser.openPage();
    await page.setViewportSize(PHONE);
    // The coordinator, who is also an educator in the demo data, has the most links.
    await signIn(page, DEMO.coordinator);
    const languages = [
      { prefix: '', account: 'Oma tili', menu: 'Valikko', search: 'Haku', nav: 'Päävalikko' },
      { prefix: '/sv', account: 'Mitt konto', menu: 'Meny', search: 'Sök', nav: 'Huvudmeny' },
      { prefix: '/en', account: 'My account', menu: 'Menu', search: 'Search', nav: 'Main menu' },
    ];
    for (const language of languages) {
      await page.goto(`${language.prefix}/account`);
      await visible(mainHeading(page, language.account));
      expect(await onFirstScreen(page, 'main h1'), `${language.prefix || 'fi'}: heading on the first screen`).toBe(
        true,
      );
      // The top bar is two rows: the service's name, then the languages, the bell and the user menu;
      // the unread count sits beside the bell, not on it.
      // The demo coordinator starts with unread notifications; another test file may have read them.
      const unread = await page
        .locator('.notification-bell__count')
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      const header = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
        return {
          languages: box('.site-header .language-switcher'),
          bell: box('.notification-bell .icon'),
          count: box('.notification-bell__count'),
          user: box('.user-menu__button'),
        };
      });
      const middle = (rect: DOMRect | null) => (rect ? rect.top + rect.height / 2 : NaN);
      expect(Math.abs(middle(header.user) - middle(header.languages)), 'user menu on the languages row').toBeLessThan(
        12,
      );
      expect(Math.abs(middle(header.bell) - middle(header.languages)), 'bell on the languages row').toBeLessThan(12);
      if (unread) expect(header.count!.left, 'the count beside the bell').toBeGreaterThanOrEqual(header.bell!.right);

      const nav = page.getByRole('navigation', { name: language.nav });
      const toggle = nav.getByRole('button', { name: language.menu });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.getByRole('link', { name: language.search, exact: true }).isVisible()).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const searchLink = nav.getByRole('link', { name: language.search, exact: true });
      await visible(searchLink);
      expect(await axeViolations(page)).toEqual([]);
      await searchLink.click();
      await visible(mainHeading(page, language.search));
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await searchLink.isVisible()).toBe(false);
    }
    await context.close();
  });
});
