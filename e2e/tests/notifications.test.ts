import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  DEMO,
  escapeRegExp,
  gql,
  graphql,
  mainHeading,
  openMail,
  signIn,
  signOutFromUserMenu,
  useBrowser,
  visible,
  watchLiveConnections,
} from '../support/index.js';

const STUDENT = DEMO.student;
const browser = useBrowser();

/**
 * Books a seat, as the signed-in user on another device (this test's own HTTP client), on the
 * soonest course session with one free: the server confirms it at once and notifies the user.
 * Resolves to the course's title.
 */
async function bookFreeSeatElsewhere(token: string): Promise<string> {
  const { search } = await graphql<{ search: { nodes: { id: string }[] } }>(gql`
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
    }>(
      gql`
        query Offer($id: ID!) {
          offer(id: $id) {
            title
            sessions {
              id
              seatsFree
              takingRegistrations
            }
          }
        }
      `,
      { id },
    );
    for (const session of offer?.sessions ?? []) {
      if (!session.takingRegistrations || session.seatsFree < 1) continue;
      try {
        const { bookSeats } = await graphql<{ bookSeats: { state: string } }>(
          gql`
            mutation Book($input: BookSeatsInput!) {
              bookSeats(input: $input) {
                state
              }
            }
          `,
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

const bellOf = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Ilmoitukset/ });

/** The unread count the bell's accessible name tells; null until it is known. */
async function unreadCount(page: Page): Promise<number | null> {
  const name = await bellOf(page).getAttribute('aria-label');
  if (name === 'Ilmoitukset, ei lukemattomia') return 0;
  const count = name?.match(/^Ilmoitukset, (\d+) lukemat/);
  return count ? Number(count[1]) : null;
}

describe('notifications', () => {
  it('counts a new notification live, reads it, keeps a chosen setting and shows the e-mail in the mailbox', async () => {
    const { context, page } = await browser.openPage();
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

    // A booking made on another device: the count goes up here without reloading, and is read out.
    // The server takes the subscription a moment after its message arrives, and a notification
    // written before that is not pushed: book again until one is (almost always the first).
    const elsewhere = await apiSignIn(STUDENT);
    let title = '';
    let unread = before;
    for (let tries = 1; ; tries++) {
      title = await bookFreeSeatElsewhere(elsewhere);
      unread += 1;
      try {
        await expect.poll(() => unreadCount(page), { timeout: 5_000 }).toBe(unread);
        break;
      } catch (error) {
        if (tries === 3) throw error;
      }
    }
    const announcement = page.getByRole('banner').locator('[aria-live="polite"]');
    await expect
      .poll(() => announcement.textContent())
      .toContain(`Uusi ilmoitus: Varauksesi on vahvistettu: ${title}, `);

    // The list shows it first, unread; opening it marks it read and leads to the bookings.
    const item = page
      .getByRole('list', { name: 'Ilmoitukset, uusimmat ensin' })
      .getByRole('link', { name: new RegExp(`^Lukematon: Varauksesi on vahvistettu: ${escapeRegExp(title)}, `) })
      .first();
    await visible(item);
    await item.click();
    await visible(mainHeading(page, 'Omat varaukset'));
    await expect.poll(() => unreadCount(page)).toBe(unread - 1);

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

    // The confirmation e-mail reaches the development mailbox.
    const mail = await openMail(page, STUDENT, `Varaus vahvistettu: ${title}`);
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
    const { context, page } = await browser.openPage();
    await page.goto('/unsubscribe?token=not-a-real-token');
    await visible(mainHeading(page, 'Sähköposti-ilmoitusten lopettaminen'));
    expect(await page.getByRole('alert').textContent()).toBe('');
    await page.getByRole('button', { name: 'Lopeta nämä sähköpostit' }).click();
    await visible(page.getByRole('alert').getByText(/^Linkki ei kelpaa\./));
    await context.close();
  });
});
