/**
 * Issue 18, item 4: named participants are people. A company member books a course for herself and
 * a colleague; the colleague gets their own confirmation with their own cancel link; the booker
 * cancels the colleague's seat from her bookings, and the colleague is told; the organiser prints
 * the participant list.
 */
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  axeViolations,
  DEMO,
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

describe('a booking’s named participants', () => {
  it('each get their own confirmation; the booker cancels one seat; the organiser prints the list', async () => {
    const title = `Tulityökortti tiimille ${unique()}`;
    const { sessionId } = await publishCourse(title, 'Lapin AMK, Jokiväylä 11, Rovaniemi');
    const colleague = `kollega-${unique()}@example.fi`;
    await graphql(
      gql`
        mutation BookForTeam($input: BookSeatsInput!) {
          bookSeats(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          sessionId,
          idempotencyKey: `e2e-${unique()}`,
          participants: [
            { name: 'Erja Yrittäjä', email: DEMO.entrepreneur },
            { name: 'Kalle Kollega', email: colleague },
          ],
        },
      },
      await apiSignIn(DEMO.entrepreneur),
    );

    // The colleague's own confirmation, with the link that cancels their seat only.
    const { page, context } = await browser.openPage();
    const confirmation = await openMail(page, colleague, `Sinulle on varattu paikka: ${title}`);
    await visible(confirmation.locator('pre a[href*="/bookings/cancel-seat?token="]'));
    expect(await confirmation.locator('pre a[href*="/bookings/cancel?token="]').count()).toBe(0);

    // The booker cancels the colleague's seat from her bookings.
    await signIn(page, DEMO.entrepreneur);
    await page.goto('/my/bookings');
    await visible(mainHeading(page, 'Omat varaukset'));
    const booking = page.getByRole('listitem').filter({ hasText: title }).first();
    await visible(booking);
    await booking.getByRole('button', { name: /^Peru tämä paikka.*Kalle Kollega/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Perutaanko osallistujan Kalle Kollega paikka?' });
    await visible(dialog);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Peru paikka' }).click();
    await visible(page.getByText('Osallistujan Kalle Kollega paikka on peruttu.', { exact: false }));
    await expect.poll(() => booking.getByText('Kalle Kollega').count()).toBe(0);

    // The colleague is told, and their calendar drops the event.
    await openMail(page, colleague, `Paikkasi peruttiin: ${title}`);

    // The organiser prints the list: the booker is on it, the colleague is not.
    const organiser = await browser.openPage();
    await signIn(organiser.page, DEMO.educator);
    await organiser.page.goto(`/sessions/${sessionId}/participants/print`);
    await visible(mainHeading(organiser.page, 'Osallistujalista'));
    const table = organiser.page.getByRole('table');
    await visible(table.getByText('Erja Yrittäjä', { exact: true }));
    expect(await table.getByText('Kalle Kollega').count()).toBe(0);
    expect(await axeViolations(organiser.page)).toEqual([]);
    await organiser.context.close();
    await context.close();
  });
});
