// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchPage } from './SearchPage';
import {
  findEnabledButton,
  fakeGraphql,
  prepareDom,
  renderRoutes,
  signedInSession,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const NO_RESULTS = {
  search: {
    nodes: [],
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: 0,
    facets: { kinds: [], topics: [], municipalities: [], languages: [] },
  },
};

const URL = '/search?q=aurinkovoimala&kind=INTERNSHIP&topic=solar-pv&near=698&km=100&sort=NEAREST';

function server(onSave: (operation: SentOperation) => Answer) {
  return fakeGraphql((operation) =>
    operation.operationName === 'SaveSearch' ? onSave(operation) : { data: NO_RESULTS },
  );
}

function renderSearch(client: ReturnType<typeof fakeGraphql>['client'], url = URL) {
  return renderRoutes(
    [
      { path: '/search', element: <SearchPage /> },
      { path: '/my/searches', element: <h1>Tallennetut haut</h1> },
      { path: '/sign-in', element: <h1>Kirjaudu sisään</h1> },
    ],
    url,
    client,
  );
}

async function openDialog() {
  const user = userEvent.setup();
  await user.click(await findEnabledButton('Tallenna tämä haku'));
  return { user, dialog: await screen.findByRole('dialog') };
}

// The whole search page renders, filters and all: slower than a unit test.
describe('saving a search', { timeout: 20_000 }, () => {
  beforeEach(() => {
    session.current = signedInSession;
    prepareDom({ wide: true });
  });
  afterEach(cleanup);

  it('sends the filter and the address of the search in the URL, with a name from its words and filters', async () => {
    const { client, named } = server(({ variables }) => ({
      data: {
        saveSearch: {
          id: 's1',
          ...(variables.input as object),
          checkedAt: '2026-03-01T10:00:00Z',
          createdAt: '2026-03-01T10:00:00Z',
        },
      },
    }));
    renderSearch(client);
    const { user, dialog } = await openDialog();

    const name = within(dialog).getByRole('textbox', { name: 'Haun nimi' });
    expect(name).toHaveProperty('value', 'aurinkovoimala · Harjoittelupaikka · Aurinkosähkö');
    // Four ways to hear of new results, each explained; the daily digest to start with.
    const radios = within(dialog).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['IMMEDIATE', 'DAILY', 'WEEKLY', 'NONE']);
    expect(within(dialog).getByRole('radio', { name: 'Päivittäin' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('radio', { name: 'Viikoittain' }).getAttribute('aria-describedby')).toBeTruthy();

    await user.clear(name);
    await user.type(name, 'Aurinkoharjoittelut');
    await user.click(within(dialog).getByRole('radio', { name: 'Viikoittain' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna haku' }));

    const done = await within(dialog).findByRole('heading', { name: 'Haku on tallennettu' });
    expect(named('SaveSearch')).toHaveLength(1);
    expect(named('SaveSearch')[0]!.variables).toEqual({
      input: {
        name: 'Aurinkoharjoittelut',
        alert: 'WEEKLY',
        path: URL,
        filter: { text: 'aurinkovoimala', kinds: ['INTERNSHIP'], topics: ['solar-pv'], near: '698', withinKm: 100 },
      },
    });
    // The confirmation is read out (its heading takes focus) and leads to the saved searches.
    expect(document.activeElement).toBe(done);
    expect(within(dialog).getByRole('link', { name: 'Näytä tallennetut haut' }).getAttribute('href')).toBe(
      '/my/searches',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Sulje' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus goes back to the button that opened the dialog.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tallenna tämä haku' })),
    );
    // Nothing went wrong on the way, the search included.
    expect(screen.queryAllByRole('alert').filter((alert) => alert.textContent)).toEqual([]);
  });

  it('saves a search without words or filters as everything, at the bare search address', async () => {
    const { client, named } = server(({ variables }) => ({
      data: { saveSearch: { id: 's2', ...(variables.input as object), checkedAt: '', createdAt: '' } },
    }));
    renderSearch(client, '/search?kind=NOPE');
    const { user, dialog } = await openDialog();
    expect(within(dialog).getByRole('textbox', { name: 'Haun nimi' })).toHaveProperty('value', 'Kaikki kohteet');
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna haku' }));
    await within(dialog).findByRole('heading', { name: 'Haku on tallennettu' });
    expect(named('SaveSearch')[0]!.variables).toEqual({
      input: { name: 'Kaikki kohteet', alert: 'DAILY', path: '/search', filter: {} },
    });
  });

  it('shows the server’s field problems by their fields and translates the limit', async () => {
    let attempt = 0;
    const { client } = server(() => {
      attempt += 1;
      return attempt === 1
        ? {
            errors: [
              {
                message: 'Some fields need attention',
                extensions: { code: 'VALIDATION', fields: [{ field: 'input.name', message: 'validation.tooLong' }] },
              },
            ],
          }
        : { errors: [{ message: 'Too many saved searches', extensions: { code: 'LIMIT_REACHED', limit: 50 } }] };
    });
    renderSearch(client);
    const { user, dialog } = await openDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Tallenna haku' }));
    const name = within(dialog).getByRole('textbox', { name: 'Haun nimi' });
    await within(dialog).findByText('Teksti on liian pitkä.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(within(dialog).getByRole('alert').textContent).toBe('Tarkista merkityt kentät.');

    await user.click(within(dialog).getByRole('button', { name: 'Tallenna haku' }));
    await within(dialog).findByText('Olet tallentanut jo enimmäismäärän (50). Poista jokin vanha ensin.');
    expect(within(dialog).getByRole('link', { name: 'Siirry tallennettuihin hakuihin' })).toBeTruthy();
  });

  it('checks the name before sending', async () => {
    const { client, named } = server(() => ({ data: null }));
    renderSearch(client);
    const { user, dialog } = await openDialog();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Haun nimi' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tallenna haku' }));
    await within(dialog).findByText('Tämä tieto tarvitaan.');
    expect(named('SaveSearch')).toHaveLength(0);
  });

  it('asks a visitor to sign in, and brings them back to this search', async () => {
    session.current = { status: 'visitor', user: null };
    const { client } = server(() => ({ data: null }));
    renderSearch(client);
    const link = await screen.findByRole('link', { name: 'Kirjaudu sisään' });
    expect(link.getAttribute('href')).toBe(`/sign-in?returnTo=${encodeURIComponent(URL)}`);
    expect(screen.getByText(/Kirjautuneena voit tallentaa haun/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tallenna tämä haku' })).toBeNull();
  });
});
