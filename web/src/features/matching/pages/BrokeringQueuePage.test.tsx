// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  announcements,
  type Answer,
  expectAnnounced,
  fakeGraphql,
  graphqlError,
  headingsOfLevel2,
  itemWithLink,
  prepareDom,
  renderRoutes,
  switchLanguage,
} from '../../../shared/testing';
import type { BrokeringQueueItem } from '../operations';
import { BrokeringQueuePage } from './BrokeringQueuePage';

const item = (
  id: string,
  title: string,
  rest: Partial<BrokeringQueueItem['need']> & Omit<BrokeringQueueItem, 'need'>,
): BrokeringQueueItem => {
  const { publishedAt, daysWaiting, openProposals, ...need } = rest;
  return {
    need: {
      id,
      kind: 'COURSE',
      state: 'OPEN',
      title,
      municipalityCode: null,
      remote: false,
      organisation: null,
      ...need,
    },
    publishedAt,
    daysWaiting,
    openProposals,
  };
};

// The longest waiting first, as the server orders them.
const firstPage = [
  item('n1', 'Tulityökorttikoulutus', {
    organisation: { id: 'c1', name: 'Tunturienergia Oy' },
    municipalityCode: '851',
    // 22.30 UTC is already the next day in Helsinki.
    publishedAt: '2026-01-19T22:30:00Z',
    daysWaiting: 41,
    openProposals: 0,
  }),
  item('n2', 'Kesätyöntekijä huoltoon', {
    kind: 'SUMMER_JOB',
    municipalityCode: '148',
    publishedAt: '2026-02-08T08:00:00Z',
    daysWaiting: 21,
    openProposals: 1,
  }),
];
const secondPage = [
  item('n3', 'Opinnäytetyö energiatehokkuudesta', {
    kind: 'THESIS',
    organisation: { id: 'c2', name: 'Kemin Kone Oy' },
    remote: true,
    publishedAt: '2026-02-15T08:00:00Z',
    daysWaiting: 14,
    openProposals: 2,
  }),
];

const connection = (nodes: BrokeringQueueItem[], endCursor: string | null, hasNextPage: boolean, totalCount = 3) => ({
  data: { brokeringQueue: { nodes, pageInfo: { hasNextPage, endCursor }, totalCount } },
});

/** A queue of three needs in two pages, the first ending at cursor "c2". */
function server(answer?: (after: unknown) => Answer) {
  return fakeGraphql((operation) => {
    if (operation.operationName !== 'BrokeringQueue') return { data: null };
    if (answer) return answer(operation.variables.after);
    return operation.variables.after === 'c2' ? connection(secondPage, 'c3', false) : connection(firstPage, 'c2', true);
  });
}

const renderQueue = (client: ReturnType<typeof fakeGraphql>['client']) =>
  renderRoutes([{ path: '/coordinator/queue', element: <BrokeringQueuePage /> }], '/coordinator/queue', client);

describe('the coordinator’s brokering queue', () => {
  beforeEach(() => prepareDom());
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('fi');
  });

  it('lists the waiting needs as the server orders them, with how long each has waited, linking to the need', async () => {
    const { client, named } = server();
    renderQueue(client);

    expect(screen.getByRole('heading', { level: 1, name: 'Välitysjono' })).toBeTruthy();
    expect(screen.getByText(/^Avoimet tarpeet, joille ei ole löytynyt paria 14 päivässä/)).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Tulityökorttikoulutus' })).toBeTruthy();
    expect(headingsOfLevel2()).toEqual(['Tulityökorttikoulutus', 'Kesätyöntekijä huoltoon']);
    await expectAnnounced('3 tarvetta odottaa');

    expect(screen.getByRole('link', { name: 'Tulityökorttikoulutus' }).getAttribute('href')).toBe('/needs/n1');
    expect(screen.getByRole('link', { name: 'Kesätyöntekijä huoltoon' }).getAttribute('href')).toBe('/needs/n2');

    const first = itemWithLink('Tulityökorttikoulutus').textContent;
    expect(first).toContain('Koulutus · Tunturienergia Oy · Tornio');
    expect(first).toContain('Odottanut 41 päivää · 0 avointa ehdotusta · Julkaistu 20. tammikuuta 2026');
    // No organisation: nothing in its place; a municipality with a Sámi name shows both.
    const second = itemWithLink('Kesätyöntekijä huoltoon').textContent;
    expect(second).toContain('Kesätyö · Inari – Anár');
    expect(second).toContain('Odottanut 21 päivää · 1 avoin ehdotus · Julkaistu 8. helmikuuta 2026');

    expect(named('BrokeringQueue').map((operation) => operation.variables)).toEqual([{ first: 20, after: null }]);
  });

  it('loads the next page after the previous page’s end cursor, keeping the first page and the count', async () => {
    const { client, named } = server();
    renderQueue(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));

    expect(await screen.findByRole('link', { name: 'Opinnäytetyö energiatehokkuudesta' })).toBeTruthy();
    expect(headingsOfLevel2()).toEqual([
      'Tulityökorttikoulutus',
      'Kesätyöntekijä huoltoon',
      'Opinnäytetyö energiatehokkuudesta',
    ]);
    expect(named('BrokeringQueue').map((operation) => operation.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'c2' },
    ]);
    const third = itemWithLink('Opinnäytetyö energiatehokkuudesta').textContent;
    expect(third).toContain('Opinnäytetyö · Kemin Kone Oy · Etänä');
    expect(third).toContain('Odottanut 14 päivää · 2 avointa ehdotusta');
    await expectAnnounced('3 tarvetta odottaa');
    // The last page has no next one.
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();
  });

  it('offers no "show more" when the first page is all there is', async () => {
    const { client } = server(() => connection(firstPage, 'c2', false, 2));
    renderQueue(client);
    expect(await screen.findByRole('link', { name: 'Tulityökorttikoulutus' })).toBeTruthy();
    await expectAnnounced('2 tarvetta odottaa');
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();
  });

  it('words the queue in Swedish', async () => {
    const { client } = server();
    renderQueue(client);
    await screen.findByRole('link', { name: 'Tulityökorttikoulutus' });
    await switchLanguage('sv');

    expect(screen.getByRole('heading', { level: 1, name: 'Förmedlingskö' })).toBeTruthy();
    await expectAnnounced('3 behov väntar');
    const first = itemWithLink('Tulityökorttikoulutus').textContent;
    expect(first).toContain('Utbildning · Tunturienergia Oy · Torneå');
    expect(first).toContain('Väntat 41 dagar · 0 öppna förslag · Publicerat 20 januari 2026');
    const second = itemWithLink('Kesätyöntekijä huoltoon').textContent;
    expect(second).toContain('Sommarjobb · Enare – Anár');
    expect(second).toContain('Väntat 21 dagar · 1 öppet förslag');
    expect(screen.getByRole('button', { name: 'Visa fler' })).toBeTruthy();
  });

  it('says so when no need is waiting', async () => {
    const { client } = server(() => connection([], null, false, 0));
    renderQueue(client);
    expect(await screen.findByText('Yksikään tarve ei odota')).toBeTruthy();
    await expectAnnounced('0 tarvetta odottaa');
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();

    await switchLanguage('en');
    expect(screen.getByText('No needs are waiting')).toBeTruthy();
    await expectAnnounced('0 needs waiting');
  });

  it('shows the server’s refusal in the reader’s language, and no count or empty state', async () => {
    const { client } = server(() => graphqlError('FORBIDDEN'));
    renderQueue(client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Sinulla ei ole oikeutta tähän toimintoon.');
    expect(screen.queryByText('Yksikään tarve ei odota')).toBeNull();
    expect(announcements().join('')).toBe('');

    await switchLanguage('sv');
    expect(screen.getByRole('alert').textContent).toBe('Du har inte behörighet till den här funktionen.');
  });
});
