// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import type { PublicCount, PublicResults } from '../../results';
import { LandingPage } from '../pages/LandingPage';
import { bandYear, ResultsBand } from './ResultsBand';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ status: 'visitor', user: null }),
}));

const count = (value: number): PublicCount => ({ value, suppressed: false });
const SUPPRESSED: PublicCount = { value: null, suppressed: true };

const year = (y: number, counts: Partial<PublicResults['thisYear']> = {}): PublicResults['thisYear'] => ({
  year: y,
  needsPosted: count(120),
  matchesMade: count(57),
  sessionsHeld: count(12),
  participantsAttended: count(240),
  placementsFilled: count(9),
  companiesServed: count(31),
  municipalitiesReached: count(9),
  ...counts,
});

const results: PublicResults = {
  thisYear: year(2026),
  lastYear: year(2025, { matchesMade: count(44), participantsAttended: count(198), companiesServed: SUPPRESSED }),
};

const DECEMBER = new Date('2026-12-03T12:00:00Z');
const FEBRUARY = new Date('2026-02-10T12:00:00Z');

function render(answer: () => Answer, now = DECEMBER) {
  const server = fakeGraphql(answer);
  renderRoutes([{ path: '/', element: <ResultsBand now={now} /> }], '/', server.client);
  return server;
}

const band = () => screen.getByRole('region', { name: 'Klusteri lukuina' });
const items = () =>
  within(band())
    .queryAllByRole('listitem')
    .map((li) => li.textContent?.replace(/\s/g, ' '));

describe('the landing page’s results band', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('shows three of this year’s figures and links to the results page', async () => {
    const { named } = render(() => ({ data: { publicResults: results } }));
    await screen.findByText('Tänä vuonna tähän mennessä (2026)');
    expect(named('PublicResults')).toHaveLength(1);
    expect(items()).toEqual(['57Syntyneet yhteydet', '240Osallistuneet', '31Palvellut yritykset']);
    expect(within(band()).getByRole('link', { name: 'Katso klusterin kaikki tulokset' }).getAttribute('href')).toBe(
      '/results',
    );
  });

  it('shows last year while this year is young, and a suppressed figure as “fewer than 5”', async () => {
    render(() => ({ data: { publicResults: results } }), FEBRUARY);
    await screen.findByText('Viime vuonna (2025)');
    expect(items()).toEqual(['44Syntyneet yhteydet', '198Osallistuneet', 'alle 5Palvellut yritykset']);
  });

  it('leaves zeros out, and is just the link when there is nothing to show', async () => {
    const quiet = { ...results, thisYear: year(2026, { matchesMade: count(0) }) };
    render(() => ({ data: { publicResults: quiet } }));
    await screen.findByText('Tänä vuonna tähän mennessä (2026)');
    expect(items()).toEqual(['240Osallistuneet', '31Palvellut yritykset']);
    cleanup();

    const empty = {
      ...results,
      thisYear: year(2026, { matchesMade: count(0), participantsAttended: count(0), companiesServed: count(0) }),
    };
    const { named } = render(() => ({ data: { publicResults: empty } }));
    await waitFor(() => expect(named('PublicResults')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText(/Tänä vuonna/)).toBeNull());
    expect(items()).toEqual([]);
    expect(within(band()).getByRole('link', { name: 'Katso klusterin kaikki tulokset' })).toBeTruthy();
  });

  it('keeps the front page whole when the figures cannot be loaded', async () => {
    const server = fakeGraphql(() => graphqlError('INTERNAL'));
    renderRoutes([{ path: '/', element: <LandingPage /> }], '/', server.client);
    await waitFor(() => expect(server.named('PublicResults')).toHaveLength(1));
    // No error shown on the front page: the band is its heading and its link.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(items()).toEqual([]);
    expect(within(band()).getByRole('link', { name: 'Katso klusterin kaikki tulokset' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Kenelle palvelu on tarkoitettu?' })).toBeTruthy();
  });

  it('picks the year by Helsinki’s calendar', () => {
    // 31 March 23:30 in UTC is already April in Helsinki: this year.
    expect(bandYear(results, new Date('2026-03-31T23:30:00Z')).year).toBe(2026);
    expect(bandYear(results, new Date('2026-03-31T20:00:00Z')).year).toBe(2025);
    expect(bandYear(results, new Date('2026-01-01T00:00:00Z')).year).toBe(2025);
  });

  it('leaves the front page with no accessibility violations', async () => {
    const server = fakeGraphql(() => ({ data: { publicResults: results } }));
    renderRoutes([{ path: '/', element: <LandingPage /> }], '/', server.client);
    await screen.findByText(/^Tänä vuonna tähän mennessä/);
    expect(await axeViolations()).toEqual([]);
  });
});
