import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  confirmSignUp,
  DEMO,
  mainHeading,
  followNavLink,
  mainNav,
  signIn,
  signOutFromUserMenu,
  unique,
  useBrowser,
  visible,
  waitForLang,
  waitForTitle,
} from '../support/index.js';

const browser = useBrowser();

describe('accounts', () => {
  it('signs up, confirms the address, signs out and in, switches language in the address and keeps it', async () => {
    const { context, page } = await browser.openPage();
    const email = `yrittaja-${unique()}@example.fi`;
    const password = 'Revontuli-2026';

    // A visitor gets the Finnish front page.
    await page.goto('/');
    await visible(mainHeading(page, 'Osaamista ja tekijöitä Lapin maaseudun energiayrityksille'));
    await waitForLang(page, 'fi');
    await waitForTitle(page, 'Osaamisen keskusvaraamo – Lapin maaseudun energiaklusterin kurssit ja osaajat');

    // Sign up as an entrepreneur from the main navigation.
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Luo tili' }).click();
    await visible(mainHeading(page, 'Luo tili'));
    await page.getByLabel('Nimi', { exact: true }).fill('Aila Aurinkoinen');
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByLabel('Salasana', { exact: true }).fill(password);
    // Click the option's visible label, as a person does; the radio itself is react-aria's hidden input.
    await page.getByText('Yrittäjä', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Yrittäjä' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Luo tili' }).click();

    // Not signed in yet: the link sent to the address confirms it and signs in.
    await visible(mainHeading(page, 'Tarkista sähköpostisi'));
    await visible(page.getByText(`Lähetimme osoitteeseen ${email} viestin.`, { exact: false }));
    await confirmSignUp(page, email);
    await page.waitForURL('**/account');
    await visible(page.getByText(email));
    await waitForTitle(page, 'Oma tili – Osaamisen keskusvaraamo');

    // Sign out from the user menu.
    await signOutFromUserMenu(page, 'Käyttäjävalikko: Aila Aurinkoinen', 'Kirjaudu ulos');
    await page.waitForURL((url) => url.pathname === '/');
    await visible(page.getByText('Olet kirjautunut ulos.'));

    // Sign in again.
    await nav.getByRole('link', { name: 'Kirjaudu sisään' }).click();
    await visible(mainHeading(page, 'Kirjaudu sisään'));
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByLabel('Salasana', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    // Signing in leads to the person's home.
    await page.waitForURL((url) => url.pathname === '/home');
    await visible(mainHeading(page, 'Hei, Aila Aurinkoinen'));
    await waitForTitle(page, 'Oma sivu – Osaamisen keskusvaraamo');

    // Swedish, then English: the same page under the language's prefix.
    await chooseLanguage(page, 'Kieli', 'Svenska');
    await page.waitForURL((url) => url.pathname === '/sv/home');
    await visible(mainHeading(page, 'Hej, Aila Aurinkoinen'));
    await waitForLang(page, 'sv');
    await visible(page.getByRole('navigation', { name: 'Huvudmeny' }));
    // The app's links keep the language.
    const svNav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await svNav.getByRole('link', { name: 'Sök', exact: true }).getAttribute('href')).toBe('/sv/search');

    await chooseLanguage(page, 'Språk', 'English');
    await page.waitForURL((url) => url.pathname === '/en/home');
    await visible(mainHeading(page, 'Hello, Aila Aurinkoinen'));
    await waitForLang(page, 'en');

    // Reloading restores the session from the refresh cookie; the address keeps the language.
    await page.reload();
    await visible(mainHeading(page, 'Hello, Aila Aurinkoinen'));
    await waitForLang(page, 'en');
    await waitForTitle(page, 'My home – Osaamisen keskusvaraamo');

    await signOutFromUserMenu(page, 'User menu: Aila Aurinkoinen', 'Sign out');
    await page.waitForURL((url) => url.pathname === '/en');
    await visible(page.getByText('You have signed out.'));
    await visible(mainHeading(page, "Skills and people for rural Lapland's energy businesses"));

    await context.close();

    // In another browser the address decides: signing in on a Finnish page stays Finnish, although
    // the account's language (its e-mails') is now English; a shared English link opens in English.
    const other = await browser.openPage();
    await other.page.goto('/sign-in');
    await visible(mainHeading(other.page, 'Kirjaudu sisään'));
    await other.page.getByLabel('Sähköpostiosoite').fill(email);
    await other.page.getByLabel('Salasana', { exact: true }).fill(password);
    await other.page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    await other.page.waitForURL((url) => url.pathname === '/home');
    await visible(mainHeading(other.page, 'Hei, Aila Aurinkoinen'));
    await waitForLang(other.page, 'fi');
    await other.page.goto('/en/search');
    await visible(mainHeading(other.page, 'Search'));
    await waitForLang(other.page, 'en');
    await other.context.close();
  });

  it('tells what is wrong when the password is wrong', async () => {
    const { context, page } = await browser.openPage();
    await page.goto('/sign-in');
    await visible(mainHeading(page, 'Kirjaudu sisään'));
    await page.getByLabel('Sähköpostiosoite').fill(DEMO.entrepreneur);
    await page.getByLabel('Salasana', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Sähköpostiosoite tai salasana on väärin.' }));
    // The same words whether the address has an account or not.
    await page.getByLabel('Sähköpostiosoite').fill('nobody-here@example.fi');
    await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Sähköpostiosoite tai salasana on väärin.' }));

    // Client-side validation marks the field and links the message to it.
    await page.getByLabel('Sähköpostiosoite').fill('ei-osoite');
    await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    const field = page.getByLabel('Sähköpostiosoite');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    await context.close();
  });

  it('lets the demo coordinator sign in and reach the coordinator pages', async () => {
    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.coordinator);

    await followNavLink(page, 'Organisaatioiden vahvistus');
    await visible(mainHeading(page, 'Organisaatioiden vahvistus'));
    // Navigation moves focus to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await visible(page.getByText(/\d+ organisaatio/));
    await context.close();
  });
});
