import { randomUUID } from 'node:crypto';
import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, mainHeading, openPage, signOutFromUserMenu, visible } from './browser.js';

const DEMO_PASSWORD = 'Demo-2026-lappi';
const STUDENT = 'student@demo.keskusvaraamo.fi';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A GraphQL request to the test server from outside the browser, as another client would. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Signs in as the student on another device (this test's own HTTP client) and books a seat on the
 * soonest course session with one free: the server confirms it at once and notifies the student.
 * Resolves to the course's title.
 */
async function bookFreeSeatElsewhere(email: string): Promise<string> {
  const { signIn } = await graphql<{ signIn: { accessToken: string } }>(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  const token = signIn.accessToken;
  const { search } = await graphql<{ search: { nodes: { id: string }[] } }>(`
    query Courses {
      search(filter: { kinds: [COURSE], freeSeats: true }, sort: SOONEST, first: 20) {
        nodes {
          id
        }
      }
    }
  `);
  for (const { id } of search.nodes) {
    const { offer } = await graphql<{
      offer: { title: string; sessions: { id: string; seatsFree: number; takingRegistrations: boolean }[] } | null;
    }>('query Offer($id: ID!) { offer(id: $id) { title sessions { id seatsFree takingRegistrations } } }', { id });
    for (const session of offer?.sessions ?? []) {
      if (!session.takingRegistrations || session.seatsFree < 1) continue;
      try {
        const { bookSeats } = await graphql<{ bookSeats: { state: string } }>(
          'mutation Book($input: BookSeatsInput!) { bookSeats(input: $input) { state } }',
          { input: { sessionId: session.id, idempotencyKey: randomUUID() } },
          token,
        );
        if (bookSeats.state === 'CONFIRMED') return offer!.title;
      } catch {
        // Booked already, or taken meanwhile: the next one.
      }
    }
  }
  throw new Error('No course session with a free seat to book');
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await visible(mainHeading(page, 'Oma tili'));
}

/** The page's live connections, and whether one has asked for notification pushes (set before they open). */
function watchLiveConnections(page: Page): { sockets: WebSocket[]; subscribed: () => boolean } {
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

const bellOf = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Ilmoitukset/ });

/** The unread count the bell's accessible name tells; null until it is known. */
async function unreadCount(page: Page): Promise<number | null> {
  const name = await bellOf(page).getAttribute('aria-label');
  if (name === 'Ilmoitukset, ei lukemattomia') return 0;
  const count = name?.match(/^Ilmoitukset, (\d+) lukemat/);
  return count ? Number(count[1]) : null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('notifications', () => {
  it('counts a new notification live, reads it, keeps a chosen setting and shows the e-mail in the mailbox', async () => {
    const { context, page } = await openPage(browser);
    // A phone's screen: the bell is in the top bar there too.
    await page.setViewportSize({ width: 390, height: 844 });
    const live = watchLiveConnections(page);
    await signIn(page, STUDENT);
    await expect.poll(() => unreadCount(page)).not.toBeNull();
    const before = (await unreadCount(page))!;
    const box = (await bellOf(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.width).toBeGreaterThanOrEqual(44);

    await bellOf(page).click();
    await visible(mainHeading(page, 'Ilmoitukset'));
    await expect.poll(live.subscribed).toBe(true);
    // The server takes the subscription a moment after the message arrives.
    await page.waitForTimeout(500);

    // A booking made on another device: the count goes up here without reloading, and is read out.
    const title = await bookFreeSeatElsewhere(STUDENT);
    await expect.poll(() => unreadCount(page)).toBe(before + 1);
    const announcement = page.getByRole('banner').locator('[aria-live="polite"]');
    await expect
      .poll(() => announcement.textContent())
      .toContain(`Uusi ilmoitus: Varauksesi on vahvistettu: ${title}, `);

    // The list shows it first, unread; opening it marks it read and leads to the bookings.
    const item = page
      .getByRole('list', { name: 'Ilmoitukset, uusimmat ensin' })
      .getByRole('link', { name: new RegExp(`^Lukematon: Varauksesi on vahvistettu: ${escape(title)}, `) })
      .first();
    await visible(item);
    await item.click();
    await visible(mainHeading(page, 'Omat varaukset'));
    await expect.poll(() => unreadCount(page)).toBe(before);

    // A setting chosen on the settings page is there after a reload.
    await page.getByRole('link', { name: 'Oma tili' }).first().click();
    await visible(mainHeading(page, 'Oma tili'));
    await page.getByRole('link', { name: 'Ilmoitusasetukset' }).click();
    await visible(mainHeading(page, 'Ilmoitusasetukset'));
    const messages = page.getByRole('radiogroup', { name: 'Uusi viesti' });
    await messages.getByText('Päivän kooste', { exact: true }).click();
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await visible(page.getByRole('status').getByText('Ilmoitusasetukset on tallennettu.'));
    await page.reload();
    await visible(mainHeading(page, 'Ilmoitusasetukset'));
    await expect.poll(() => messages.getByRole('radio', { name: 'Päivän kooste' }).isChecked()).toBe(true);
    expect(await messages.getByRole('radio', { name: 'Sähköposti heti' }).isChecked()).toBe(false);

    // The confirmation e-mail reaches the development mailbox (the worker sends every second).
    await page.goto('/dev/mailbox');
    await visible(mainHeading(page, 'Kehitysympäristön postilaatikko'));
    const mail = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `Varaus vahvistettu: ${title}` }) })
      .first();
    await expect
      .poll(
        async () => {
          if (await mail.isVisible()) return true;
          await page.getByRole('button', { name: 'Päivitä' }).click();
          return false;
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    await visible(mail.getByText(STUDENT, { exact: true }));
    await visible(mail.getByText('Lähetetty', { exact: true }).first());
    // Its links can be followed: the one that stops these e-mails asks first, then acts on the press.
    await mail.locator('pre a[href*="/unsubscribe?token="]').click();
    await visible(mainHeading(page, 'Sähköposti-ilmoitusten lopettaminen'));
    await page.getByRole('button', { name: 'Lopeta nämä sähköpostit' }).click();
    await visible(mainHeading(page, 'Sähköpostit lopetettu'));
    await visible(
      page.getByText('Et saa enää sähköpostia ilmoituksista ”Varaus vahvistettu”. Näet ne edelleen palvelussa.'),
    );
    await page.getByRole('link', { name: 'Ilmoitusasetukset' }).click();
    await visible(mainHeading(page, 'Ilmoitusasetukset'));
    const confirmations = page.getByRole('radiogroup', { name: 'Varaus vahvistettu' });
    await expect.poll(() => confirmations.getByRole('radio', { name: 'Vain palvelussa' }).isChecked()).toBe(true);

    // Signing out closes the live connection (this page's; those of the pages before went with them).
    const socket = live.sockets.at(-1)!;
    expect(socket.isClosed()).toBe(false);
    await signOutFromUserMenu(page, 'Käyttäjävalikko', 'Kirjaudu ulos');
    await visible(page.getByText('Olet kirjautunut ulos.'));
    await expect.poll(() => socket.isClosed()).toBe(true);
    await context.close();
  });

  it('refuses an unsubscribe link that is not valid, only when asked', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/unsubscribe?token=not-a-real-token');
    await visible(mainHeading(page, 'Sähköposti-ilmoitusten lopettaminen'));
    expect(await page.getByRole('alert').textContent()).toBe('');
    await page.getByRole('button', { name: 'Lopeta nämä sähköpostit' }).click();
    await visible(page.getByRole('alert').getByText(/^Linkki ei kelpaa\./));
    await context.close();
  });
});
