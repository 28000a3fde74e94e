// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import { fakeGraphql, prepareDom, renderRoutes, type SentOperation } from '../../../shared/testing';
import type { SearchResult } from '../../search/operations';
import { searchResult } from '../../search/testing';
import { LandingPage } from '../pages/LandingPage';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ status: 'visitor', user: null }),
}));

const item = (overrides: Partial<SearchResult> & Pick<SearchResult, 'id' | 'title'>) =>
  searchResult({ municipalityCode: '732', ...overrides });

const COURSES = [
  item({ id: 'c1', title: 'Tulityö', nextStartsAt: '2027-01-12T07:00:00Z', seatsFree: 4, priceCents: 12_000 }),
  item({ id: 'c2', title: 'Aurinkopaneelit', remote: true, municipalityCode: null, seatsFree: 1, priceCents: 0 }),
];
const PLACEMENTS = [
  item({
    id: 'n1',
    kind: 'SUMMER_JOB',
    title: 'Kesätyö hakelämpölaitoksella',
    organisationName: 'Sallan Lämpö Oy',
    periodStart: '2027-06-01',
    periodEnd: '2027-08-15',
    applicationDeadline: '2027-03-31',
  }),
];

function server(placements = PLACEMENTS) {
  return fakeGraphql((operation: SentOperation) => {
    if (operation.operationName !== 'SearchResults') return { data: null };
    const { filter, sort, first } = operation.variables as { filter: { kinds: string[] }; sort: string; first: number };
    const courses = filter.kinds.includes('COURSE');
    // The front page asks for a glance: three of each, the next courses with seats and the newest placements.
    expect(first).toBe(3);
    expect(operation.variables.filter).toEqual(
      courses ? { kinds: ['COURSE'], freeSeats: true } : { kinds: ['INTERNSHIP', 'SUMMER_JOB', 'THESIS'] },
    );
    expect(sort).toBe(courses ? 'SOONEST' : 'NEWEST');
    const nodes = courses ? COURSES : placements;
    return { data: { search: { nodes, totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null } } } };
  });
}

describe('the front page', () => {
  beforeEach(() => prepareDom());
  afterEach(() => cleanup());

  it('shows the next courses with seats left and the newest open placements, each with a way to all of them', async () => {
    renderRoutes([{ path: '/', element: <LandingPage /> }], '/', server().client);
    const courses = await screen.findByRole('region', { name: 'Seuraavaksi alkavat kurssit, joilla on tilaa' });
    const first = within(courses).getAllByRole('listitem')[0]!;
    expect(within(first).getByRole('link', { name: 'Tulityö' }).getAttribute('href')).toBe('/offers/c1');
    expect(first.textContent).toContain('Lapin AMK · Salla');
    expect(first.textContent).toMatch(/4 paikkaa vapaana · 120\s€ \(sis\. alv\)/);
    const second = within(courses).getAllByRole('listitem')[1]!;
    expect(second.textContent).toContain('Lapin AMK · Verkossa');
    expect(second.textContent).toContain('1 paikka vapaana · Maksuton');
    expect(within(courses).getByRole('link', { name: 'Kaikki kurssit, joilla on tilaa' }).getAttribute('href')).toBe(
      '/search?kind=COURSE&free=true&sort=SOONEST',
    );

    const placements = screen.getByRole('region', { name: 'Uusimmat avoimet paikat' });
    const job = within(placements).getByRole('listitem');
    expect(within(job).getByRole('link', { name: 'Kesätyö hakelämpölaitoksella' }).getAttribute('href')).toBe(
      '/needs/n1',
    );
    expect(job.textContent).toContain('Kesätyö · haku päättyy 31.3.2027');
    expect(
      within(placements)
        .getByRole('link', { name: 'Kaikki avoimet harjoittelu- ja kesätyöpaikat sekä opinnäytetyöt' })
        .getAttribute('href'),
    ).toBe('/search?kind=INTERNSHIP&kind=SUMMER_JOB&kind=THESIS&sort=NEWEST');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('says so when nothing is open', async () => {
    renderRoutes([{ path: '/', element: <LandingPage /> }], '/', server([]).client);
    await screen.findByText('Juuri nyt ei ole avoimia paikkoja.');
  });

  it('searches from its search box', async () => {
    renderRoutes(
      [
        { path: '/', element: <LandingPage /> },
        { path: '/search', element: <p>hakusivu</p> },
      ],
      '/',
      server().client,
    );
    const user = userEvent.setup();
    const box = screen.getByRole('searchbox', { name: 'Mitä etsit?' });
    expect(box.closest('form')?.getAttribute('action')).toBe('/search');
    await user.type(box, 'aurinko{Enter}');
    await screen.findByText('hakusivu');
  });
});
