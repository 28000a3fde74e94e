// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  switchLanguage,
  type Answer,
} from '../../../shared/testing';
import type { PublicCount, PublicResults } from '../operations';
import { ResultsPage } from './ResultsPage';

const count = (value: number): PublicCount => ({ value, suppressed: false });
const SUPPRESSED: PublicCount = { value: null, suppressed: true };

const results: PublicResults = {
  thisYear: {
    year: 2026,
    needsPosted: count(1234),
    matchesMade: count(57),
    sessionsHeld: count(12),
    participantsAttended: count(240),
    placementsFilled: SUPPRESSED,
    companiesServed: count(31),
    municipalitiesReached: count(9),
  },
  lastYear: {
    year: 2025,
    needsPosted: count(980),
    matchesMade: count(44),
    sessionsHeld: SUPPRESSED,
    participantsAttended: count(0),
    placementsFilled: count(6),
    companiesServed: count(27),
    municipalitiesReached: count(8),
  },
};

/** A figure's card, by its heading. */
const figure = (name: string) => screen.getByRole('listitem', { name });

/** The value a figure's card gives for a year ("2026 tähän mennessä", "2025"). */
function valueOf(card: HTMLElement, year: string): string | null {
  const term = within(card).getByText(year, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? null;
}

function render(answer: () => Answer = () => ({ data: { publicResults: results } })) {
  const server = fakeGraphql(answer);
  const view = renderRoutes([{ path: '/results', element: <ResultsPage /> }], '/results', server.client);
  return { ...server, ...view };
}

describe('the public results page', () => {
  beforeEach(() => prepareDom());
  afterEach(async () => {
    cleanup();
    await switchLanguage('fi');
  });

  it('shows each figure of this year so far beside last year, with its label and definition', async () => {
    const { named } = render();
    await screen.findByRole('heading', { level: 2, name: 'Syntyneet yhteydet' });
    expect(named('PublicResults')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Tulokset' })).toBeTruthy();
    // Seven figures, in the order of the page, each a heading of its own.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Julkaistut tarpeet',
      'Syntyneet yhteydet',
      'Toteutuneet toteutuskerrat',
      'Osallistuneet',
      'Täytetyt harjoittelu-, kesätyö- ja opinnäytepaikat',
      'Palvellut yritykset',
      'Tavoitetut kunnat',
    ]);
    const posted = figure('Julkaistut tarpeet');
    // Numbers in the reader's convention (a narrow no-break space groups thousands in Finnish).
    expect(valueOf(posted, '2026 tähän mennessä')?.replace(/\s/g, ' ')).toBe('1 234');
    expect(valueOf(posted, '2025')).toBe('980');
    expect(
      within(posted).getByText('Jaksolla julkaistut (luonnoksesta avoimeksi) tarpeet, kaikki lajit.'),
    ).toBeTruthy();
    expect(valueOf(figure('Syntyneet yhteydet'), '2026 tähän mennessä')).toBe('57');
    // A zero is a value: shown as it is.
    expect(valueOf(figure('Osallistuneet'), '2025')).toBe('0');
    // The public-only figure has its own label and definition.
    expect(within(figure('Tavoitetut kunnat')).getByText(/^Kunnat, joissa vuoden aikana palveltiin/)).toBeTruthy();
    expect(valueOf(figure('Tavoitetut kunnat'), '2025')).toBe('8');
  });

  it('reads a suppressed figure as “fewer than 5” and says once why, in each language', async () => {
    render();
    await screen.findByRole('heading', { level: 2, name: 'Syntyneet yhteydet' });
    const placements = figure('Täytetyt harjoittelu-, kesätyö- ja opinnäytepaikat');
    expect(valueOf(placements, '2026 tähän mennessä')).toBe('alle 5');
    expect(valueOf(placements, '2025')).toBe('6');
    expect(valueOf(figure('Toteutuneet toteutuskerrat'), '2025')).toBe('alle 5');
    expect(screen.getAllByText(/jotta ketään ei voi tunnistaa/)).toHaveLength(1);

    await switchLanguage('sv');
    expect(valueOf(figure('Genomförda kurstillfällen'), '2025')).toBe('färre än 5');
    expect(screen.getAllByText(/så att ingen kan identifieras/)).toHaveLength(1);

    await switchLanguage('en');
    expect(valueOf(figure('Placements filled'), '2026 so far')).toBe('fewer than 5');
    expect(screen.getAllByText(/so that nobody can be identified/)).toHaveLength(1);
  });

  it('shows no personal data: only the counts the server gave', async () => {
    render();
    const list = await screen.findByRole('list');
    // Every value is a number or the suppressed wording; nothing else is printed in a figure.
    const values = within(list)
      .getAllByRole('definition')
      .map((dd) => dd.textContent?.replace(/\s/g, ''));
    expect(values.every((value) => /^\d+$/.test(value ?? '') || value === 'alle5')).toBe(true);
    expect(values).toHaveLength(14);
  });

  it('tells the visitor when the figures cannot be loaded', async () => {
    render(() => graphqlError('INTERNAL'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('has no accessibility violations', async () => {
    render();
    await screen.findByRole('heading', { level: 2, name: 'Syntyneet yhteydet' });
    expect(await axeViolations()).toEqual([]);
  });
});
