import { describe, expect, it } from 'vitest';
import {
  daysAhead,
  DEMO,
  escapeRegExp,
  mainHeading,
  publishNeed,
  signIn,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** The demo entrepreneur posts and publishes a solar PV course need for Tunturienergia Oy. */
function publishCourseNeed(title: string): Promise<string> {
  return publishNeed(
    { email: DEMO.entrepreneur, company: 'Tunturienergia Oy' },
    {
      kind: 'COURSE',
      title,
      description: 'Kaksi asentajaamme tarvitsee koulutuksen aurinkosähköjärjestelmien asennukseen ja käyttöönottoon.',
      language: 'fi',
      topics: ['solar-pv', 'electrical-installation'],
      municipalityCode: '732',
      remote: false,
      periodStart: daysAhead(20),
      periodEnd: daysAhead(120),
      positions: 2,
      budgetCents: 140_000,
      languages: ['fi'],
    },
  );
}

describe('proposals', () => {
  it('a coordinator proposes a suggested course for a need, and the entrepreneur accepts it', async () => {
    const title = `Aurinkosähkökoulutus asentajille ${Date.now().toString(36)}`;
    const needId = await publishCourseNeed(title);
    const note = 'Lapin AMK:n kurssi sopii aiheiltaan ja ajankohdaltaan, ja se järjestetään suomeksi.';

    // The coordinator sees the need's suggestions, with why they fit, and proposes the best one.
    const coordinator = await browser.openPage();
    const page = coordinator.page;
    await signIn(page, DEMO.coordinator);
    await page.goto(`/needs/${needId}`);
    await visible(mainHeading(page, title));
    const suggestions = page.getByRole('region', { name: 'Ehdotuksia sinulle' });
    const first = suggestions.getByRole('listitem').first();
    await visible(first.getByText(/^(Yhteinen aihe|Yhteiset aiheet):/));
    await visible(first.getByText(/\/100$/));
    await first.getByRole('button', { name: /^Ehdota/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ehdota yhdistämistä' });
    await dialog.getByRole('textbox', { name: 'Viesti molemmille osapuolille' }).fill(note);
    await dialog.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    const sent = page.getByRole('dialog', { name: 'Ehdotus on lähetetty' });
    await sent.getByRole('link', { name: 'Näytä ehdotus' }).click();
    await visible(mainHeading(page, `Ehdotus: ${title}`));
    await visible(page.getByText(note));

    // The entrepreneur finds it among their proposals and accepts.
    const entrepreneur = await browser.openPage();
    const own = entrepreneur.page;
    await signIn(own, DEMO.entrepreneur);
    await own.getByRole('button', { name: /Käyttäjävalikko/ }).click();
    await own.getByRole('menuitem', { name: 'Ehdotukset', exact: true }).click();
    await visible(mainHeading(own, 'Ehdotukset'));
    await own.getByRole('link', { name: new RegExp(`^${escapeRegExp(title)} – `) }).click();
    await visible(mainHeading(own, `Ehdotus: ${title}`));
    await visible(own.getByText(note));
    await own.getByRole('button', { name: 'Hyväksy', exact: true }).click();
    const confirm = own.getByRole('alertdialog', { name: 'Hyväksytkö ehdotuksen?' });
    await confirm.getByRole('button', { name: 'Hyväksy', exact: true }).click();
    await visible(own.getByRole('status').getByText(new RegExp(`^Hyväksyit ehdotuksen: ${escapeRegExp(title)} – `)));
    await visible(own.getByText(/^Hyväksynyt /).first());
    expect(await own.getByRole('button', { name: 'Hyväksy', exact: true }).count()).toBe(0);

    await coordinator.context.close();
    await entrepreneur.context.close();
  });
});
