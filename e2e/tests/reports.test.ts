/**
 * The coordinator's report in the built app on the demo data: opened from the navigation, another
 * period chosen, the map and a chart's table seen, and the period's CSV downloaded (UTF-8 with a
 * BOM, Finnish headings), with no Content-Security-Policy violation on the way.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO, followNavLink, mainHeading, signIn, useBrowser, visible } from '../support/index.js';

const browser = useBrowser();

/** Today in Helsinki, as the report's presets count it. */
const helsinkiYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(new Date()));

describe('the coordinator’s report', () => {
  it('opens from the navigation, changes period, shows the map and a chart’s table, and downloads the CSV', async () => {
    const { context, page } = await browser.openPage();
    const violations: string[] = [];
    await context.exposeFunction('reportViolation', (text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
        void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    page.on('pageerror', (error) => void violations.push(`page error: ${error.message}`));

    await signIn(page, DEMO.coordinator);
    await followNavLink(page, 'Raportit');
    await visible(mainHeading(page, 'Klusterin raportti'));
    const year = helsinkiYear();
    await page.waitForURL(`**/reports?from=${year}-01-01&to=${year}-12-31`);
    await visible(page.getByText(`Jakso 1.1.–31.12.${year}, verrattuna jaksoon 1.1.–31.12.${year - 1}.`));

    // Another period: last year, in the address and in the figures' comparison.
    // react-aria's radios are chosen by their labels, as a person does.
    await page.getByText('Viime vuosi', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Viime vuosi' }).isChecked()).toBe(true);
    await page.waitForURL(`**/reports?from=${year - 1}-01-01&to=${year - 1}-12-31`);
    await visible(page.getByText(`Jakso 1.1.–31.12.${year - 1}, verrattuna jaksoon 1.1.–31.12.${year - 2}.`));
    const posted = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Julkaistut tarpeet' }) });
    await visible(posted.getByText(/^Edellinen jakso:/));

    // The map: Lapland's 21 municipalities, named for screen readers, with the attribution.
    const map = await visible(page.getByRole('img', { name: /^Lapin kartta/ }));
    expect(await map.locator('path').count()).toBe(21);
    await visible(page.getByText(/Sisältää Maanmittauslaitoksen Hallinnolliset aluejaot -aineistoa 2024/));
    await visible(page.getByRole('table', { name: 'Palvellut yritykset ja henkilöt kunnittain' }));

    // A chart, drawn, and its data as a table behind "Show as table".
    const chart = page.getByRole('figure', { name: /^Uudet tarpeet kuukausittain/ });
    await visible(chart.locator('svg[role="application"]'));
    await chart.getByText('Näytä taulukkona').click();
    const table = await visible(chart.getByRole('table', { name: 'Uudet tarpeet kuukausittain' }));
    expect(await table.getByRole('row').count()).toBe(13);
    await visible(table.getByRole('rowheader', { name: `tammikuu ${year - 1}` }));

    // The CSV of the period shown, in Finnish, with a BOM for Excel.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`klusteriraportti-${year - 1}-01-01-${year - 1}-12-31.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(
      new RegExp(`^Osio;Luku;Erittely;Jakso [^;]*${year - 1};Edellinen jakso [^;]*${year - 2};Määritelmä$`),
    );
    expect(csv).toContain('Julkaistut tarpeet');

    expect(violations).toEqual([]);
  });
});
