/**
 * Company bookings and invoicing (issue 18): a company's member books a paid course for three
 * people with the company's billing details (remembered from its earlier booking, edited), and the
 * educator sees them on the session's page and downloads the invoicing list.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  choose,
  dateDigitsAhead,
  dateField,
  DEMO,
  followNavLink,
  mainHeading,
  signIn,
  typeDate,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** The demo educator publishes a course of one session with five seats at this price; resolves to its path. */
async function publishPaidCourse(page: Page, title: string, price: string): Promise<string> {
  await signIn(page, DEMO.educator);
  await followNavLink(page, 'Julkaise kurssi');
  await visible(mainHeading(page, 'Julkaise kurssi'));
  await page.getByLabel('Nimi', { exact: true }).fill(title);
  await page
    .getByLabel('Kuvaus', { exact: true })
    .fill(
      'Päivän kurssi aurinkosähkövoimalan huollosta yrityksen asentajille: turvallisuus, mittaukset ja raportointi.',
    );
  await page.getByRole('group', { name: 'Aiheet' }).getByText('Aurinkosähkö', { exact: true }).click();
  await choose(page, page.getByRole('region', { name: 'Paikka ja kielet' }), /Kunta/, 'Rovaniemi');
  const session = page.getByRole('group', { name: 'Toteutus 1' });
  await typeDate(dateField(session, 'Alkaa'), `${dateDigitsAhead(45)}0900`);
  await typeDate(dateField(session, 'Päättyy'), `${dateDigitsAhead(45)}1600`);
  await typeDate(dateField(session, 'Ilmoittautuminen päättyy'), `${dateDigitsAhead(40)}2359`);
  await choose(page, session, /Kunta/, 'Rovaniemi');
  await session.getByLabel('Paikkoja').fill('5');
  await session.getByLabel('Hinta (sis. alv)').fill(price);
  await page.getByRole('button', { name: 'Julkaise' }).click();
  await visible(mainHeading(page, title));
  await visible(page.getByText('Tarjous on julkaistu. Se näkyy nyt haussa.'));
  return new URL(page.url()).pathname;
}

/** Semicolon-separated rows of a CSV file as the server writes it (after its byte-order mark). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

describe('company bookings and invoicing', () => {
  it('a company member books a paid course for three with billing details; the educator invoices from the list', async () => {
    const title = `Aurinkovoimalan huolto ${unique()}`;
    const educator = await browser.openPage();
    const courseUrl = await publishPaidCourse(educator.page, title, '250');

    // The entrepreneur, a member of Tunturienergia Oy, books for three of its staff.
    const company = await browser.openPage();
    const page = company.page;
    await signIn(page, DEMO.entrepreneur);
    await page.goto(courseUrl);
    await visible(mainHeading(page, title));
    await page
      .getByRole('button', { name: /^Varaa paikka/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByRole('heading', { name: 'Varaa paikka' }));
    const people = [
      ['Aino Asentaja', `aino.${unique()}@example.fi`],
      ['Eero Energia', `eero.${unique()}@example.fi`],
      ['Iida Insinööri', `iida.${unique()}@example.fi`],
    ] as const;
    for (const [index, [name, email]] of people.entries()) {
      if (index > 0) await dialog.getByRole('button', { name: 'Lisää osallistuja' }).click();
      const participant = dialog.getByRole('group', { name: `Osallistuja ${index + 1}` });
      await participant.getByLabel('Nimi').fill(name);
      await participant.getByLabel('Sähköposti').fill(email);
    }

    // Three seats of a paid course without billing details are refused in the form.
    await dialog.getByRole('button', { name: 'Varaa 3 paikkaa' }).click();
    await visible(dialog.getByText(/valitse, että organisaatio maksaa/).first());

    // On the company's behalf: its details as given at its last booking come back, editable.
    await dialog.getByText('Organisaatio maksaa laskulla', { exact: true }).click();
    const businessId = dialog.getByLabel(/^Y-tunnus/);
    await expect.poll(() => businessId.inputValue()).toMatch(/^\d{7}-\d$/);
    const yTunnus = await businessId.inputValue();
    expect(await dialog.getByLabel(/^Laskutettavan organisaation nimi/).inputValue()).toBe('Tunturienergia Oy');
    const reference = `Tilaus ${unique()}`;
    await dialog.getByLabel(/^Viite/).fill(reference);
    await dialog.getByText('Verkkolaskuna', { exact: true }).click();
    await dialog.getByLabel(/^Verkkolaskuosoite/).fill(`0037${yTunnus.replace('-', '')}`);
    await dialog.getByLabel(/^Välittäjätunnus/).fill('003723327487');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Varaa 3 paikkaa' }).click();
    await visible(dialog.getByRole('heading', { name: 'Paikat on varattu' }));
    await visible(dialog.getByText('Lasku: Tunturienergia Oy'));
    await company.context.close();

    // The educator sees who is invoiced on the session's page…
    const ed = educator.page;
    await ed.goto(courseUrl);
    await ed.getByRole('link', { name: /^Varaukset ja osallistujat/ }).click();
    await visible(ed.getByRole('heading', { name: 'Varaukset (1)' }));
    const booking = ed.locator('.session-bookings > li').first();
    await visible(booking.getByText('Laskutustiedot'));
    await visible(booking.getByText(yTunnus, { exact: true }));
    await visible(booking.getByText(reference, { exact: true }));
    expect(await axeViolations(ed)).toEqual([]);

    // …and downloads the invoicing list: one row, three seats at 250 €, 750 € in all.
    const [download] = await Promise.all([
      ed.waitForEvent('download'),
      ed.getByRole('button', { name: 'Lataa laskutuslista (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^laskutus-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = csvRows(await readFile((await download.path())!, 'utf8'));
    expect(header).toContain('Y-tunnus');
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    expect(row).toMatchObject({
      Kurssi: title,
      Organisaatio: 'Tunturienergia Oy',
      'Y-tunnus': yTunnus,
      Verkkolaskuosoite: `0037${yTunnus.replace('-', '')}`,
      Välittäjätunnus: '003723327487',
      Viite: reference,
      Paikkoja: '3',
      'Yksikköhinta (€, sis. alv)': '250,00',
      'Yhteensä (€, sis. alv)': '750,00',
      Tila: 'Vahvistettu',
    });
    expect(row.Osallistujat).toBe('Aino Asentaja, Eero Energia, Iida Insinööri');
    await educator.context.close();
  });
});
