import { render } from '@testing-library/react';
import i18n from 'i18next';
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { MemoryRouter } from 'react-router';
import { Client, fetchExchange, Provider as UrqlProvider, subscriptionExchange } from 'urql';
import { vi } from 'vitest';
import { initI18n } from '../../shared/i18n';

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
 * (all kept in `sent`), and `push` sends data to the app's open subscriptions, as the server's
 * WebSocket would.
 */
export function fakeGraphql(answer: (operation: SentOperation) => Answer) {
  const sent: SentOperation[] = [];
  const subscribers = new Set<PushSink>();
  const fetch = vi.fn<typeof globalThis.fetch>(async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as SentOperation;
    const operation = { operationName: body.operationName, variables: body.variables ?? {} };
    sent.push(operation);
    return new Response(JSON.stringify(answer(operation)), {
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
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [fetchExchange, live],
    fetch,
    // As the app's client: POST only, so that every operation has a body to read.
    preferGetMethod: false,
  });
  const named = (name: string) => sent.filter((operation) => operation.operationName === name);
  const push = (data: Record<string, unknown>) => subscribers.forEach((sink) => sink.next({ data }));
  return { client, sent, named, push, subscriberCount: () => subscribers.size };
}

let i18nReady = false;

/** The app's translations, in Finnish (the default language) unless a test changes it. */
export function prepareI18n(): typeof i18n {
  if (!i18nReady) {
    initI18n();
    i18nReady = true;
  }
  return i18n;
}

/** Renders `ui` with the app's providers (GraphQL, react-aria's locale, a router) in Finnish. */
export function renderWithApp(ui: ReactNode, client: Client, url = '/') {
  prepareI18n();
  return render(
    <UrqlProvider value={client}>
      <I18nProvider locale="fi-FI">
        <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
      </I18nProvider>
    </UrqlProvider>,
  );
}

/** A signed-in student, as useSession gives it. */
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
