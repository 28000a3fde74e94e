/**
 * The legal pages in the built app: a visitor opens the privacy notice, the accessibility statement
 * and the contact page from the footer (axe in Chromium on each), follows the statement's feedback
 * link and sends accessibility feedback, which the outbox delivers to the operator's address (the
 * development mailbox shows it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, mainHeading, openMail, unique, useBrowser, visible, waitForTitle } from '../support/index.js';

const browser = useBrowser();

/** The footer's legal links. */
const legalNav = (page: Page) =>
  page.getByRole('contentinfo').getByRole('navigation', { name: 'Tietosuoja, saavutettavuus ja yhteystiedot' });

/** The e2e server runs with the default operator: every address is OPERATOR_EMAIL's default. */
const OPERATOR_EMAIL = 'tietosuoja@keskusvaraamo.fi';

describe('the legal pages', () => {
  it('open from every page’s footer, and feedback reaches the operator', async () => {
    const { page } = await browser.openPage();
    await page.goto('/search');

    // The privacy notice, from the footer: the controller and the retention periods as configured.
    await legalNav(page).getByRole('link', { name: 'Tietosuojaseloste' }).click();
    await visible(mainHeading(page, 'Tietosuojaseloste'));
    await waitForTitle(page, 'Tietosuojaseloste – Osaamisen keskusvaraamo');
    await visible(
      page.getByText('Palvelun henkilötietojen rekisterinpitäjä on Lapin maaseudun energiaklusteri (demo).'),
    );
    await visible(page.getByText(/Hylätyt ja perutut hakemukset anonymisoidaan 12 kuukautta/));
    expect(await axeViolations(page)).toEqual([]);

    // The accessibility statement, from the footer of that page.
    await legalNav(page).getByRole('link', { name: 'Saavutettavuusseloste' }).click();
    await visible(mainHeading(page, 'Saavutettavuusseloste'));
    await visible(page.getByText(/täyttää osittain WCAG 2\.1/));
    await visible(page.getByRole('link', { name: 'saavutettavuus@avi.fi' }));
    expect(await axeViolations(page)).toEqual([]);

    // Its feedback link opens the contact page with the topic chosen.
    await page.getByRole('link', { name: 'Palautelomake' }).click();
    await visible(mainHeading(page, 'Yhteystiedot ja palaute'));
    await page.waitForURL('**/contact?topic=ACCESSIBILITY');
    expect(await page.getByRole('radio', { name: /^Saavutettavuus/ }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const message = `Raportin kartta ei avaudu näppäimistöllä ${unique()}.`;
    await page.getByRole('textbox', { name: /^Viesti/ }).fill(message);
    await page.getByRole('textbox', { name: /^Sivu/ }).fill('/reports');
    await page.getByRole('textbox', { name: /^Sähköpostiosoite/ }).fill('palautteen.antaja@example.fi');
    await page.getByRole('button', { name: 'Lähetä palaute' }).click();
    await visible(page.getByText(/Kiitos palautteestasi!.*Vastaamme osoitteeseen palautteen\.antaja@example\.fi\./));
    expect(await axeViolations(page)).toEqual([]);

    // The operator's copy, delivered by the outbox: the message, the page and where to answer.
    const mail = await openMail(page, OPERATOR_EMAIL, 'Palaute: saavutettavuus');
    const text = await mail.textContent();
    expect(text).toContain(message);
    expect(text).toContain('Sivu: /reports');
    expect(text).toContain('Vastausosoite: palautteen.antaja@example.fi');
    expect(text).toContain('Lähettäjän kieli: suomi');

    // The contact page is also in the footer, and the sign-up form links the privacy notice.
    await legalNav(page).getByRole('link', { name: 'Yhteystiedot ja palaute' }).click();
    await visible(mainHeading(page, 'Yhteystiedot ja palaute'));
    await visible(page.getByRole('link', { name: OPERATOR_EMAIL }).first());
    await page.goto('/sign-up');
    await page.getByRole('link', { name: 'tietosuojaselosteessa' }).click();
    await visible(mainHeading(page, 'Tietosuojaseloste'));
  });
});
