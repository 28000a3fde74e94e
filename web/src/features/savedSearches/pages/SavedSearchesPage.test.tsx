// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedSearch } from '../operations';
import { fakeGraphql, prepareDom, renderRoutes, type Answer, type SentOperation } from '../../../shared/testing';
import { SavedSearchesPage } from './SavedSearchesPage';

const summerJobs: SavedSearch = {
  id: 's1',
  name: 'Kesätyöt Rovaniemellä',
  path: '/search?kind=SUMMER_JOB&municipality=698',
  alert: 'DAILY',
  checkedAt: '2026-03-01T10:00:00Z',
  createdAt: '2026-03-01T10:00:00Z',
};
const solar: SavedSearch = {
  id: 's2',
  name: 'aurinkovoimala',
  path: '/search?q=aurinkovoimala',
  alert: 'NONE',
  checkedAt: '2026-02-01T10:00:00Z',
  createdAt: '2026-02-01T10:00:00Z',
};

/** A fake server that keeps the saved searches and applies the changes it is sent. */
function savedSearchServer(initial: SavedSearch[], fail?: (operation: SentOperation) => Answer | null) {
  let stored = initial.map((saved) => ({ ...saved }));
  return fakeGraphql((operation) => {
    const failure = fail?.(operation);
    if (failure) return failure;
    const { variables } = operation;
    switch (operation.operationName) {
      case 'SavedSearches':
        return { data: { savedSearches: stored } };
      case 'UpdateSavedSearch': {
        stored = stored.map((saved) =>
          saved.id === variables.id ? { ...saved, ...(variables.input as Partial<SavedSearch>) } : saved,
        );
        return { data: { updateSavedSearch: stored.find((saved) => saved.id === variables.id) } };
      }
      case 'DeleteSavedSearch':
        stored = stored.filter((saved) => saved.id !== variables.id);
        return { data: { deleteSavedSearch: true } };
      default:
        throw new Error(`Unexpected ${operation.operationName}`);
    }
  });
}

function renderPage(client: ReturnType<typeof fakeGraphql>['client']) {
  return renderRoutes([{ path: '/my/searches', element: <SavedSearchesPage /> }], '/my/searches', client);
}

const card = (name: string) => screen.getByRole('listitem', { name });

describe('the saved searches page', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('lists the searches as links to run them', async () => {
    const { client } = savedSearchServer([summerJobs, solar]);
    renderPage(client);
    const link = await screen.findByRole('link', { name: 'Kesätyöt Rovaniemellä' });
    expect(link.getAttribute('href')).toBe('/search?kind=SUMMER_JOB&municipality=698');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Kesätyöt Rovaniemellä',
      'aurinkovoimala',
    ]);
    expect(document.title).toBe('Tallennetut haut – Osaamisen keskusvaraamo');
  });

  it('saves a changed alert at once and says so politely', async () => {
    const { client, named } = savedSearchServer([summerJobs, solar]);
    renderPage(client);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Kesätyöt Rovaniemellä' });

    // Each select is named after its search, for screen readers.
    const select = within(card('Kesätyöt Rovaniemellä')).getByRole('button', {
      name: /Ilmoitus uusista tuloksista: Kesätyöt Rovaniemellä/,
    });
    expect(select.textContent).toContain('Päivittäin');
    await user.click(select);
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Heti',
      'Päivittäin',
      'Viikoittain',
      'Ei ilmoituksia',
    ]);
    await user.click(screen.getByRole('option', { name: 'Heti' }));

    const status = await screen.findByText('Haun ”Kesätyöt Rovaniemellä” ilmoitukseksi on tallennettu: Heti.');
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(named('UpdateSavedSearch').map((operation) => operation.variables)).toEqual([
      { id: 's1', input: { alert: 'IMMEDIATE' } },
    ]);
    // The list is loaded again, and shows what the server now has.
    await waitFor(() => expect(named('SavedSearches')).toHaveLength(2));
    const updated = within(card('Kesätyöt Rovaniemellä')).getByRole('button', { name: /Ilmoitus uusista tuloksista/ });
    expect(updated.textContent).toContain('Heti');
    // The choice is explained in one line.
    expect(within(card('Kesätyöt Rovaniemellä')).getByText(/Saat ilmoituksen heti/)).toBeTruthy();
    // The other search is untouched.
    expect(within(card('aurinkovoimala')).getByRole('button', { name: /Ilmoitus/ }).textContent).toContain(
      'Ei ilmoituksia',
    );
  });

  it('shows the saved alert again when the change fails', async () => {
    const { client } = savedSearchServer([summerJobs], (operation) =>
      operation.operationName === 'UpdateSavedSearch'
        ? { errors: [{ message: 'No such saved search', extensions: { code: 'NOT_FOUND' } }] }
        : null,
    );
    renderPage(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Ilmoitus uusista tuloksista/ }));
    await user.click(await screen.findByRole('option', { name: 'Viikoittain' }));
    await screen.findByText('Hakemaasi kohdetta ei löytynyt.');
    expect(screen.getByRole('button', { name: /Ilmoitus uusista tuloksista/ }).textContent).toContain('Päivittäin');
  });

  it('renames a search in a dialog', async () => {
    const { client, named } = savedSearchServer([summerJobs]);
    renderPage(client);
    const user = userEvent.setup();
    const rename = await screen.findByRole('button', { name: 'Nimeä uudelleen: Kesätyöt Rovaniemellä' });
    await user.click(rename);
    const dialog = await screen.findByRole('dialog', { name: 'Nimeä haku uudelleen' });
    const name = within(dialog).getByRole('textbox', { name: 'Haun nimi' });
    await user.clear(name);
    await user.type(name, 'Kesätyöt');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna' }));
    await screen.findByText('Haun uusi nimi on ”Kesätyöt”.');
    expect(named('UpdateSavedSearch')[0]!.variables).toEqual({ id: 's1', input: { name: 'Kesätyöt' } });
    expect(screen.queryByRole('dialog')).toBeNull();
    await screen.findByRole('link', { name: 'Kesätyöt' });
    // Focus is back on the button that opened the dialog.
    await waitFor(() => expect(document.activeElement).toBe(rename));
  });

  it('deletes a search after confirmation and moves focus to the next one', async () => {
    const { client, named } = savedSearchServer([summerJobs, solar]);
    renderPage(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Poista: Kesätyöt Rovaniemellä' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Poistetaanko tallennettu haku?' });
    expect(confirm.textContent).toContain('Haku ”Kesätyöt Rovaniemellä” poistetaan');
    await user.click(within(confirm).getByRole('button', { name: 'Poista' }));

    await screen.findByText('Haku ”Kesätyöt Rovaniemellä” on poistettu.');
    expect(named('DeleteSavedSearch').map((operation) => operation.variables)).toEqual([{ id: 's1' }]);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Kesätyöt Rovaniemellä' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'aurinkovoimala' })));
  });

  it('explains saved searches when there are none', async () => {
    const { client } = savedSearchServer([]);
    renderPage(client);
    await screen.findByText('Sinulla ei ole vielä tallennettuja hakuja.');
    expect(screen.getByText(/tallenna se hakusivun Tallenna tämä haku -painikkeella/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Siirry hakuun' }).getAttribute('href')).toBe('/search');
  });
});
