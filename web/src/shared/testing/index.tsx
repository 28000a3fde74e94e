import type { Locale, SelfServiceRole } from '@keskusvaraamo/shared';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import i18n, { type i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Client, fetchExchange, Provider as UrqlProvider, subscriptionExchange } from 'urql';
import { expect, vi } from 'vitest';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';
import { i18nOptions, INTL_LOCALES } from '../i18n';

/** One GraphQL request as the app sent it. */
export interface SentOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** What the fake server answers to an operation: its data, or its errors. */
export type Answer = { data: unknown } | { errors: { message: string; extensions: Record<string, unknown> }[] };

interface PushSink {
  next: (value: { data: Record<string, unknown> }) => void;
}

/**
 * A fake GraphQL server for component tests: `answer` gets each query and mutation the app sends
 * (all kept in `sent`, so that a test can check exactly what was asked), and `push` sends data to
 * the app's open subscriptions, as the server's WebSocket would.
 */
export function fakeGraphql(answer: (operation: SentOperation) => Answer | Promise<Answer>) {
  const sent: SentOperation[] = [];
  const subscribers = new Set<PushSink>();
  const fetch = vi.fn<typeof globalThis.fetch>(async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as SentOperation;
    const operation = { operationName: body.operationName, variables: body.variables ?? {} };
    sent.push(operation);
    return new Response(JSON.stringify(await answer(operation)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  const live = subscriptionExchange({
    forwardSubscription: () => ({
      subscribe: (sink) => {
        subscribers.add(sink);
        return { unsubscribe: () => subscribers.delete(sink) };
      },
    }),
  });
  // As the app's client (see createGraphqlClient): POST only, so that every operation has a body.
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [fetchExchange, live],
    fetch,
    preferGetMethod: false,
  });
  const named = (name: string) => sent.filter((operation) => operation.operationName === name);
  const push = (data: Record<string, unknown>) => subscribers.forEach((sink) => sink.next({ data }));
  return { client, sent, named, push, subscriberCount: () => subscribers.size };
}

/** A GraphQL error as the server words it. */
export function graphqlError(code: string, extensions: Record<string, unknown> = {}): Answer {
  return { errors: [{ message: code, extensions: { code, ...extensions } }] };
}

/**
 * What jsdom lacks and the app uses: CSS.escape (react-aria's overlays) and, when `wide` is given,
 * matchMedia answering every query with it (search's layout).
 */
export function prepareDom({ wide }: { wide?: boolean } = {}): void {
  if (typeof globalThis.CSS?.escape !== 'function') {
    const escape = (value: string) => value.replace(/["\\[\]]/g, '\\$&');
    Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { ...globalThis.CSS, escape } });
  }
  if (wide !== undefined) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: () => ({ matches: wide, addEventListener: () => undefined, removeEventListener: () => undefined }),
    });
  }
}

let i18nReady = false;

/**
 * The app's translations, in Finnish (the default language) unless a test changes it. The app
 * makes an instance per page (createI18n) and passes it down with I18nextProvider; component
 * tests share i18next's default instance, with all three languages, so that `switchLanguage`
 * and components rendered without the app's providers find it.
 */
export function prepareI18n(): typeof i18n {
  if (!i18nReady) {
    void i18n.use(initReactI18next).init(i18nOptions('fi', { fi, sv, en }));
    i18nReady = true;
  }
  return i18n;
}

/** Renders `routes` at `url` with the app's providers, in Finnish (the default language). */
export function renderRoutes(routes: RouteObject[], url: string, client: Client) {
  prepareI18n();
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const wrap = (children: ReactNode) => (
    <UrqlProvider value={client}>
      <I18nProvider locale="fi-FI">{children}</I18nProvider>
    </UrqlProvider>
  );
  return { router, ...render(wrap(<RouterProvider router={router} />)) };
}

/**
 * Renders `routes` at `url` as the browser's app has them in `locale`: under the language's
 * basename, with the page's own i18n instance (createI18n) instead of the shared one.
 */
export function renderInLanguage(options: {
  routes: RouteObject[];
  i18n: I18n;
  locale: Locale;
  basename: string;
  url: string;
  client: Client;
}) {
  const router = createMemoryRouter(options.routes, { basename: options.basename, initialEntries: [options.url] });
  render(
    <I18nextProvider i18n={options.i18n}>
      <UrqlProvider value={options.client}>
        <I18nProvider locale={INTL_LOCALES[options.locale]}>
          <RouterProvider router={router} />
        </I18nProvider>
      </UrqlProvider>
    </I18nextProvider>,
  );
  return { router };
}

/** Renders one component, at `url`, with the app's providers. */
export function renderWithApp(ui: ReactNode, client: Client, url = '/') {
  return renderRoutes([{ path: '*', element: ui }], url, client);
}

const user = (id: string, displayName: string, roles: SelfServiceRole[]) => ({
  status: 'signedIn' as const,
  user: {
    id,
    email: `${id}@example.fi`,
    displayName,
    roles,
    locale: 'fi' as const,
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
});

/** A signed-in student and entrepreneur, as useSession gives them. */
export const studentSession = user('u-student', 'Sanni Säkkinen', ['STUDENT']);
export const entrepreneurSession = user('u-entrepreneur', 'Erkki Yrittäjä', ['ENTREPRENEUR']);

/** A signed-in student, as useSession gives it (the saved-search tests' user). */
export const signedInSession = {
  status: 'signedIn' as const,
  user: {
    id: 'u1',
    email: 'student@example.fi',
    displayName: 'Sanni Säkkinen',
    roles: ['STUDENT' as const],
    locale: 'fi' as const,
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
};

/** The list items' second-level headings, in the order shown (a paged list's titles). */
export const headingsOfLevel2 = () =>
  screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

/** The list item holding a link named `title`. */
export const itemWithLink = (title: string) =>
  screen.getAllByRole('listitem').find((li) => within(li).queryByRole('link', { name: title }) !== null)!;

/** What the page says in its live status regions (a list's count, say). */
export const announcements = () => screen.getAllByRole('status').map((status) => status.textContent);

/** Waits until a live status region says `text` (a count follows its page's data by one render). */
export const expectAnnounced = (text: string) => waitFor(() => expect(announcements()).toContain(text));

/** Switches the app's language as the language menu does. */
export const switchLanguage = (language: Locale) =>
  act(async () => {
    await i18n.changeLanguage(language);
  });

/**
 * A button once it can be used: an action whose code loads on demand stands disabled, with its
 * label, until it has loaded.
 */
export async function findEnabledButton(name: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const button = screen.getByRole('button', { name });
    expect(button).toHaveProperty('disabled', false);
    return button;
  });
}
