/**
 * axe-core on every page, in Finnish, Swedish and English: the public pages as a visitor, and each
 * role's pages signed in as its demo account. A page is checked once it has loaded what it shows
 * (no loading indicator, nothing marked busy), so that what is checked is what people read.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, axeViolations, DEMO, graphql, signIn, useBrowser } from '../support/index.js';

const browser = useBrowser();

const LANGUAGES = ['', '/sv', '/en'] as const;

/**
 * Waits until the app has taken over, the page has its heading (a page that redirects first, as the
 * report does to put its period in the address, has none meanwhile) and its data has arrived.
 */
async function settled(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), undefined, {
    timeout: 15_000,
  });
}

/** Each of `paths` in each language: the violations found, as "language path: violation". */
async function violationsOn(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const prefix of LANGUAGES) {
    for (const path of paths) {
      const url = `${prefix}${path === '/' && prefix ? '' : path}`;
      await page.goto(url || '/');
      await settled(page);
      found.push(...(await axeViolations(page)).map((violation) => `${url}: ${violation}`));
    }
  }
  return found;
}

/** The first result's address in a search. */
async function firstResult(page: Page, query: string): Promise<string> {
  await page.goto(`/search?${query}`);
  await settled(page);
  const href = await page.locator('.result__title a[href^="/"]').first().getAttribute('href');
  if (!href) throw new Error(`no result for ${query}`);
  return href;
}

describe('accessibility of every page, in fi, sv and en', () => {
  it('has no violation on the public pages', async () => {
    const { context, page } = await browser.openPage();
    const course = await firstResult(page, 'kind=COURSE');
    const placement = await firstResult(page, 'kind=INTERNSHIP');
    const pool = await firstResult(page, 'kind=STUDENT_POOL');
    await page.goto(course);
    await settled(page);
    const organisation = await page.locator('.detail__meta a[href^="/organisations/"]').first().getAttribute('href');
    const paths = [
      '/',
      '/search',
      '/search?q=aurinko',
      course,
      placement,
      pool,
      organisation!,
      '/results',
      '/sign-in',
      '/sign-up',
      '/forgot-password',
      '/privacy',
      '/accessibility',
      '/contact',
      '/no-such-page',
    ];
    expect(await violationsOn(page, paths)).toEqual([]);
    await context.close();
  });

  it('has no violation on the pages of one item each: an applicant board, an application, a proposal, a conversation, a session', async () => {
    const entrepreneur = await apiSignIn(DEMO.entrepreneur);
    const student = await apiSignIn(DEMO.student);
    const educator = await apiSignIn(DEMO.educator);
    const { myNeeds } = await graphql<{ myNeeds: { nodes: { id: string; kind: string }[] } }>(
      'query { myNeeds(state: OPEN, first: 50) { nodes { id kind } } }',
      {},
      entrepreneur,
    );
    const internship = myNeeds.nodes.find((need) => need.kind === 'INTERNSHIP')!;
    const { myProposals, myConversations } = await graphql<{
      myProposals: { nodes: { id: string }[] };
      myConversations: { nodes: { id: string }[] };
    }>('query { myProposals(first: 1) { nodes { id } } myConversations(first: 1) { nodes { id } } }', {}, entrepreneur);
    const { myApplications } = await graphql<{ myApplications: { nodes: { id: string }[] } }>(
      'query { myApplications(first: 1) { nodes { id } } }',
      {},
      student,
    );
    const { myOffers } = await graphql<{ myOffers: { nodes: { kind: string; sessions: { id: string }[] }[] } }>(
      'query { myOffers(state: PUBLISHED, first: 50) { nodes { kind sessions { id } } } }',
      {},
      educator,
    );
    const session = myOffers.nodes.find((offer) => offer.kind === 'COURSE' && offer.sessions.length)!.sessions[0]!;

    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.entrepreneur);
    expect(
      await violationsOn(page, [
        `/needs/${internship.id}/applicants`,
        `/needs/${internship.id}/edit`,
        `/proposals/${myProposals.nodes[0]!.id}`,
        `/conversations/${myConversations.nodes[0]!.id}`,
      ]),
    ).toEqual([]);
    await context.close();

    const asStudent = await browser.openPage();
    await signIn(asStudent.page, DEMO.student);
    expect(await violationsOn(asStudent.page, [`/my/applications/${myApplications.nodes[0]!.id}`])).toEqual([]);
    await asStudent.context.close();

    const asEducator = await browser.openPage();
    await signIn(asEducator.page, DEMO.educator);
    expect(await violationsOn(asEducator.page, [`/sessions/${session.id}/manage`])).toEqual([]);
    await asEducator.context.close();
  });

  it.each([
    [
      'an entrepreneur',
      DEMO.entrepreneur,
      [
        '/home',
        '/my/needs',
        '/needs/new',
        '/my/bookings',
        '/conversations',
        '/notifications',
        '/account',
        '/account/notifications',
        '/my/searches',
        '/organisations',
        '/my/proposals',
      ],
    ],
    ['a student', DEMO.student, ['/home', '/my/applications', '/my/placements', '/my/profile']],
    ['an educator', DEMO.educator, ['/home', '/my/offers', '/offers/new', '/pools', '/unmet-demand']],
    ['a coordinator', DEMO.coordinator, ['/home', '/coordinator/queue', '/coordinator/organisations', '/reports']],
    ['an administrator', 'admin@demo.keskusvaraamo.fi', ['/home', '/admin/users', '/admin/audit']],
  ])('has no violation on the pages of %s', async (_who, email, paths) => {
    const { context, page } = await browser.openPage();
    await signIn(page, email);
    expect(await violationsOn(page, paths)).toEqual([]);
    await context.close();
  });
});
