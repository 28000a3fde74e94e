// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
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
import type { Proposal } from '../operations';
import { proposalFixture } from '../testFixtures';
import { MyProposalsPage } from './MyProposalsPage';

const proposal = (id: string, overrides: Partial<Proposal> = {}): Proposal =>
  // 22.30 UTC is already the next day in Helsinki.
  proposalFixture({ id, createdAt: '2026-03-01T22:30:00Z', ...overrides });

const target = (title: string): Proposal['target'] => ({
  kind: 'STUDENT',
  offer: null,
  session: null,
  studentId: 's1',
  title,
  organisationName: 'Lapin ammattikorkeakoulu',
  hidden: false,
});

// Newest first, as the server orders them.
const firstPage: Proposal[] = [
  proposal('p1'),
  proposal('p2', {
    state: 'ACCEPTED',
    need: { ...proposal('p2').need, id: 'n2', kind: 'INTERNSHIP', title: 'Sähköasentajaharjoittelu' },
    target: target('Sanni Säkkinen'),
    proposerName: 'Eero Educator',
    actions: [],
    createdAt: '2026-02-20T08:00:00Z',
  }),
  proposal('p3', {
    state: 'DECLINED',
    need: { ...proposal('p3').need, id: 'n3', kind: 'THESIS', title: 'Opinnäytetyö tuulivoimasta' },
    target: target('Tuulivoima-ryhmä'),
    actions: [],
    createdAt: '2026-02-10T08:00:00Z',
  }),
];
const secondPage: Proposal[] = [
  proposal('p4', {
    state: 'WITHDRAWN',
    need: { ...proposal('p4').need, id: 'n4', title: 'Ensiapukoulutus' },
    target: { ...proposal('p4').target, title: 'Ensiapu 1' },
    actions: [],
    createdAt: '2026-01-05T08:00:00Z',
  }),
];
// An open proposal the viewer made, waiting for the other side: it can only be withdrawn.
const awaitingOther = proposal('p5', {
  need: { ...proposal('p5').need, id: 'n5', title: 'Työturvallisuuskoulutus' },
  target: { ...proposal('p5').target, title: 'Työturvallisuuskortti' },
  actions: ['WITHDRAW'],
});

const connection = (nodes: Proposal[], endCursor: string | null, hasNextPage: boolean, totalCount = 4) => ({
  data: { myProposals: { nodes, pageInfo: { hasNextPage, endCursor }, totalCount } },
});

/** Four proposals in two pages, the first ending at cursor "p3". */
function server(answer?: (after: unknown) => Answer) {
  return fakeGraphql((operation) => {
    if (operation.operationName !== 'MyProposals') return { data: null };
    if (answer) return answer(operation.variables.after);
    return operation.variables.after === 'p3' ? connection(secondPage, 'p4', false) : connection(firstPage, 'p3', true);
  });
}

const renderMine = (client: ReturnType<typeof fakeGraphql>['client']) =>
  renderRoutes([{ path: '/my/proposals', element: <MyProposalsPage /> }], '/my/proposals', client);

describe('the proposals concerning the viewer', () => {
  beforeEach(() => prepareDom());
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('fi');
  });

  it('lists them as the server orders them, each with its state, who proposed it and when, linking to it', async () => {
    const { client, named } = server();
    renderMine(client);

    expect(screen.getByRole('heading', { level: 1, name: 'Ehdotukset' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Tulityökorttikoulutus – Tulityökortti' })).toBeTruthy();
    expect(headingsOfLevel2()).toEqual([
      'Tulityökorttikoulutus – Tulityökortti',
      'Sähköasentajaharjoittelu – Sanni Säkkinen',
      'Opinnäytetyö tuulivoimasta – Tuulivoima-ryhmä',
    ]);
    await expectAnnounced('4 ehdotusta');
    expect(named('MyProposals').map((operation) => operation.variables)).toEqual([{ first: 20, after: null }]);

    expect(screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Tulityökorttikoulutus – Tulityökortti', '/proposals/p1'],
      ['Sähköasentajaharjoittelu – Sanni Säkkinen', '/proposals/p2'],
      ['Opinnäytetyö tuulivoimasta – Tuulivoima-ryhmä', '/proposals/p3'],
    ]);

    const open = itemWithLink('Tulityökorttikoulutus – Tulityökortti');
    expect(within(open).getByText('Avoin')).toBeTruthy();
    expect(within(open).getByText('Odottaa vastaustasi')).toBeTruthy();
    expect(within(open).getByText('Ehdottanut Kaisa Koordinaattori 2. maaliskuuta 2026')).toBeTruthy();

    const accepted = itemWithLink('Sähköasentajaharjoittelu – Sanni Säkkinen');
    expect(within(accepted).getByText('Hyväksytty')).toBeTruthy();
    expect(within(accepted).queryByText('Odottaa vastaustasi')).toBeNull();
    expect(within(accepted).getByText('Ehdottanut Eero Educator 20. helmikuuta 2026')).toBeTruthy();

    const declined = itemWithLink('Opinnäytetyö tuulivoimasta – Tuulivoima-ryhmä');
    expect(within(declined).getByText('Hylätty')).toBeTruthy();
    expect(within(declined).queryByText('Odottaa vastaustasi')).toBeNull();
  });

  it('asks for an answer only where the viewer can accept', async () => {
    const { client } = server(() => connection([awaitingOther], null, false, 1));
    renderMine(client);
    await screen.findByRole('link', { name: 'Työturvallisuuskoulutus – Työturvallisuuskortti' });
    const item = itemWithLink('Työturvallisuuskoulutus – Työturvallisuuskortti');
    expect(within(item).getByText('Avoin')).toBeTruthy();
    expect(within(item).queryByText('Odottaa vastaustasi')).toBeNull();
    await expectAnnounced('1 ehdotus');
  });

  it('loads the next page after the previous page’s end cursor, keeping the first page and the count', async () => {
    const { client, named } = server();
    renderMine(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));

    expect(await screen.findByRole('link', { name: 'Ensiapukoulutus – Ensiapu 1' })).toBeTruthy();
    expect(headingsOfLevel2()).toEqual([
      'Tulityökorttikoulutus – Tulityökortti',
      'Sähköasentajaharjoittelu – Sanni Säkkinen',
      'Opinnäytetyö tuulivoimasta – Tuulivoima-ryhmä',
      'Ensiapukoulutus – Ensiapu 1',
    ]);
    expect(named('MyProposals').map((operation) => operation.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'p3' },
    ]);
    expect(screen.getByRole('link', { name: 'Ensiapukoulutus – Ensiapu 1' }).getAttribute('href')).toBe(
      '/proposals/p4',
    );
    expect(within(itemWithLink('Ensiapukoulutus – Ensiapu 1')).getByText('Peruttu')).toBeTruthy();
    await expectAnnounced('4 ehdotusta');
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();
  });

  it('words the states, the count and the dates in Swedish', async () => {
    const { client } = server();
    renderMine(client);
    await screen.findByRole('link', { name: 'Tulityökorttikoulutus – Tulityökortti' });
    await switchLanguage('sv');

    expect(screen.getByRole('heading', { level: 1, name: 'Förslag' })).toBeTruthy();
    await expectAnnounced('4 förslag');
    const open = itemWithLink('Tulityökorttikoulutus – Tulityökortti');
    expect(within(open).getByText('Öppet')).toBeTruthy();
    expect(within(open).getByText('Väntar på ditt svar')).toBeTruthy();
    expect(within(open).getByText('Föreslaget av Kaisa Koordinaattori 2 mars 2026')).toBeTruthy();
    expect(within(itemWithLink('Sähköasentajaharjoittelu – Sanni Säkkinen')).getByText('Godkänt')).toBeTruthy();
    expect(within(itemWithLink('Opinnäytetyö tuulivoimasta – Tuulivoima-ryhmä')).getByText('Avböjt')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Visa fler' })).toBeTruthy();
  });

  it('says so when there are none yet', async () => {
    const { client } = server(() => connection([], null, false, 0));
    renderMine(client);
    expect(await screen.findByText('Ei vielä ehdotuksia')).toBeTruthy();
    expect(
      screen.getByText('Kun koordinaattori tai kouluttaja ehdottaa sinua koskevaa yhdistämistä, se näkyy tässä.'),
    ).toBeTruthy();
    await expectAnnounced('0 ehdotusta');
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();

    await switchLanguage('en');
    expect(screen.getByText('No proposals yet')).toBeTruthy();
    await expectAnnounced('0 proposals');
  });

  it('shows a failure in the reader’s language, and no count or empty state', async () => {
    const { client } = server(() => graphqlError('UNAUTHENTICATED'));
    renderMine(client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Kirjaudu sisään jatkaaksesi.');
    expect(screen.queryByText('Ei vielä ehdotuksia')).toBeNull();
    expect(announcements().join('')).toBe('');

    await switchLanguage('en');
    expect(screen.getByRole('alert').textContent).toBe('Sign in to continue.');
  });

  it('keeps the first page when the next one fails, showing why', async () => {
    const { client } = server((after) =>
      after === 'p3' ? graphqlError('INTERNAL') : connection(firstPage, 'p3', true),
    );
    renderMine(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Palvelussa tapahtui virhe. Yritä hetken kuluttua uudelleen.',
    );
    expect(headingsOfLevel2()).toHaveLength(3);
    await expectAnnounced('4 ehdotusta');
  });
});
