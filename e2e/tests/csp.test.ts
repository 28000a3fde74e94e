/**
 * The built app under the server's Content-Security-Policy: a visitor's and a signed-in user's
 * pages walked in Chromium, failing on any violation the page reports (its
 * `securitypolicyviolation` events) or the console logs, and on the bell's WebSocket not connecting.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, mainHeading, signIn, useBrowser, visible, watchLiveConnections } from '../support/index.js';

const browser = useBrowser();

/** Collects every CSP violation and page error of the context's pages, from before their first script. */
async function watchViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const problems: string[] = [];
  await context.exposeFunction('reportViolation', (text: string) => void problems.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      void report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
  return problems;
}

describe('the Content-Security-Policy', () => {
  it('lets the app work: landing, search, a course, sign-in and the live bell, with no violation', async () => {
    const { context, page } = await browser.openPage();
    const problems = await watchViolations(context, page);
    const live = watchLiveConnections(page);

    // The policy is really there, strict: no inline scripts or styles, nothing from elsewhere.
    const landing = await page.goto('/');
    const policy = landing!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    await visible(mainHeading(page, 'Osaamista ja tekijöitä Lapin maaseudun energiayrityksille'));

    // Search, with results and filters, and a course's page.
    await page.goto('/search?kind=COURSE&sort=SOONEST');
    await visible(mainHeading(page, 'Haku'));
    const firstCourse = page.getByRole('main').locator('a[href^="/offers/"]').first();
    await visible(firstCourse);
    await firstCourse.click();
    await page.waitForURL(/\/offers\//);
    await visible(page.getByRole('heading', { level: 1 }));

    // Signing in, and the bell's live count over the WebSocket.
    await signIn(page, DEMO.student);
    const bell = page.getByRole('banner').getByRole('link', { name: /^Ilmoitukset/ });
    await visible(bell);
    await bell.click();
    await visible(mainHeading(page, 'Ilmoitukset'));
    await expect.poll(live.subscribed, { timeout: 15_000 }).toBe(true);
    expect(live.sockets.every((socket) => new URL(socket.url()).pathname === '/graphql')).toBe(true);

    // A dialog (react-aria positions and styles it from script) opened and closed.
    await page.getByRole('button', { name: 'Käyttäjävalikko' }).click();
    await visible(page.getByRole('menu'));
    await page.keyboard.press('Escape');

    expect(problems).toEqual([]);
    await context.close();
  });
});
