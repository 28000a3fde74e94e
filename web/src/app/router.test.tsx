// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n, loadLocaleResources } from '../shared/i18n';
import { fakeGraphql, prepareDom, renderInLanguage } from '../shared/testing';
import { languageSwitchTarget, LanguageSwitcher } from './layout/LanguageSwitcher';
import { basenameFor } from './router';
import { routes } from './routes';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../shared/session')>()),
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

/** The app's routes at `url`, as the browser's router has them for `locale` (its basename). */
async function renderApp(locale: 'fi' | 'sv' | 'en', url: string) {
  const i18n = createI18n(locale, await loadLocaleResources(locale));
  const { client } = fakeGraphql(() => ({ data: NO_RESULTS }));
  const { router } = renderInLanguage({ routes, i18n, locale, basename: basenameFor(locale), url, client });
  return { i18n, router };
}

describe('the language in the address', { timeout: 60_000 }, () => {
  beforeEach(() => {
    prepareDom({ wide: true });
    session.current = { status: 'visitor', user: null };
  });
  afterEach(cleanup);

  it('renders /sv/search in Swedish, from Swedish texts only, and keeps the prefix in its links', async () => {
    const { i18n, router } = await renderApp('sv', '/sv/search?q=sol');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sök' }, { timeout: 20_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sv/search');
    expect(i18n.hasResourceBundle('fi', 'translation')).toBe(false);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Sök' }).getAttribute('href')).toBe('/sv/search');
    expect(within(nav).getByRole('link', { name: 'Startsida' }).getAttribute('href')).toBe('/sv');
  });

  it('renders the same route in English under /en, and Finnish at the root', async () => {
    await renderApp('en', '/en/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' }, { timeout: 20_000 })).toBeTruthy();
    cleanup();
    await renderApp('fi', '/search');
    expect(await screen.findByRole('heading', { level: 1, name: 'Haku' }, { timeout: 20_000 })).toBeTruthy();
  });
});

describe('the language switcher', { timeout: 30_000 }, () => {
  it('goes to the same page, query and fragment kept, under the other language’s prefix', () => {
    const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });
    expect(languageSwitchTarget('sv', at('/search', '?q=aurinko&kind=COURSE'))).toBe(
      '/sv/search?q=aurinko&kind=COURSE',
    );
    expect(languageSwitchTarget('en', at('/offers/abc', '', '#sessions'))).toBe('/en/offers/abc#sessions');
    expect(languageSwitchTarget('fi', at('/needs/1'))).toBe('/needs/1');
    expect(languageSwitchTarget('en', at('/'))).toBe('/en');
    expect(languageSwitchTarget('fi', at('/'))).toBe('/');
    expect(languageSwitchTarget('sv', at('/', '?q=1'))).toBe('/sv?q=1');
  });

  it('opens the chosen language’s address for the page shown', async () => {
    prepareDom();
    session.current = { status: 'visitor', user: null };
    const navigate = vi.fn();
    const i18n = createI18n('sv', await loadLocaleResources('sv'));
    const router = createMemoryRouter([{ path: '*', element: <LanguageSwitcher navigate={navigate} /> }], {
      basename: '/sv',
      initialEntries: ['/sv/search?q=sol#results'],
    });
    const { client } = fakeGraphql(() => ({ data: {} }));
    render(
      <I18nextProvider i18n={i18n}>
        <UrqlProvider value={client}>
          <RouterProvider router={router} />
        </UrqlProvider>
      </I18nextProvider>,
    );
    const user = userEvent.setup();
    const languages = screen.getByRole('navigation', { name: 'Språk' });
    // Real links: each language's address, usable before the app runs and by search engines.
    expect(within(languages).getByRole('link', { name: 'Suomi' }).getAttribute('href')).toBe('/search?q=sol#results');
    expect(within(languages).getByRole('link', { name: 'Svenska' }).getAttribute('aria-current')).toBe('true');
    await user.click(within(languages).getByRole('link', { name: 'English' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/en/search?q=sol#results'));
    cleanup();
  });
});
