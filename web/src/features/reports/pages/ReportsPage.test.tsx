// @vitest-environment jsdom
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import i18n from 'i18next';
import { previousPeriod } from '@keskusvaraamo/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, switchLanguage } from '../../../shared/testing';
import { reportFixture } from '../testFixtures';
import { ReportsPage } from './ReportsPage';

// The whole report with its charts takes a while to render on a busy machine.
configure({ asyncUtilTimeout: 8000 });

/** The fixture's figures for whatever period is asked. */
function server() {
  return fakeGraphql((operation) => {
    if (operation.operationName !== 'ClusterReport') return { data: null };
    const period = operation.variables as { from: string; to: string };
    return { data: { clusterReport: reportFixture({ period, previousPeriod: previousPeriod(period) }) } };
  });
}

/** Text as a reader sees it: Intl's no-break and narrow no-break spaces as plain spaces. */
const plain = (element: Element | null) => (element?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

const renderReport = (
  client: ReturnType<typeof fakeGraphql>['client'],
  url = '/reports?from=2026-01-01&to=2026-12-31',
) => renderRoutes([{ path: '/reports', element: <ReportsPage /> }], url, client);

/** The figure card whose heading is `label`. */
const cardOf = (label: string) => screen.getByRole('heading', { level: 3, name: label }).closest('li')!;
const card = (label: string) => ({ element: cardOf(label), textContent: plain(cardOf(label)) });

/** A table's rows as the text of their cells, header row included. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map(plain));

/** Opens a chart's "Show as table" and gives its table. */
async function chartTable(user: ReturnType<typeof userEvent.setup>, caption: string) {
  const figure = screen.getByRole('figure', { name: new RegExp(`^${caption}`) });
  await user.click(within(figure).getByText('Näytä taulukkona'));
  return within(figure).getByRole('table', { name: caption });
}

// Rendering the whole report with its five charts in jsdom takes seconds on a busy machine.
describe('the coordinator’s report', { timeout: 60_000 }, () => {
  beforeEach(() => {
    prepareDom();
    // Only Date is faked: "today" in Helsinki is 15 June 2026; timers stay real for the UI.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T09:00:00Z'));
  });
  afterEach(async () => {
    cleanup();
    vi.useRealTimers();
    await i18n.changeLanguage('fi');
  });

  it('shows each figure beside the previous period, with the change as text and its definition', async () => {
    const { client, named } = server();
    renderReport(client);

    expect(screen.getByRole('heading', { level: 1, name: 'Klusterin raportti' })).toBeTruthy();
    expect(await screen.findByText('Jakso 1.1.–31.12.2026, verrattuna jaksoon 1.1.–31.12.2025.')).toBeTruthy();
    expect(named('ClusterReport').map((o) => o.variables)).toEqual([{ from: '2026-01-01', to: '2026-12-31' }]);

    const posted = card('Julkaistut tarpeet');
    expect(within(posted.element).getByText('42')).toBeTruthy();
    expect(posted.textContent).toContain('Edellinen jakso: 30');
    expect(posted.textContent).toContain('Muutos: +12 (+40 %)');
    expect(posted.textContent).toContain('Jaksolla julkaistut (luonnoksesta avoimeksi) tarpeet, kaikki lajit.');

    expect(card('Syntyneet yhteydet').textContent).toContain('Muutos: ei muutosta');
    expect(card('Järjestetyt kurssit').textContent).toContain('Muutos: −2 (−20 %)');
    // From nothing: no percentage of zero.
    expect(card('Liian vähien osallistujien vuoksi perutut').textContent).toContain('Muutos: +1');
    expect(card('Liian vähien osallistujien vuoksi perutut').textContent).not.toContain('%)');

    // Medians in days with one decimal; a median of nothing is "–", with the reason for screen readers.
    const firstMatch = card('Mediaani päivinä julkaisusta ensimmäiseen yhteyteen');
    expect(within(firstMatch.element).getByText('12,5 päivää')).toBeTruthy();
    expect(firstMatch.textContent).toContain('Edellinen jakso: 14,0 päivää');
    expect(firstMatch.textContent).toContain('Muutos: −1,5 päivää');
    const filled = card('Mediaani päivinä julkaisusta täyttymiseen');
    expect(filled.element.querySelector('.report-figure__value')!.textContent).toBe(
      '–ei arvoa: jaksolla ei ollut mitään, mistä se laskettaisiin',
    );
    expect(filled.element.querySelector('.report-figure__value [aria-hidden="true"]')!.textContent).toBe('–');

    // Rates as percentages, their change in percentage points.
    const attendance = card('Osallistumisaste');
    expect(plain(attendance.element.querySelector('.report-figure__value'))).toBe('85 %');
    expect(attendance.textContent).toContain('Edellinen jakso: 90 %');
    expect(attendance.textContent).toContain('Muutos: −5,0 prosenttiyksikköä');
    expect(card('Toiminnan osuus Rovaniemen ulkopuolella').textContent).toContain('40 %');

    // The EU indicators with their definitions.
    const rco01 = card('RCO01 Tuetut yritykset');
    expect(within(rco01.element).getByText('16')).toBeTruthy();
    expect(rco01.textContent).toContain('Edellinen jakso: 13');
    expect(rco01.textContent).toContain('Eri yritykset, jotka jaksolla saivat tarpeelleen yhteyden');
    for (const code of ['RCO10', 'RCR97', 'RCR98']) {
      expect(screen.getByRole('heading', { level: 3, name: new RegExp(`^${code} `) })).toBeTruthy();
    }
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Tarpeet',
      'Yhteydet',
      'Koulutukset',
      'Harjoittelut ja työt',
      'Tavoittavuus',
      'Organisaatiot',
      'EU-indikaattorit',
      'Vastaamaton kysyntä',
    ]);
  });

  it('gives every chart its data as a table with a caption and scoped headers', async () => {
    const user = userEvent.setup();
    const { client } = server();
    renderReport(client);
    await screen.findByText(/^Jakso 1\.1\.–31\.12\.2026/);

    const perMonth = await chartTable(user, 'Uudet tarpeet kuukausittain');
    const rows = rowsOf(perMonth);
    expect(rows[0]).toEqual(['Kuukausi', 'Koulutus', 'Harjoittelu', 'Kesätyö', 'Opinnäytetyö', 'Yhteensä']);
    expect(rows[1]).toEqual(['tammikuu 2026', '5', '1', '2', '0', '8']);
    expect(rows).toHaveLength(13);
    expect(within(perMonth).getAllByRole('columnheader')[0]!.getAttribute('scope')).toBe('col');
    expect(within(perMonth).getAllByRole('rowheader')[0]!.getAttribute('scope')).toBe('row');

    expect(rowsOf(await chartTable(user, 'Tarpeet lajin ja tilan mukaan'))).toContainEqual([
      'Koulutus: Avoinna',
      '10',
      '8',
      '+2 (+25 %)',
    ]);
    expect(rowsOf(await chartTable(user, 'Yhteydet syntytavan mukaan'))).toEqual([
      ['Miten yhteys syntyi', 'Tämä jakso', 'Edellinen jakso', 'Muutos'],
      ['Ehdotus hyväksytty', '9', '12', '−3 (−25 %)'],
      ['Hakemus hyväksytty', '11', '10', '+1 (+10 %)'],
      ['Kurssi varattu tarpeeseen', '5', '3', '+2 (+67 %)'],
    ]);
    expect(rowsOf(await chartTable(user, 'Toteutuneet toteutuskerrat ja osallistuneet kuukausittain'))[3]).toEqual([
      'maaliskuu 2026',
      '4',
      '30',
    ]);
    expect(rowsOf(await chartTable(user, 'Täytetyt paikat lajeittain'))).toContainEqual([
      'Opinnäytetyö',
      '2',
      '0',
      '+2',
    ]);

    // The charts themselves: SVG with Recharts' keyboard layer, named by their caption.
    const chart = screen
      .getByRole('figure', { name: /^Uudet tarpeet kuukausittain/ })
      .querySelector('svg[role="application"]')!;
    expect(chart.getAttribute('tabindex')).toBe('0');
    expect(chart.querySelector('title')!.textContent).toBe('Uudet tarpeet kuukausittain');
  });

  it('draws the map of Lapland with a summary, and lists reach by municipality with the online row last', async () => {
    const { client } = server();
    renderReport(client);

    const map = await screen.findByRole('img', { name: /^Lapin kartta/ });
    expect(map.getAttribute('aria-label')).toBe(
      'Lapin kartta: palveltuja henkilöitä jaksolla 4 kunnassa, eniten Rovaniemi (85), Kemi (22) ja Tornio (10). Kartan vieressä olevassa taulukossa on kaikkien kuntien luvut.',
    );
    await waitFor(() => expect(map.querySelectorAll('path')).toHaveLength(21));
    const titles = [...map.querySelectorAll('path > title')].map((title) => title.textContent);
    expect(titles).toContain('Rovaniemi: 85 henkilöä ja 10 yritystä palveltu (edellinen jakso 60 ja 9)');
    expect(titles).toContain('Salla: 0 henkilöä ja 0 yritystä palveltu (edellinen jakso 0 ja 0)');
    // Every path is drawn inside the picture (the borders' rings run as d3 expects).
    for (const path of map.querySelectorAll('path')) expect(path.getAttribute('d')).toMatch(/^M\d/);

    const legend = screen.getByRole('list', { name: 'Palvellut henkilöt' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ei yhtään', '1–22', '23–44', '45–66', '67–85']);
    expect(screen.getByText(/^Sisältää Maanmittauslaitoksen Hallinnolliset aluejaot -aineistoa 2024/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lisenssi CC BY 4.0' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/deed.fi',
    );

    expect(rowsOf(screen.getByRole('table', { name: 'Palvellut yritykset ja henkilöt kunnittain' }))).toEqual([
      ['Kunta', 'Palvellut yritykset', 'Palvellut henkilöt', 'Yritykset, edellinen jakso', 'Henkilöt, edellinen jakso'],
      ['Inari – Anár', '2', '9', '1', '4'],
      ['Kemi', '3', '22', '3', '20'],
      ['Rovaniemi', '10', '85', '9', '60'],
      ['Tornio', '2', '10', '2', '13'],
      ['Ei kuntaa (verkossa)', '1', '5', '0', '0'],
    ]);
  });

  it('puts a preset’s period in the address and asks the server for it', async () => {
    const user = userEvent.setup();
    const { client, named } = server();
    const { router } = renderReport(client);
    await screen.findByText(/^Jakso 1\.1\.–31\.12\.2026/);
    expect(screen.getByRole('radio', { name: 'Tämä vuosi' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('radio', { name: 'Viime vuosi' }));
    expect(router.state.location.search).toBe('?from=2025-01-01&to=2025-12-31');
    await waitFor(() =>
      expect(named('ClusterReport').at(-1)!.variables).toEqual({ from: '2025-01-01', to: '2025-12-31' }),
    );

    await user.click(screen.getByRole('radio', { name: 'Viimeiset 12 kuukautta' }));
    expect(router.state.location.search).toBe('?from=2025-06-16&to=2026-06-15');
    await waitFor(() =>
      expect(named('ClusterReport').at(-1)!.variables).toEqual({ from: '2025-06-16', to: '2026-06-15' }),
    );

    // A quarter: this one first, then another chosen.
    await user.click(screen.getByRole('radio', { name: 'Vuosineljännes' }));
    expect(router.state.location.search).toBe('?from=2026-04-01&to=2026-06-30');
    await user.click(screen.getByRole('button', { name: /2\. neljännes/ }));
    await user.click(await screen.findByRole('option', { name: '1. neljännes' }));
    expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-03-31');
    await waitFor(() =>
      expect(named('ClusterReport').at(-1)!.variables).toEqual({ from: '2026-01-01', to: '2026-03-31' }),
    );
    expect(screen.getByRole('radio', { name: 'Vuosineljännes' })).toHaveProperty('checked', true);

    // Back in the browser's history: the picker shows what the address says.
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-04-01&to=2026-06-30'));
    await router.navigate('/reports?from=2026-02-03&to=2026-02-17');
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Muut päivämäärät' })).toHaveProperty('checked', true),
    );
    await waitFor(() =>
      expect(named('ClusterReport').at(-1)!.variables).toEqual({ from: '2026-02-03', to: '2026-02-17' }),
    );
  });

  it('checks other dates as the server does before asking for them', async () => {
    const user = userEvent.setup();
    const { client, named } = server();
    const { router } = renderReport(client, '/reports?from=2026-03-01&to=2026-03-31');
    await screen.findByText(/^Jakso 1\.–31\.3\.2026/);
    expect(screen.getByRole('radio', { name: 'Muut päivämäärät' })).toHaveProperty('checked', true);

    // The end before the start: refused with the shared schema's message.
    const [, lastDay] = screen.getAllByRole('group', { name: /päivä$/ });
    const lastDaySegments = within(lastDay!).getAllByRole('spinbutton');
    await user.click(lastDaySegments[0]!);
    await user.keyboard('15022026');
    await user.click(screen.getByRole('button', { name: 'Näytä raportti' }));
    expect(await screen.findByText('Loppupäivä ei voi olla ennen alkupäivää')).toBeTruthy();
    expect(router.state.location.search).toBe('?from=2026-03-01&to=2026-03-31');

    await user.click(lastDaySegments[0]!);
    await user.keyboard('15042026');
    await user.click(screen.getByRole('button', { name: 'Näytä raportti' }));
    expect(router.state.location.search).toBe('?from=2026-03-01&to=2026-04-15');
    await waitFor(() =>
      expect(named('ClusterReport').at(-1)!.variables).toEqual({ from: '2026-03-01', to: '2026-04-15' }),
    );
    expect(await screen.findByText(/^Jakso 1\.3\.–15\.4\.2026, verrattuna jaksoon 14\.1\.–28\.2\.2026/)).toBeTruthy();
  });

  it('opens this year when the address names no period, and says so when it names a wrong one', async () => {
    const { client, named } = server();
    const { router } = renderReport(client, '/reports');
    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-12-31'));
    await screen.findByText(/^Jakso 1\.1\.–31\.12\.2026/);
    cleanup();

    const wrong = server();
    renderReport(wrong.client, '/reports?from=2026-12-01&to=2026-01-31');
    expect(screen.getByRole('alert').textContent).toBe(
      'Osoitteessa on jakso, jolta raporttia ei voi näyttää. Loppupäivä ei voi olla ennen alkupäivää',
    );
    expect(wrong.named('ClusterReport')).toEqual([]);
    expect(named('ClusterReport')).toHaveLength(1);
  });

  it('shows the server’s refusal in words', async () => {
    const { client } = fakeGraphql(() => graphqlError('FORBIDDEN'));
    renderReport(client);
    expect(await screen.findByText('Sinulla ei ole oikeutta tähän toimintoon.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Yritä uudelleen' })).toBeTruthy();
  });

  it('downloads the period’s CSV in the reader’s language with the session’s token, and prints', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(async () => new Response('\uFEFFOsio;Luku\n', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    try {
      const { client } = server();
      renderReport(client);
      await screen.findByText(/^Jakso 1\.1\.–31\.12\.2026/);
      await switchLanguage('sv');
      await user.click(screen.getByRole('button', { name: 'Ladda ner CSV' }));
      await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
      expect(fetch).toHaveBeenCalledWith(
        '/api/reports/cluster.csv?from=2026-01-01&to=2026-12-31&lang=sv',
        expect.anything(),
      );

      await user.click(screen.getByRole('button', { name: 'Ladda ner Excel (XLSX)' }));
      await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
      expect(fetch).toHaveBeenLastCalledWith(
        '/api/reports/cluster.xlsx?from=2026-01-01&to=2026-12-31&lang=sv',
        expect.anything(),
      );

      // Printing opens every table, and closes them again afterwards.
      await user.click(screen.getByRole('button', { name: 'Skriv ut / spara som PDF' }));
      expect(print).toHaveBeenCalledOnce();
      const tables = [...document.querySelectorAll('details')];
      expect(tables.length).toBeGreaterThan(0);
      window.dispatchEvent(new Event('beforeprint'));
      expect(tables.every((details) => details.open)).toBe(true);
      expect(document.querySelector('.report-print-header')!.textContent).toContain('Rapporten skapad');
      window.dispatchEvent(new Event('afterprint'));
      expect(tables.some((details) => details.open)).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('has no accessibility violations that axe finds, with the tables open', async () => {
    const user = userEvent.setup();
    const { client } = server();
    const { container } = renderReport(client);
    const map = await screen.findByRole('img', { name: /^Lapin kartta/ });
    await waitFor(() => expect(map.querySelectorAll('path')).toHaveLength(21));
    for (const summary of screen.getAllByText('Näytä taulukkona')) await user.click(summary);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
