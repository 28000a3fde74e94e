/**
 * Issue 18: an educator moves a booked session (a room number added to its place); the booker sees
 * the change, before → after, in the app's notifications and in the e-mail in the mailbox.
 */
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  DEMO,
  escapeRegExp,
  gql,
  graphql,
  mainHeading,
  openMail,
  publishCourse,
  signIn,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();
const PLACE = 'Lapin AMK, Jokiväylä 11, Rovaniemi';
const MOVED = 'Lapin AMK, Jokiväylä 11, Rovaniemi, luokka B204';

describe('a session that moves', () => {
  it('the educator adds a room number; the booker sees the change in the app and in the e-mail', async () => {
    const title = `Hakkeen laatu ja varastointi ${unique()}`;
    const { offerId, sessionId } = await publishCourse(title, PLACE);
    // The demo entrepreneur books a seat (on another device).
    await graphql(
      gql`
        mutation Book($input: BookSeatsInput!) {
          bookSeats(input: $input) {
            id
          }
        }
      `,
      { input: { sessionId, idempotencyKey: `e2e-${unique()}` } },
      await apiSignIn(DEMO.entrepreneur),
    );

    // The educator edits the session on the course's page.
    const educator = await browser.openPage();
    await signIn(educator.page, DEMO.educator);
    await educator.page.goto(`/offers/${offerId}`);
    await visible(mainHeading(educator.page, title));
    await educator.page.getByRole('button', { name: /^Muokkaa toteutusta/ }).click();
    const place = educator.page.getByLabel(/^Paikka/).first();
    await visible(place);
    await place.fill(MOVED);
    await educator.page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await visible(educator.page.getByText('Toteutuksen muutokset on tallennettu.'));

    // The e-mail says what changed, before → after.
    const subject = `Kurssin aika tai paikka muuttui: ${title}`;
    const mail = await openMail(educator.page, DEMO.entrepreneur, subject);
    await visible(mail.getByText(`Paikka: ${PLACE} → ${MOVED}`, { exact: false }));
    await educator.context.close();

    // In the app: the notification, with the same change listed under it.
    const booker = await browser.openPage();
    await signIn(booker.page, DEMO.entrepreneur);
    await booker.page.goto('/notifications');
    await visible(mainHeading(booker.page, 'Ilmoitukset'));
    const item = booker.page
      .getByRole('listitem')
      .filter({
        hasText: new RegExp(`Varaamasi kurssin aika tai paikka muuttui: ${escapeRegExp(title)}, nyt `),
      })
      .first();
    await visible(item);
    await visible(item.getByText('Varauksesi on voimassa uudella ajalla ja paikalla.', { exact: false }));
    const changes = item.getByRole('list', { name: 'Mikä muuttui' });
    await expect.poll(() => changes.getByRole('listitem').allTextContents()).toEqual([`Paikka: ${PLACE} → ${MOVED}`]);
    await booker.context.close();
  });
});
