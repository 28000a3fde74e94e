import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Client, fetchExchange, Provider as UrqlProvider } from 'urql';
import { vi } from 'vitest';
import { initI18n } from '../../shared/i18n';

/** One GraphQL request as the app sent it. */
export interface SentOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** What the fake server answers to an operation: its data, or its errors. */
export type Answer = { data: unknown } | { errors: { message: string; extensions: Record<string, unknown> }[] };

/**
 * A fake GraphQL server for component tests: `answer` gets each operation the app sends, and
 * every operation is kept in `sent`, so that a test can check exactly what was asked.
 */
export function fakeGraphql(answer: (operation: SentOperation) => Answer) {
  const sent: SentOperation[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as SentOperation;
    const operation = { operationName: body.operationName, variables: body.variables ?? {} };
    sent.push(operation);
    return new Response(JSON.stringify(answer(operation)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  // POST only, as the app's own client (see createGraphqlClient).
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [fetchExchange],
    fetch,
    preferGetMethod: false,
  });
  const named = (name: string) => sent.filter((operation) => operation.operationName === name);
  return { client, sent, named };
}

/** A GraphQL error as the server words it. */
export function graphqlError(code: string, extensions: Record<string, unknown> = {}): Answer {
  return { errors: [{ message: code, extensions: { code, ...extensions } }] };
}

/** What jsdom lacks and react-aria's overlays use: CSS.escape. */
export function prepareDom(): void {
  if (typeof globalThis.CSS?.escape !== 'function') {
    const escape = (value: string) => value.replace(/["\\[\]]/g, '\\$&');
    Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { ...globalThis.CSS, escape } });
  }
}

let i18nReady = false;

/** Renders `routes` at `url` with the app's providers, in Finnish (the default language). */
export function renderRoutes(routes: RouteObject[], url: string, client: Client) {
  if (!i18nReady) {
    initI18n();
    i18nReady = true;
  }
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const wrap = (children: ReactNode) => (
    <UrqlProvider value={client}>
      <I18nProvider locale="fi-FI">{children}</I18nProvider>
    </UrqlProvider>
  );
  return { router, ...render(wrap(<RouterProvider router={router} />)) };
}

/** Renders one component at '/' with the app's providers. */
export function renderWithApp(ui: ReactNode, client: Client) {
  return renderRoutes([{ path: '/', element: ui }], '/', client);
}

const user = (id: string, displayName: string, roles: ('STUDENT' | 'ENTREPRENEUR' | 'EDUCATOR')[]) => ({
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
