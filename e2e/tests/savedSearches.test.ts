import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  escapeRegExp,
  mainHeading,
  followNavLink,
  signIn,
  useBrowser,
  visible,
  waitForTitle,
} from '../support/index.js';

const browser = useBrowser();

/** The card of one saved search, by its name. */
function savedSearchCard(page: Page, name: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

/**
 * A button of a saved search's card, named "<label>: <search>" (the search's name is visually
 * hidden, and the browser reads a space before the colon of a hidden part).
 */
function cardButton(card: Locator, label: string, name: string): Locator {
  return card.getByRole('button', { name: new RegExp(`${escapeRegExp(label)}\\s*: ${escapeRegExp(name)}$`) });
}

/** The alert select of a saved search: its name also tells the value chosen. */
function alertSelect(card: Locator, name: string): Locator {
  return cardButton(card, 'Ilmoitus uusista tuloksista', name);
}

describe('saved searches', () => {
  it('a student saves a search with a daily alert, changes it to immediate and deletes it', async () => {
    const { context, page } = await browser.openPage();

    // A visitor is told that signing in lets them save searches.
    await page.goto('/search?q=aurinko');
    await visible(mainHeading(page, 'Haku'));
    await visible(page.getByText('Kirjautuneena voit tallentaa haun ja saada ilmoituksen sen uusista tuloksista.'));

    await signIn(page, DEMO.student);
    await followNavLink(page, 'Haku');
    await visible(mainHeading(page, 'Haku'));
    await page.getByLabel('Hakusanat').fill('aurinko');
    await page.getByLabel('Hakusanat').press('Enter');
    await page.waitForURL(/q=aurinko/);
    await page.getByRole('group', { name: 'Mitä etsit' }).getByText('Harjoittelupaikka').click();
    await page.waitForURL(/kind=INTERNSHIP/);
    // The page follows the URL a moment later (a navigation renders as a transition).
    await page.getByRole('checkbox', { name: /^Harjoittelupaikka/, checked: true }).waitFor();
    const searchPath = '/search?q=aurinko&kind=INTERNSHIP';
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(searchPath);

    // The dialog starts with a name from the words and the filter.
    const opener = page.getByRole('button', { name: 'Tallenna tämä haku' });
    await opener.click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Tallenna haku' }));
    const nameField = dialog.getByRole('textbox', { name: 'Haun nimi' });
    expect(await nameField.inputValue()).toBe('aurinko · Harjoittelupaikka');
    const name = `Aurinkoharjoittelut ${Date.now().toString(36)}`;
    await nameField.fill(name);
    // react-aria's radios are chosen by their labels, as a person does.
    await dialog.getByText('Heti', { exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'Heti' }).isChecked()).toBe(true);
    await dialog.getByText('Päivittäin', { exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'Päivittäin' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Tallenna haku' }).click();
    await visible(dialog.getByRole('heading', { name: 'Haku on tallennettu' }));
    await visible(dialog.getByText(`Haku ”${name}” on nyt tallessa.`));
    await dialog.getByRole('link', { name: 'Näytä tallennetut haut' }).click();

    await visible(mainHeading(page, 'Tallennetut haut'));
    await waitForTitle(page, 'Tallennetut haut – Osaamisen keskusvaraamo');
    const card = savedSearchCard(page, name);
    await visible(card);
    expect(await card.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(searchPath);
    await visible(alertSelect(card, name).filter({ hasText: 'Päivittäin' }));

    // The alert changes in place, is saved at once and announced.
    await alertSelect(card, name).click();
    await page.getByRole('option', { name: 'Heti', exact: true }).click();
    await visible(
      page.getByRole('status').getByText(`Haun ”${name}” ilmoitukseksi on tallennettu: Heti.`, { exact: true }),
    );
    await visible(alertSelect(card, name).filter({ hasText: 'Heti' }));

    // It is kept.
    await page.reload();
    await visible(mainHeading(page, 'Tallennetut haut'));
    await visible(alertSelect(savedSearchCard(page, name), name).filter({ hasText: 'Heti' }));

    // The name runs the search again, filters and all.
    await savedSearchCard(page, name).getByRole('link', { name, exact: true }).click();
    await visible(mainHeading(page, 'Haku'));
    expect(await page.getByLabel('Hakusanat').inputValue()).toBe('aurinko');
    expect(await page.getByRole('checkbox', { name: /^Harjoittelupaikka/ }).isChecked()).toBe(true);

    // Deleting asks first, then the search is gone, also after a reload.
    await page.goBack();
    await visible(mainHeading(page, 'Tallennetut haut'));
    await cardButton(savedSearchCard(page, name), 'Poista', name).click();
    const confirm = page.getByRole('alertdialog', { name: 'Poistetaanko tallennettu haku?' });
    await confirm.getByRole('button', { name: 'Poista', exact: true }).click();
    await visible(page.getByRole('status').getByText(`Haku ”${name}” on poistettu.`, { exact: true }));
    await savedSearchCard(page, name).waitFor({ state: 'detached' });
    // Its buttons went with it: focus moves on, here to the page's heading, as no search is left.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.reload();
    await visible(mainHeading(page, 'Tallennetut haut'));
    expect(await savedSearchCard(page, name).count()).toBe(0);
    await context.close();
  });
});
