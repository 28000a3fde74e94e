// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Answer,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  switchLanguage,
} from '../../../shared/testing';
import type { Match } from '../operations';
import { PlacementsPage } from './PlacementsPage';

const placement = (id: string, overrides: Partial<Match> = {}): Match => ({
  kind: 'NEED',
  id,
  itemKind: 'INTERNSHIP',
  title: 'Sähköasentajaharjoittelija',
  subtitle: 'Tunturienergia Oy',
  offerId: null,
  startsAt: null,
  municipalityCode: '851',
  remote: false,
  periodStart: '2026-06-01',
  periodEnd: '2026-08-31',
  score: 86.4,
  explanation: 'Yhteiset aiheet: Sähkötyöt, Automaatio, 25 km:n päässä, suomeksi.',
  ...overrides,
});

// Best first, as the server ranks them; the explanations come worded by the server.
const placements = [
  placement('n1'),
  placement('n2', {
    itemKind: 'THESIS',
    title: 'Opinnäytetyö tuulivoimalan huollosta',
    subtitle: 'Kemin Kone Oy',
    remote: true,
    municipalityCode: null,
    score: 70.5,
    explanation: 'Yhteinen aihe: Tuulivoima, etänä tai verkossa, ei matkaa.',
  }),
  placement('n3', {
    itemKind: 'SUMMER_JOB',
    title: 'Kesätyö huoltoasentajana',
    subtitle: null,
    score: 41.2,
    explanation: 'Ei yhteisiä aiheita, 120 km:n päässä.',
  }),
];

function server(answer: Answer = { data: { placementsForMe: placements } }) {
  return fakeGraphql((operation) => (operation.operationName === 'PlacementsForMe' ? answer : { data: null }));
}

const renderPlacements = (client: ReturnType<typeof fakeGraphql>['client']) =>
  renderRoutes([{ path: '/my/placements', element: <PlacementsPage /> }], '/my/placements', client);

describe('a student’s placements for them', () => {
  beforeEach(() => prepareDom());
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('fi');
  });

  it('lists the fitting placements best first, each with its score and the reasons in plain words', async () => {
    const { client, named } = server();
    renderPlacements(client);

    expect(screen.getByRole('heading', { level: 1, name: 'Sinulle sopivat paikat' })).toBeTruthy();
    expect(
      screen.getByText('Profiiliisi sopivat avoimet harjoittelut, kesätyöt ja opinnäytetyöt, paras ensin.'),
    ).toBeTruthy();
    expect(screen.getByText('Ladataan…')).toBeTruthy();

    expect(await screen.findByRole('link', { name: 'Sähköasentajaharjoittelija' })).toBeTruthy();
    expect(screen.queryByText('Ladataan…')).toBeNull();
    // Each placement's heading is one level under the page's.
    expect(screen.getByRole('heading', { level: 2, name: 'Sähköasentajaharjoittelija' })).toBeTruthy();
    expect(named('PlacementsForMe').map((operation) => operation.variables)).toEqual([{ first: 20 }]);

    // In the server's order, each title leading to the placement's page.
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Sähköasentajaharjoittelija', '/needs/n1'],
      ['Opinnäytetyö tuulivoimalan huollosta', '/needs/n2'],
      ['Kesätyö huoltoasentajana', '/needs/n3'],
    ]);

    // Scores rounded to whole points, as a meter named by the placement and in words.
    const meters = screen.getAllByRole('meter');
    expect(meters.map((meter) => [meter.getAttribute('aria-label'), meter.getAttribute('aria-valuetext')])).toEqual([
      ['Sopivuus: Sähköasentajaharjoittelija', '86/100'],
      ['Sopivuus: Opinnäytetyö tuulivoimalan huollosta', '71/100'],
      ['Sopivuus: Kesätyö huoltoasentajana', '41/100'],
    ]);
    expect(screen.getByRole('meter', { name: 'Sopivuus: Sähköasentajaharjoittelija' }).getAttribute('value')).toBe(
      '86',
    );
    expect(screen.getByText('86/100')).toBeTruthy();

    expect(screen.getByText('Yhteiset aiheet: Sähkötyöt, Automaatio, 25 km:n päässä, suomeksi.')).toBeTruthy();
    expect(screen.getByText('Yhteinen aihe: Tuulivoima, etänä tai verkossa, ei matkaa.')).toBeTruthy();
    expect(screen.getByText('Ei yhteisiä aiheita, 120 km:n päässä.')).toBeTruthy();
    expect(screen.getByText('Tunturienergia Oy')).toBeTruthy();
    expect(screen.getByText('Kemin Kone Oy')).toBeTruthy();

    expect(screen.queryByText('Profiiliisi ei juuri nyt sovi avoimia paikkoja')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the score meters in the reader’s language', async () => {
    const { client } = server();
    renderPlacements(client);
    await screen.findByRole('link', { name: 'Sähköasentajaharjoittelija' });
    await switchLanguage('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Placements for you' })).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'How well it fits: Sähköasentajaharjoittelija' })).toBeTruthy();
  });

  it('without a profile (nothing fits) says so and leads to editing the profile', async () => {
    // The server answers an empty list to a student who has no profile yet.
    const { client } = server({ data: { placementsForMe: [] } });
    renderPlacements(client);

    expect(await screen.findByText('Profiiliisi ei juuri nyt sovi avoimia paikkoja')).toBeTruthy();
    expect(
      screen.getByText('Lisää profiiliisi aiheita, kieliä ja kotiseutusi, niin saat parempia ehdotuksia.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Muokkaa profiilia' }).getAttribute('href')).toBe('/my/profile');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.queryByText('Ladataan…')).toBeNull();

    await switchLanguage('sv');
    expect(screen.getByText('Inga platser passar din profil just nu')).toBeTruthy();
    expect(screen.getByText('Lägg till ämnen, språk och din hemort i profilen för bättre förslag.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Redigera profilen' }).getAttribute('href')).toBe('/my/profile');
  });

  it('shows a failure in the reader’s language, not as an empty list', async () => {
    const { client } = server(graphqlError('FORBIDDEN'));
    renderPlacements(client);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Sinulla ei ole oikeutta tähän toimintoon.');
    expect(screen.queryByText('Profiiliisi ei juuri nyt sovi avoimia paikkoja')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Muokkaa profiilia' })).toBeNull();
    expect(screen.queryByText('Ladataan…')).toBeNull();

    await switchLanguage('en');
    expect(screen.getByRole('alert').textContent).toBe('You are not allowed to do this.');
  });
});
