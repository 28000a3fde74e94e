/** The browser side of the e2e tests: one Chromium per test file, fresh pages, and waiting helpers. */
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type WebSocket } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, onTestFailed, onTestFinished } from 'vitest';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

/** Chromium from the system (Debian's package); playwright-core downloads no browser. */
function launchBrowser(): Promise<Browser> {
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
 * What the console says when hydrating a server-rendered page went wrong: the app's own report of
 * an error React recovered from (main.tsx's onRecoverableError), and React's production codes for
 * hydration mismatches (418, 419, 421, 422, 423, 425), should one get past it.
 */
const HYDRATION_PROBLEM = /React recovered from an error|Minified React error #(418|419|421|422|423|425)\b|hydrat/i;

/**
 * A fresh context (no cookies, empty localStorage) on the test server. Call it inside a test: when
 * the test fails, a screenshot of the page goes to e2e/artifacts/. The test also fails when a
 * page's hydration reported an error (or React recovered from one) in the console.
 */
async function openPage(browser: Browser, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const hydrationProblems: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && HYDRATION_PROBLEM.test(message.text())) hydrationProblems.push(message.text());
  });
  context.on('weberror', (error) => {
    if (HYDRATION_PROBLEM.test(error.error().message)) hydrationProblems.push(error.error().message);
  });
  onTestFinished(() => {
    expect(hydrationProblems, 'hydration errors in the console').toEqual([]);
  });
  onTestFailed(async ({ task }) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => undefined);
  });
  return { context, page };
}

export interface PageOptions {
  /** False: the page as a browser without JavaScript (or before the app's scripts arrive) has it. */
  javaScriptEnabled?: boolean;
}

export interface TestBrowser {
  /** A fresh context and page; see {@link openPage}. */
  openPage(options?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/** Launches Chromium before the test file's tests and closes it after them. Call at the top of the file. */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    openPage: (options) => {
      if (!browser) throw new Error('The browser is not launched: call useBrowser() at the top of the test file');
      return openPage(browser, options);
    },
  };
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

/** The main navigation (in Finnish). */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Päävalikko' });
}

/**
 * Follows a link of the main navigation (in Finnish) as a person does: a role's pages are in a
 * group on a wide screen, so its button opens the group first.
 */
export async function followNavLink(page: Page, name: string): Promise<void> {
  const nav = mainNav(page);
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    const group = nav
      .locator('.nav-group')
      .filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) });
    await group.getByRole('button').click();
  }
  await link.click();
}

/** Follows a language's link in the header's language navigation, named in the current language. */
export async function chooseLanguage(page: Page, navigationLabel: string, language: string): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('navigation', { name: navigationLabel })
    .getByRole('link', { name: language, exact: true })
    .click();
}

export async function signOutFromUserMenu(page: Page, menuLabel: string, itemName: string): Promise<void> {
  await page.getByRole('button', { name: menuLabel }).click();
  await page.getByRole('menuitem', { name: itemName, exact: true }).click();
}

/**
 * The page's live connections (WebSockets), and whether one has asked for pushes (its graphql-ws
 * `subscribe` message was sent). Call before the page opens them.
 */
export function watchLiveConnections(page: Page): { sockets: WebSocket[]; subscribed: () => boolean } {
  const sockets: WebSocket[] = [];
  let subscribed = false;
  page.on('websocket', (socket) => {
    sockets.push(socket);
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"type":"subscribe"')) subscribed = true;
    });
  });
  return { sockets, subscribed: () => subscribed };
}
