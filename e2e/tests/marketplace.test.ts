import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  choose,
  dateField,
  DEMO,
  mainHeading,
  followNavLink,
  signIn,
  typeDate,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** Waits until the wizard's step heading (focused after each step) names the step. */
async function atStep(page: Page, heading: string): Promise<void> {
  const step = page.getByRole('heading', { level: 2, name: heading });
  await visible(step);
  await page.waitForFunction((name) => document.activeElement?.textContent?.includes(name) ?? false, heading);
}

describe('marketplace', () => {
  it('an entrepreneur posts an internship through the guided form and a student finds it by search', async () => {
    const stamp = Date.now().toString(36);
    const title = `Aurinkosähköjärjestelmien asentaja harjoitteluun ${stamp}`;

    const entrepreneur = await browser.openPage();
    const page = entrepreneur.page;
    await signIn(page, DEMO.entrepreneur);
    await followNavLink(page, 'Ilmoita tarve');
    await visible(mainHeading(page, 'Ilmoita tarve'));

    // Step 1: the kind of need, and the company it is posted for.
    await page.getByText('Harjoittelu', { exact: true }).click();
    await page.getByText('Tunturienergia Oy', { exact: true }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();

    // Step 2: a step is checked before the next one; the first problem takes focus.
    await atStep(page, 'Vaihe 2/5: Kuvaus ja aiheet');
    await page.getByRole('button', { name: 'Seuraava' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    // The step's errors are summed up above it, each naming its field and leading to it.
    const summary = page.getByRole('list', { name: 'Korjattavat kohdat' });
    await visible(summary.getByRole('link', { name: /^Otsikko: / }));
    await visible(page.getByRole('alert').filter({ hasText: /Lomakkeessa on \d+ korjattavaa kohtaa\./ }));
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: /^Aiheet/ }).click();
    expect(
      await page.getByRole('group', { name: 'Aiheet' }).evaluate((group) => group.contains(document.activeElement)),
    ).toBe(true);
    await page.getByLabel('Otsikko').fill(title);
    await page
      .getByLabel('Kuvaus', { exact: true })
      .fill('Asennat aurinkopaneeleja ja invertterejä maatiloille ja lomakylille Sallassa. Mukana kokenut asentaja.');
    await page.getByRole('group', { name: 'Aiheet' }).getByText('Aurinkosähkö', { exact: true }).click();
    await page.getByRole('button', { name: 'Seuraava' }).click();

    // Step 3: where and when.
    await atStep(page, 'Vaihe 3/5: Paikka ja aika');
    await choose(page, page, /Kunta/, 'Salla');
    await typeDate(dateField(page, 'Työ alkaa'), '01062027');
    await typeDate(dateField(page, 'Työ päättyy'), '31082027');
    await page.getByRole('button', { name: 'Seuraava' }).click();

    // Step 4: positions, pay in euros as a Finn writes them, languages and the deadline.
    await atStep(page, 'Vaihe 4/5: Henkilöt, palkka ja hakuaika');
    await page.getByText('Palkallinen', { exact: true }).click();
    await page.getByLabel('Palkka euroina kuukaudessa').fill('1 850,50');
    await typeDate(dateField(page, 'Hakuaika päättyy'), '30042027');
    await page.getByRole('button', { name: 'Seuraava' }).click();

    // Step 5: review, then publish.
    await atStep(page, 'Vaihe 5/5: Tarkista ja tallenna');
    await visible(page.getByText(/1\s850,50\s€ kuukaudessa/));
    await page.getByRole('button', { name: 'Julkaise' }).click();
    await visible(mainHeading(page, title));
    await visible(page.getByText('Tarve on julkaistu. Se näkyy nyt haussa.'));
    await visible(page.getByText('Avoinna', { exact: true }));
    await entrepreneur.context.close();

    // A student searches with another form of a word of the title, and narrows to internships.
    const student = await browser.openPage();
    const studentPage = student.page;
    await signIn(studentPage, DEMO.student);
    await followNavLink(studentPage, 'Haku');
    await visible(mainHeading(studentPage, 'Haku'));
    await studentPage.getByLabel('Hakusanat').fill('aurinkosähköjärjestelmä');
    await studentPage.getByLabel('Hakusanat').press('Enter');
    await studentPage.waitForURL(/q=aurinkos%C3%A4hk%C3%B6j%C3%A4rjestelm%C3%A4/);
    await studentPage.getByRole('group', { name: 'Mitä etsit' }).getByText('Harjoittelupaikka').click();
    await studentPage.waitForURL(/kind=INTERNSHIP/);
    // The page follows the URL a moment later (a navigation renders as a transition).
    await studentPage.getByRole('checkbox', { name: /^Harjoittelupaikka/, checked: true }).waitFor();
    await studentPage.getByLabel('Järjestys').selectOption({ label: 'Uusimmat ensin' });
    await studentPage.waitForURL(/sort=NEWEST/);
    await visible(studentPage.getByRole('status').filter({ hasText: /\d+ tulos/ }));

    await studentPage.getByRole('link', { name: title }).click();
    await visible(mainHeading(studentPage, title));
    await visible(studentPage.getByText('Tunturienergia Oy').first());
    // At a glance, before the description: the deadline among where, when and the pay.
    const glance = studentPage.getByRole('region', { name: 'Lyhyesti' });
    await visible(glance.getByText('30.4.2027'));
    await visible(glance.getByText('Hakuaika päättyy'));

    // The search is in the URL: back returns to it with its filters.
    await studentPage.goBack();
    await visible(mainHeading(studentPage, 'Haku'));
    expect(await studentPage.getByRole('checkbox', { name: /^Harjoittelupaikka/ }).isChecked()).toBe(true);
    await student.context.close();
  });

  it('an educator publishes a course with two sessions and a visitor finds it with filters', async () => {
    const stamp = Date.now().toString(36);
    const title = `Aurinkosähkövoimalan huolto ja vianetsintä ${stamp}`;

    const educator = await browser.openPage();
    const page = educator.page;
    await signIn(page, DEMO.educator);
    await followNavLink(page, 'Julkaise kurssi');
    await visible(mainHeading(page, 'Julkaise kurssi'));
    await visible(page.getByText('Julkaisija: Lapin ammattikorkeakoulu'));

    await page.getByLabel('Nimi', { exact: true }).fill(title);
    await page
      .getByLabel('Kuvaus', { exact: true })
      .fill('Kahden päivän kurssi aurinkosähkövoimaloiden huollosta, mittauksista ja vikojen etsinnästä.');
    await page.getByRole('group', { name: 'Aiheet' }).getByText('Aurinkosähkö', { exact: true }).click();
    const where = page.getByRole('region', { name: 'Paikka ja kielet' });
    await choose(page, where, /Kunta/, 'Rovaniemi');

    // Two sessions; the second starts from the first one's place and price.
    const first = page.getByRole('group', { name: 'Toteutus 1' });
    await typeDate(dateField(first, 'Alkaa'), '150320270900');
    await typeDate(dateField(first, 'Päättyy'), '150320271600');
    await typeDate(dateField(first, 'Ilmoittautuminen päättyy'), '010320272359');
    await choose(page, first, /Kunta/, 'Rovaniemi');
    await first.getByLabel('Paikka (vapaaehtoinen)').fill('Jokiväylä 11, Rovaniemi');
    await first.getByLabel('Paikkoja').fill('12');
    await first.getByLabel('Hinta (sis. alv)').fill('250');

    await page.getByRole('button', { name: 'Lisää toteutus' }).click();
    const second = page.getByRole('group', { name: 'Toteutus 2' });
    await typeDate(dateField(second, 'Alkaa'), '120420270900');
    await typeDate(dateField(second, 'Päättyy'), '120420271600');
    await typeDate(dateField(second, 'Ilmoittautuminen päättyy'), '010420272359');
    expect(await second.getByLabel('Hinta (sis. alv)').inputValue()).toBe('250');

    await page.getByRole('button', { name: 'Julkaise' }).click();
    await visible(mainHeading(page, title));
    await visible(page.getByText('Tarjous on julkaistu. Se näkyy nyt haussa.'));
    await educator.context.close();

    // A visitor, not signed in, browses from the front page and narrows the search.
    const visitor = await browser.openPage();
    const visitorPage = visitor.page;
    await visitorPage.goto('/');
    await visitorPage.getByRole('link', { name: 'Selaa kursseja ja harjoittelupaikkoja' }).click();
    await visible(mainHeading(visitorPage, 'Haku'));
    await visitorPage
      .getByRole('group', { name: 'Mitä etsit' })
      .getByText(/^Kurssi/)
      .click();
    await visitorPage.waitForURL(/kind=COURSE/);
    await visitorPage.getByRole('button', { name: 'Aiheet' }).click();
    await visitorPage
      .getByRole('group', { name: 'Sähkö', exact: true })
      .getByText(/^Aurinkosähkö \(/)
      .click();
    await visitorPage.waitForURL(/topic=solar-pv/);
    await visitorPage.getByLabel('Järjestys').selectOption({ label: 'Uusimmat ensin' });
    await visitorPage.waitForURL(/sort=NEWEST/);

    // The link is shareable: opening it again gives the same search.
    const shared = visitorPage.url();
    await visitorPage.goto(shared);
    await visitorPage.getByRole('link', { name: title }).click();
    await visible(mainHeading(visitorPage, title));

    const sessions = visitorPage.getByRole('region', { name: 'Toteutukset (2)' });
    await visible(sessions);
    expect(await sessions.getByRole('listitem').count()).toBe(2);
    await visible(sessions.getByRole('heading', { name: /15\.3\.2027/ }));
    await visible(sessions.getByRole('heading', { name: /12\.4\.2027/ }));
    expect(await sessions.getByText(/250\s€ \(sis\. alv\)/).count()).toBe(2);
    await visitor.context.close();
  });
});
