/**
 * An admin deactivates a demo account with a reason in the built app: its owner's sign-in then
 * shows the translated deactivation message, the audit log shows the action with the reason, and
 * once the admin reactivates the account its owner signs in again. axe in Chromium on both pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  DEMO_PASSWORD,
  mainHeading,
  followNavLink,
  signIn,
  useBrowser,
  visible,
  withContext,
} from '../support/index.js';

const browser = useBrowser();

const ADMIN = 'admin@demo.keskusvaraamo.fi';
/** A demo company owner no other browser test signs in as. */
const OWNER = { email: 'pello@demo.keskusvaraamo.fi', name: 'Marja Pietilä' };
const REASON = 'Tilin käyttö tarkistetaan (pyyntö 4.12.)';

/** Tries to sign in on the sign-in page, without waiting for the account page. */
async function trySignIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
}

/** The admin users table's row of the account, found by searching its address. */
async function ownersCard(page: Page) {
  await page.getByRole('searchbox', { name: 'Hae nimellä tai sähköpostiosoitteella' }).fill(OWNER.email);
  await page.getByRole('searchbox', { name: 'Hae nimellä tai sähköpostiosoitteella' }).press('Enter');
  await page.waitForURL(/search=pello/);
  const card = page
    .getByRole('table', { name: 'Käyttäjätilit' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${OWNER.name}`) }) });
  return visible(card);
}

describe('an admin deactivates an account', () => {
  it('stops its sign-in with the translated message, logs it, and lets it back in once reactivated', async () => {
    const { page: admin } = await browser.openPage();
    await signIn(admin, ADMIN);
    await followNavLink(admin, 'Käyttäjät');
    await visible(mainHeading(admin, 'Käyttäjät'));
    let card = await ownersCard(admin);
    await visible(card.getByText('Käytössä', { exact: true }));

    // Deactivate, with the reason asked in a dialog.
    await card.getByRole('button', { name: withContext('Poista käytöstä', OWNER.name) }).click();
    const dialog = await visible(admin.getByRole('dialog', { name: `Poista käyttäjän ${OWNER.name} tili käytöstä` }));
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByRole('textbox', { name: /Syy/ }).fill(REASON);
    await dialog.getByRole('button', { name: 'Poista tili käytöstä' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(card.getByText('Poistettu käytöstä', { exact: true }));
    await visible(card.getByText(`Syy: ${REASON}`, { exact: false }));
    expect(await axeViolations(admin)).toEqual([]);

    // The owner's sign-in is refused, in Finnish, saying why.
    const { page: owner } = await browser.openPage();
    await trySignIn(owner, OWNER.email);
    await visible(
      owner.getByRole('alert').getByText('Ylläpito on poistanut tilin käytöstä. Ota yhteyttä palvelun ylläpitoon.'),
    );

    // The audit log shows who did it, to whom and why.
    await followNavLink(admin, 'Toimintaloki');
    await visible(mainHeading(admin, 'Toimintaloki'));
    const row = admin
      .getByRole('table', { name: 'Toimintalokin tapahtumat' })
      .getByRole('row')
      .filter({ hasText: OWNER.name })
      .filter({ hasText: 'Tili poistettu käytöstä' });
    await visible(row.first());
    await visible(row.first().getByText(`Syy: ${REASON}`));
    await visible(row.first().getByRole('cell', { name: 'Liisa Palo' }));
    expect(await axeViolations(admin)).toEqual([]);

    // Reactivated, the owner signs in again.
    await admin.getByRole('link', { name: 'Takaisin käyttäjiin' }).click();
    card = await ownersCard(admin);
    await card.getByRole('button', { name: withContext('Ota käyttöön', OWNER.name) }).click();
    const confirm = await visible(
      admin.getByRole('dialog', { name: `Ota käyttäjän ${OWNER.name} tili taas käyttöön` }),
    );
    await confirm.getByRole('button', { name: 'Ota tili käyttöön' }).click();
    await confirm.waitFor({ state: 'detached' });
    await visible(card.getByText('Käytössä', { exact: true }));
    await signIn(owner, OWNER.email);
  });
});
