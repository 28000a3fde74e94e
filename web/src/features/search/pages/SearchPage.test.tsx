// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import type { SearchResult } from '../operations';
import { searchResult } from '../testing';
import { SearchPage } from './SearchPage';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ status: 'visitor', user: null }),
}));

const result = (id: string, title: string) => searchResult({ id, title });

const answerWith = (...nodes: SearchResult[]): Answer => ({
  data: {
    search: {
      nodes,
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: nodes.length,
      facets: { kinds: [], topics: [], municipalities: [], languages: [] },
    },
  },
});

/** Answers each search when the test says so: `answers` in order, one per search asked. */
function server(answers: (() => Promise<Answer>)[]) {
  let asked = 0;
  return fakeGraphql((operation) =>
    operation.operationName === 'Search' ? answers[asked++]!() : Promise.resolve({ data: null }),
  );
}

const renderSearch = (client: ReturnType<typeof fakeGraphql>['client']) =>
  renderRoutes([{ path: '/search', element: <SearchPage /> }], '/search?q=tuuli', client);

describe('the search page while a search loads', () => {
  beforeEach(() => prepareDom({ wide: false }));
  afterEach(() => cleanup());

  it('keeps the previous results, marked busy, until the new ones arrive', async () => {
    let answerSecond: (answer: Answer) => void = () => {};
    const second = new Promise<Answer>((resolve) => (answerSecond = resolve));
    renderSearch(server([async () => answerWith(result('a', 'Tuulityö')), () => second]).client);
    await screen.findByRole('link', { name: 'Tuulityö' });

    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Järjestys' }), 'NEWEST');
    // Still there, busy, and the count says a search is on its way.
    const list = () => screen.getByRole('link', { name: 'Tuulityö' }).closest('ol')!;
    await waitFor(() => expect(list().getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByText('Haetaan…')).toBeTruthy();

    answerSecond(answerWith(result('b', 'Aurinko')));
    await screen.findByRole('link', { name: 'Aurinko' });
    expect(screen.queryByRole('link', { name: 'Tuulityö' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Aurinko' }).closest('ol')!.getAttribute('aria-busy')).toBe('false');
  });

  it('offers to try again when the search fails, and shows the results then', async () => {
    renderSearch(
      server([async () => graphqlError('INTERNAL'), async () => answerWith(result('a', 'Tuulityö'))]).client,
    );
    await screen.findByRole('alert');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    await screen.findByRole('link', { name: 'Tuulityö' });
  });
});

describe('focus on the search page', () => {
  beforeEach(() => prepareDom({ wide: false }));
  afterEach(() => cleanup());

  it('stays in the search box after a search made from it, and the box shows the new words', async () => {
    renderSearch(
      server([async () => answerWith(result('a', 'Tuulityö')), async () => answerWith(result('b', 'Aurinko'))]).client,
    );
    await screen.findByRole('link', { name: 'Tuulityö' });
    const box = screen.getByRole('searchbox', { name: 'Hakusanat' });
    const user = userEvent.setup();
    await user.clear(box);
    await user.type(box, 'aurinko{Enter}');
    await screen.findByRole('link', { name: 'Aurinko' });
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('searchbox', { name: 'Hakusanat' })).toBe(box);
    expect((box as HTMLInputElement).value).toBe('aurinko');
  });

  it('goes to the result count when the button pressed goes with the empty result', async () => {
    renderSearch(server([async () => answerWith(), async () => answerWith(result('a', 'Tuulityö'))]).client);
    const clearWords = await screen.findByRole('button', { name: 'Poista hakusanat' });
    await userEvent.setup().click(clearWords);
    await screen.findByRole('link', { name: 'Tuulityö' });
    const count = screen.getByText('1 tulos');
    await waitFor(() => expect(document.activeElement).toBe(count));
    // The box follows the address: the words are gone from it too.
    expect((screen.getByRole('searchbox', { name: 'Hakusanat' }) as HTMLInputElement).value).toBe('');
  });
});
