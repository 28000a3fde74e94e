import { describe, expect, it } from 'vitest';
import { DEMO, followNavLink, mainHeading, signIn, useBrowser, visible } from '../support/index.js';

const browser = useBrowser();

describe('organisations', () => {
  it('founds a company, checks its business ID, invites a member and gets verified', async () => {
    const name = `Napapiirin Tuulivoima ${Date.now()} Oy`;
    const owner = await browser.openPage();
    await signIn(owner.page, DEMO.entrepreneur);
    await followNavLink(owner.page, 'Omat organisaatiot');
    await visible(mainHeading(owner.page, 'Omat organisaatiot'));

    // A company needs a business ID whose check digit is right.
    await owner.page.getByLabel('Organisaation nimi').fill(name);
    await owner.page.getByLabel('Y-tunnus').fill('1234567-8');
    await owner.page.getByRole('button', { name: 'Perusta organisaatio' }).click();
    const businessId = owner.page.getByLabel('Y-tunnus');
    await owner.page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await businessId.getAttribute('aria-invalid')).toBe('true');
    // The field says what is wrong, and the form's summary names the field and links to it.
    await visible(owner.page.locator('.field__error', { hasText: /Tarkista Y-tunnus/ }));
    await visible(owner.page.getByRole('link', { name: /^Y-tunnus: Tarkista Y-tunnus/ }));

    await businessId.fill('1234567-1');
    await owner.page.getByRole('button', { name: /Kotikunta/ }).click();
    await owner.page.getByRole('option', { name: 'Inari – Anár' }).click();
    await owner.page.getByRole('button', { name: 'Perusta organisaatio' }).click();
    await visible(mainHeading(owner.page, name));
    const organisationUrl = owner.page.url();
    await visible(owner.page.getByRole('definition').filter({ hasText: 'Inari – Anár' }));
    await visible(owner.page.getByRole('definition').filter({ hasText: 'Ei vahvistettu' }));

    await owner.page.getByLabel('Sähköpostiosoite').fill(DEMO.student);
    await owner.page.getByRole('button', { name: 'Lähetä kutsu' }).click();
    await visible(owner.page.getByText(`Kutsu on lähetetty osoitteeseen ${DEMO.student}.`));
    await visible(owner.page.getByRole('region', { name: 'Avoimet kutsut' }).getByText(DEMO.student, { exact: true }));
    await owner.context.close();

    // A coordinator verifies the new organisation from its card.
    const coordinator = await browser.openPage();
    await signIn(coordinator.page, DEMO.coordinator);
    await coordinator.page.goto(organisationUrl);
    await visible(mainHeading(coordinator.page, name));
    await coordinator.page.getByRole('button', { name: 'Vahvista jäsenyys' }).click();
    await visible(coordinator.page.getByText(`${name} on vahvistettu klusterin jäseneksi.`));
    await visible(coordinator.page.getByRole('button', { name: 'Poista vahvistus' }));
    await coordinator.context.close();
  });
});
