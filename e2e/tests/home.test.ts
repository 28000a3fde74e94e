/**
 * Each role's home after signing in: what needs the person now, and acting on it in one step. The
 * entrepreneur and the student act on an internship and an application of the test's own; the
 * coordinator verifies one of the demo organisations waiting for it. Checked with axe in each
 * language, and on a phone: the heading and the first card are on the first screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  axeViolations,
  chooseLanguage,
  DEMO,
  gql,
  graphql,
  mainHeading,
  publishInternship,
  signIn,
  useBrowser,
  visible,
  withContext,
} from '../support/index.js';

const browser = useBrowser();

/** A card of the home, by its heading (which may end in a count). */
const card = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title}`) });

async function newInternshipWithApplication(title: string): Promise<string> {
  const needId = await publishInternship(title);
  const { applyToNeed } = await graphql<{ applyToNeed: { id: string } }>(
    gql`
      mutation Apply($input: ApplyInput!) {
        applyToNeed(input: $input) {
          id
        }
      }
    `,
    { input: { needId, coverLetter: 'Olen asentanut aurinkopaneeleja kesätöissä Ivalossa.' } },
    await apiSignIn(DEMO.student),
  );
  return applyToNeed.id;
}

describe('a home for every role', () => {
  it('leads the entrepreneur to a new applicant and the student to accept the offer, from their homes', async () => {
    const title = `Aurinkoharjoittelu ${Date.now().toString(36)}`;
    const applicationId = await newInternshipWithApplication(title);

    // The entrepreneur lands on their home; the new applicant is there, one step from the board.
    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.entrepreneur);
    const applicants = card(page, 'Uudet hakijat');
    await visible(applicants.getByRole('link', { name: title }));
    expect(await axeViolations(page)).toEqual([]);
    await applicants.getByRole('link', { name: title }).click();
    await visible(mainHeading(page, `Hakijat: ${title}`));

    // The company offers the place (on the board, tested elsewhere; here by the API).
    await graphql(
      gql`
        mutation Offer($id: ID!) {
          offerApplication(id: $id) {
            id
          }
        }
      `,
      { id: applicationId },
      await apiSignIn(DEMO.entrepreneur),
    );
    await context.close();

    // The student accepts it from their home: one button, confirmed.
    const student = await browser.openPage();
    await signIn(student.page, DEMO.student);
    const offers = card(student.page, 'Vastaustasi odottavat tarjoukset');
    await offers.getByRole('button', { name: withContext('Hyväksy tarjous', title) }).click();
    const confirm = student.page.getByRole('alertdialog', { name: 'Hyväksytkö tarjouksen?' });
    await confirm.getByRole('button', { name: 'Hyväksy tarjous' }).click();
    await visible(offers.getByRole('status').getByText(`Olet hyväksynyt tarjouksen: ${title}.`));
    // Accepted, it leaves the card (the list reloads).
    await offers.getByRole('link', { name: title }).waitFor({ state: 'detached' });
    expect(await axeViolations(student.page)).toEqual([]);
    await student.context.close();
  });

  it('lets the coordinator verify an organisation from the home, in Finnish, Swedish and English', async () => {
    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.coordinator);
    const verify = card(page, 'Vahvistettavat organisaatiot');
    const first = verify.getByRole('listitem').first();
    const name = (await first.getByRole('link').textContent())!;
    await first.getByRole('button', { name: withContext('Vahvista', name) }).click();
    await visible(verify.getByRole('status').getByText(`${name} on vahvistettu.`));
    await verify.getByRole('link', { name, exact: true }).waitFor({ state: 'detached' });
    await visible(card(page, 'Yhdistämistä odottavat tarpeet').getByRole('listitem').first());
    expect(await axeViolations(page)).toEqual([]);

    await chooseLanguage(page, 'Kieli', 'Svenska');
    await page.waitForURL((url) => url.pathname === '/sv/home');
    await visible(card(page, 'Behov som väntar på en matchning').getByRole('listitem').first());
    expect(await axeViolations(page)).toEqual([]);
    await chooseLanguage(page, 'Språk', 'English');
    await page.waitForURL((url) => url.pathname === '/en/home');
    await visible(card(page, 'Needs waiting for a match').getByRole('listitem').first());
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the educator their week and the admin the newest accounts, each a step from acting', async () => {
    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.educator);
    const sessions = card(page, 'Tämän viikon toteutuksesi');
    await visible(sessions);
    await page.waitForFunction(() => !document.querySelector('.home-card[aria-busy="true"]'), undefined, {
      timeout: 20_000,
    });
    const leads = card(page, 'Tarve, johon mikään kurssi ei vastaa');
    await leads.getByRole('link', { name: 'Kaikki vastaamaton kysyntä' }).click();
    await visible(mainHeading(page, 'Vastaamaton kysyntä'));
    await context.close();

    const admin = await browser.openPage();
    await signIn(admin.page, 'admin@demo.keskusvaraamo.fi');
    const accounts = card(admin.page, 'Uusimmat käyttäjätilit');
    const newest = accounts.getByRole('listitem').first().getByRole('link');
    const person = (await newest.textContent())!;
    await newest.click();
    await visible(mainHeading(admin.page, 'Käyttäjät'));
    await visible(admin.page.getByRole('table').getByText(person).first());
    await admin.context.close();
  });

  it('puts the heading and the first card on a phone’s first screen', async () => {
    const { context, page } = await browser.openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, DEMO.entrepreneur);
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    const firstCard = await page.locator('.home-card').first().boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(844);
    expect(firstCard!.y).toBeLessThan(844);
    await context.close();
  });
});
