import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject, onTestFailed } from 'vitest';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

/** Chromium from the system (Debian's package); playwright-core downloads no browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (no cookies, empty localStorage) on the test server. Call it inside a test: when
 * the test fails, a screenshot of the page goes to e2e/artifacts/.
 */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  onTestFailed(async ({ task }) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
  });
  return { context, page };
}

/** Waits until the locator is visible; fails the test with Playwright's message otherwise. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

export async function waitForLang(page: Page, lang: string): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.lang === expected, lang);
}

/** Pages set their title in an effect, just after they render. */
export async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction((expected) => document.title === expected, title);
}

/** The page's one h1 with this exact name. */
export function mainHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Picks a language from the header's react-aria Select, whose label is in the current language. */
export async function chooseLanguage(page: Page, currentLabel: string, option: string): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: currentLabel }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function signOutFromUserMenu(page: Page, menuLabel: string, itemName: string): Promise<void> {
  await page.getByRole('button', { name: menuLabel }).click();
  await page.getByRole('menuitem', { name: itemName, exact: true }).click();
}

/**
 * After a sign-up: opens the confirmation e-mail in the development mailbox (the worker sends every
 * second) and follows its link, which confirms the address and signs in.
 */
export async function confirmSignUp(page: Page, email: string): Promise<void> {
  await page.goto('/dev/mailbox');
  await visible(mainHeading(page, 'Kehitysympäristön postilaatikko'));
  const mail = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Vahvista sähköpostiosoitteesi' }) })
    .filter({ has: page.getByText(email, { exact: true }) })
    .first();
  for (let tries = 0; !(await mail.isVisible()); tries++) {
    if (tries > 20) throw new Error(`No confirmation e-mail to ${email} in the mailbox`);
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: 'Päivitä' }).click();
  }
  await mail.locator('pre a[href*="/verify-email?token="]').click();
  await visible(page.getByText('Sähköpostiosoitteesi on vahvistettu, ja olet kirjautunut sisään. Tervetuloa!'));
  await page.getByRole('link', { name: 'Siirry omalle tilille' }).click();
  await visible(mainHeading(page, 'Oma tili'));
}
