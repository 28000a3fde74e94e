// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Provider as UrqlProvider, useQuery, type Client } from 'urql';
import { gql } from '../graphql/document';
import { fakeGraphql, prepareI18n, type Answer } from '../testing';
import type { PageInfo } from '../utils/cursorPages';
import { CursorPagedList, CursorPageItems, type CursorPage } from './CursorPagedList';

interface Thing {
  id: string;
  name: string;
}
interface ThingsConnection {
  nodes: Thing[];
  pageInfo: PageInfo;
  totalCount: number;
}
interface ThingsVariables {
  kind: string;
  after: string | null;
}

const ThingsQuery = gql<{ things: ThingsConnection }, ThingsVariables>(`
  query Things($kind: String!, $after: String) {
    things(kind: $kind, first: 2, after: $after) {
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

/**
 * A fake GraphQL server: `answer` gets the variables of each Things query; `sent()` gives every
 * query's variables so far.
 */
function fakeServer(answer: (variables: ThingsVariables) => Answer | Promise<Answer>) {
  const server = fakeGraphql((operation) => answer(operation.variables as unknown as ThingsVariables));
  return {
    client: server.client,
    sent: () => server.sent.map((operation) => operation.variables as unknown as ThingsVariables),
  };
}

/** Five things, two a page; the cursor is the id of a page's last thing. */
const ALL: Thing[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `Asia ${id.toUpperCase()}` }));

function pageOf(things: Thing[], after: string | null): Answer {
  const start = after ? things.findIndex((thing) => thing.id === after) + 1 : 0;
  const nodes = things.slice(start, start + 2);
  const endCursor = nodes.at(-1)?.id ?? null;
  const hasNextPage = start + 2 < things.length;
  return { data: { things: { nodes, pageInfo: { hasNextPage, endCursor }, totalCount: things.length } } };
}

function ThingsPage({ kind, page }: { kind: string; page: CursorPage }) {
  const [result, reexecute] = useQuery({ query: ThingsQuery, variables: { kind, after: page.after } });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.things}
      empty={<li className="card">Ei asioita</li>}
      renderItem={(thing) => (
        <li key={thing.id} className="card">
          {thing.name}
        </li>
      )}
    />
  );
}

function ThingsList({ kind = 'all' }: { kind?: string }) {
  return (
    <CursorPagedList
      resetKey={kind}
      countText={(count) => `${count} asiaa`}
      renderPage={(page) => <ThingsPage kind={kind} page={page} />}
    />
  );
}

function renderList(client: Client, ui: ReactNode = <ThingsList />) {
  const wrap = (children: ReactNode) => <UrqlProvider value={client}>{children}</UrqlProvider>;
  const rendered = render(wrap(ui));
  return { ...rendered, rerender: (next: ReactNode) => rendered.rerender(wrap(next)) };
}

const countLine = () => document.querySelector('p.result-count');
const items = () =>
  within(screen.getByRole('list'))
    .queryAllByRole('listitem')
    .map((item) => item.textContent);
const loadMore = () => screen.queryByRole('button', { name: 'Näytä lisää' });
/** The count line follows the first page a moment after its items (the page reports in an effect). */
const countReads = (text: string) => vi.waitFor(() => expect(countLine()?.textContent).toBe(text));

describe('CursorPagedList', () => {
  beforeAll(() => prepareI18n());
  afterEach(cleanup);

  it('shows the count in a status line and the first page in a card list', async () => {
    const { client, sent } = fakeServer((variables) => pageOf(ALL, variables.after));
    renderList(client);
    await screen.findByText('Asia A');
    await countReads('5 asiaa');
    expect(countLine()?.getAttribute('role')).toBe('status');
    expect(screen.getByRole('list').className).toBe('card-list');
    expect(items()).toEqual(['Asia A', 'Asia B']);
    expect(sent()).toEqual([{ kind: 'all', after: null }]);
  });

  it('appends the next page, after the previous end cursor, until the last', async () => {
    const { client, sent } = fakeServer((variables) => pageOf(ALL, variables.after));
    renderList(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    await screen.findByText('Asia D');
    expect(items()).toEqual(['Asia A', 'Asia B', 'Asia C', 'Asia D']);

    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    await screen.findByText('Asia E');
    await vi.waitFor(() => expect(loadMore()).toBeNull());
    expect(items()).toEqual(['Asia A', 'Asia B', 'Asia C', 'Asia D', 'Asia E']);
    expect(countLine()?.textContent).toBe('5 asiaa');
    expect(sent().map((variables) => variables.after)).toEqual([null, 'b', 'd']);
  });

  it('shows loading in the list while a page is on its way, and the count only once known', async () => {
    let answer: (value: Answer) => void = () => undefined;
    const { client } = fakeServer(() => new Promise<Answer>((resolve) => (answer = resolve)));
    renderList(client);
    expect(await screen.findByText('Ladataan…')).toBeTruthy();
    expect(items()).toEqual(['Ladataan…']);
    expect(countLine()?.textContent).toBe('');
    expect(loadMore()).toBeNull();

    answer(pageOf(ALL, null));
    await screen.findByText('Asia A');
    expect(screen.queryByText('Ladataan…')).toBeNull();
    await countReads('5 asiaa');
  });

  it('shows a failed page as an alert in the list', async () => {
    const { client } = fakeServer(() => ({ errors: [{ message: 'FORBIDDEN', extensions: { code: 'FORBIDDEN' } }] }));
    renderList(client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Sinulla ei ole oikeutta tähän toimintoon.');
    expect(within(screen.getByRole('list')).getByRole('alert')).toBe(alert);
    expect(countLine()?.textContent).toBe('');
    expect(loadMore()).toBeNull();
  });

  it('lets a page that failed be asked for again, and then goes on', async () => {
    let failNext = false;
    const { client, sent } = fakeServer((variables) => {
      if (variables.after === 'b' && !failNext) {
        failNext = true;
        return { errors: [{ message: 'INTERNAL', extensions: { code: 'INTERNAL' } }] };
      }
      return pageOf(ALL, variables.after);
    });
    renderList(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(items().slice(0, 2)).toEqual(['Asia A', 'Asia B']);
    await user.click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    await screen.findByText('Asia D');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(items()).toEqual(['Asia A', 'Asia B', 'Asia C', 'Asia D']);
    expect(await screen.findByRole('button', { name: 'Näytä lisää' })).toBeTruthy();
    expect(sent().map((variables) => variables.after)).toEqual([null, 'b', 'b']);
  });

  it('shows the empty state when the first page has nothing, but not for an empty later page', async () => {
    const { client } = fakeServer((variables) => pageOf(variables.kind === 'none' ? [] : ALL, variables.after));
    renderList(client, <ThingsList kind="none" />);
    await screen.findByText('Ei asioita');
    expect(items()).toEqual(['Ei asioita']);
    await countReads('0 asiaa');

    // A later page with nothing (the list shrank meanwhile) just adds nothing.
    const shrinking = fakeServer((variables) => (variables.after ? pageOf([], null) : pageOf(ALL, null)));
    cleanup();
    renderList(shrinking.client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    await vi.waitFor(() => expect(shrinking.sent()).toHaveLength(2));
    await vi.waitFor(() => expect(loadMore()).toBeNull());
    expect(items()).toEqual(['Asia A', 'Asia B']);
  });

  it('starts again from the first page when the reset key changes', async () => {
    const { client, sent } = fakeServer((variables) => pageOf(ALL, variables.after));
    const { rerender } = renderList(client, <ThingsList kind="all" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    await screen.findByText('Asia D');

    rerender(<ThingsList kind="open" />);
    await vi.waitFor(() => expect(sent().at(-1)).toEqual({ kind: 'open', after: null }));
    await vi.waitFor(() => expect(items()).toEqual(['Asia A', 'Asia B']));
    expect(await screen.findByRole('button', { name: 'Näytä lisää' })).toBeTruthy();
  });
});
