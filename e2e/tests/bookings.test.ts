import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  choose,
  confirmSignUp,
  dateDigitsAhead,
  dateField,
  DEMO,
  mainHeading,
  followNavLink,
  signIn,
  typeDate,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** A new student account, confirmed with the link from its e-mail and signed in, on the account page. */
async function signUpStudent(page: Page, name: string): Promise<void> {
  const email = `opiskelija-${unique()}@example.fi`;
  await page.goto('/sign-up');
  await visible(mainHeading(page, 'Luo tili'));
  await page.getByLabel('Nimi', { exact: true }).fill(name);
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill('Revontuli-2026');
  await page.getByText('Opiskelija', { exact: true }).click();
  await page.getByRole('button', { name: 'Luo tili' }).click();
  await visible(mainHeading(page, 'Tarkista sähköpostisi'));
  await confirmSignUp(page, email);
}

/** iCalendar text with folded lines joined and escaped characters plain again. */
function unfoldIcs(text: string): string {
  return text.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1');
}

async function openMyBookings(page: Page): Promise<void> {
  await followNavLink(page, 'Omat varaukset');
  await visible(mainHeading(page, 'Omat varaukset'));
}

/** A booking's state badge in a card. */
function stateBadge(card: Locator, state: string): Locator {
  return card.locator('.badge', { hasText: new RegExp(`^${state}$`) });
}

/** The card of one booking on My bookings, by its course. */
function bookingCard(page: Page, title: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
}

/** The demo educator publishes a course with one session of one seat; resolves to its path. */
async function publishOneSeatCourse(page: Page, title: string, price: string): Promise<string> {
  await signIn(page, DEMO.educator);
  await followNavLink(page, 'Julkaise kurssi');
  await visible(mainHeading(page, 'Julkaise kurssi'));
  await page.getByLabel('Nimi', { exact: true }).fill(title);
  await page
    .getByLabel('Kuvaus', { exact: true })
    .fill('Iltapäivän mittainen johdatus energiayhteisön perustamiseen kylälle: sopimukset, mittaus ja laskutus.');
  await page.getByRole('group', { name: 'Aiheet' }).getByText('Aurinkosähkö', { exact: true }).click();
  await choose(page, page.getByRole('region', { name: 'Paikka ja kielet' }), /Kunta/, 'Rovaniemi');
  const session = page.getByRole('group', { name: 'Toteutus 1' });
  await typeDate(dateField(session, 'Alkaa'), `${dateDigitsAhead(60)}1300`);
  await typeDate(dateField(session, 'Päättyy'), `${dateDigitsAhead(60)}1600`);
  await typeDate(dateField(session, 'Ilmoittautuminen päättyy'), `${dateDigitsAhead(50)}2359`);
  await choose(page, session, /Kunta/, 'Rovaniemi');
  await session.getByLabel('Paikkoja').fill('1');
  await session.getByLabel('Hinta (sis. alv)').fill(price);
  await page.getByRole('button', { name: 'Julkaise' }).click();
  await visible(mainHeading(page, title));
  await visible(page.getByText('Tarjous on julkaistu. Se näkyy nyt haussa.'));
  return new URL(page.url()).pathname;
}

/** A new student books every participant's seat on the course's only session. */
async function bookOnlySession(page: Page, courseUrl: string, title: string): Promise<void> {
  await page.goto(courseUrl);
  await visible(mainHeading(page, title));
  await page
    .getByRole('button', { name: /^Varaa paikka/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Varaa 1 paikka' }).click();
  await visible(dialog.getByRole('heading', { name: 'Paikka on varattu' }));
  await dialog.getByRole('button', { name: 'Sulje' }).click();
}

/** Cancels the booking of this course on My bookings. */
async function cancelOnMyBookings(page: Page, title: string): Promise<void> {
  await openMyBookings(page);
  await bookingCard(page, title).getByRole('button', { name: 'Peru varaus' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Peru varaus' }).click();
  await visible(stateBadge(bookingCard(page, title), 'Peruttu'));
}

describe('bookings', () => {
  it('a student books a seat, downloads it to a calendar and cancels it', async () => {
    const { context, page } = await browser.openPage();
    await signUpStudent(page, 'Sanni Säkkinen');

    // Any published course with free seats, soonest first.
    await page.goto('/search?kind=COURSE&free=true&sort=SOONEST');
    await visible(mainHeading(page, 'Haku'));
    const firstResult = page.getByRole('main').locator('a[href^="/offers/"]').first();
    await visible(firstResult);
    await firstResult.click();
    const heading = page.getByRole('heading', { level: 1 });
    await page.waitForURL(/\/offers\//);
    await visible(page.getByRole('button', { name: /^Varaa paikka/ }).first());
    // The heading may carry soft hyphens for narrow screens; the title itself has none.
    const title = (await heading.textContent())!.replace(/\u00ad/g, '').trim();

    // The dialog starts with the user themselves as the one participant.
    await page
      .getByRole('button', { name: /^Varaa paikka/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Varaa paikka' }));
    expect(await dialog.getByLabel('Nimi').inputValue()).toBe('Sanni Säkkinen');
    await dialog.getByRole('button', { name: 'Varaa 1 paikka' }).click();
    await visible(dialog.getByRole('heading', { name: 'Paikka on varattu' }));

    // The booking's calendar file names the course.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Lataa kalenteriin (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kurssi-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = unfoldIcs(await readFile((await download.path())!, 'utf8'));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(title);

    await dialog.getByRole('link', { name: 'Omat varaukset' }).click();
    await visible(mainHeading(page, 'Omat varaukset'));
    const card = bookingCard(page, title);
    await visible(stateBadge(card, 'Vahvistettu'));
    await visible(card.getByText('Sanni Säkkinen'));

    await card.getByRole('button', { name: 'Peru varaus' }).click();
    const confirm = page.getByRole('alertdialog');
    await visible(confirm.getByRole('heading', { name: 'Perutaanko varaus?' }));
    await confirm.getByRole('button', { name: 'Peru varaus' }).click();
    await visible(page.getByRole('status').getByText('Varaus on peruttu.', { exact: true }));
    await visible(stateBadge(bookingCard(page, title), 'Peruttu'));
    await visible(bookingCard(page, title).getByText('Peruit tämän varauksen.'));
    await context.close();
  });

  it('a freed seat on a free course goes to the first on the waitlist', async () => {
    const title = `Energiayhteisön perustaminen ${unique()}`;

    // The educator publishes a free course with a single seat.
    const educator = await browser.openPage();
    const page = educator.page;
    const courseUrl = await publishOneSeatCourse(page, title, '0');

    // B starts booking while the seat is still free…
    const b = await browser.openPage();
    await signUpStudent(b.page, 'Bertta Berg');
    await b.page.goto(courseUrl);
    await visible(mainHeading(b.page, title));
    await b.page
      .getByRole('button', { name: /^Varaa paikka/ })
      .first()
      .click();
    const bDialog = b.page.getByRole('dialog');
    await visible(bDialog.getByText('Vapaana on 1 paikka.'));

    // …but A books it first.
    const a = await browser.openPage();
    await signUpStudent(a.page, 'Aapo Aalto');
    await bookOnlySession(a.page, courseUrl, title);

    // B is told plainly and joins the waitlist.
    await bDialog.getByRole('button', { name: 'Varaa 1 paikka' }).click();
    await visible(bDialog.getByRole('heading', { name: 'Toteutus täyttyi' }));
    await bDialog.getByRole('button', { name: 'Liity jonoon' }).click();
    await visible(bDialog.getByRole('heading', { name: 'Olet jonossa' }));
    await visible(bDialog.getByText('Olet jonossa sijalla 1.'));
    await bDialog.getByRole('button', { name: 'Sulje' }).click();
    await openMyBookings(b.page);
    await visible(stateBadge(bookingCard(b.page, title), 'Jonossa'));

    // A cancels; the seat goes straight to B, as the course is free.
    await cancelOnMyBookings(a.page, title);
    await a.context.close();

    await b.page.reload();
    await visible(mainHeading(b.page, 'Omat varaukset'));
    await visible(stateBadge(bookingCard(b.page, title), 'Vahvistettu'));
    await b.context.close();

    // The educator sees both bookings in arrival order; B's attendance waits for the session to start.
    await page.reload();
    await page.getByRole('link', { name: /^Varaukset ja osallistujat/ }).click();
    await visible(page.getByRole('heading', { name: 'Varaukset (1)' }));
    const bookings = page.locator('.session-bookings > li');
    expect(await bookings.count()).toBe(2);
    await visible(stateBadge(bookings.nth(0), 'Peruttu'));
    await visible(stateBadge(bookings.nth(1), 'Vahvistettu'));
    const present = bookings.nth(1).getByRole('checkbox', { name: 'Paikalla: Bertta Berg' });
    expect(await present.isChecked()).toBe(false);
    expect(await present.isDisabled()).toBe(true);
    await visible(page.getByText(/^Läsnäolon voi merkitä, kun toteutus on alkanut/));
    await educator.context.close();
  });

  it('on a paid course a freed seat is held for the first on the waitlist, who claims it', async () => {
    const title = `Energiayhteisön laskutus ${unique()}`;
    const educator = await browser.openPage();
    const courseUrl = await publishOneSeatCourse(educator.page, title, '50');
    await educator.context.close();

    const a = await browser.openPage();
    await signUpStudent(a.page, 'Aino Ahola');
    await bookOnlySession(a.page, courseUrl, title);

    // The session is full: B joins the waitlist straight away.
    const b = await browser.openPage();
    await signUpStudent(b.page, 'Benjamin Björk');
    await b.page.goto(courseUrl);
    await visible(mainHeading(b.page, title));
    await b.page
      .getByRole('button', { name: /^Liity jonoon/ })
      .first()
      .click();
    const dialog = b.page.getByRole('dialog');
    await visible(dialog.getByText(/Toteutus on nyt täynnä/));
    await dialog.getByRole('button', { name: 'Liity jonoon' }).click();
    await visible(dialog.getByText('Olet jonossa sijalla 1.'));
    await dialog.getByRole('button', { name: 'Sulje' }).click();

    await cancelOnMyBookings(a.page, title);
    await a.context.close();

    // The seat waits for B, who claims it within the window.
    await openMyBookings(b.page);
    const card = bookingCard(b.page, title);
    await visible(stateBadge(card, 'Paikka odottaa vahvistusta'));
    await visible(card.getByText('Paikka vapautui sinulle!'));
    await card.getByRole('button', { name: /^Vahvista paikka/ }).click();
    await visible(b.page.getByRole('status').getByText('Paikka on vahvistettu sinulle.'));
    await visible(stateBadge(bookingCard(b.page, title), 'Vahvistettu'));
    await b.context.close();
  });
});
