import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import type { Locale } from '@keskusvaraamo/shared';
import { Provider as UrqlProvider, type Client } from 'urql';
import { NotificationsProvider } from '../features/notifications';
import {
  createGraphqlClient,
  createLiveConnection,
  LiveConnectionProvider,
  useGraphqlSetup,
  type GraphqlSetup,
} from '../shared/graphql';
import { INTL_LOCALES, useLocale } from '../shared/i18n';
import { SessionProvider, useSession } from '../shared/session';

/**
 * On a server-rendered page, the visitor's client for its setup and language, made once until
 * someone signs in. Hydration is a transition, and a render React starts again before committing
 * it (input interrupted it) keeps its memos no more than its state: it must get the same client,
 * whose cache holds the page's results (urql's ssrExchange hands each out once), or it would render
 * "searching…" where the server's HTML has the results.
 */
const visitorClients = new WeakMap<GraphqlSetup, Map<Locale, Client>>();
function visitorClient(setup: GraphqlSetup, locale: Locale): Client {
  let byLocale = visitorClients.get(setup);
  if (!byLocale) visitorClients.set(setup, (byLocale = new Map()));
  let client = byLocale.get(locale);
  if (!client) byLocale.set(locale, (client = createGraphqlClient(null, setup, locale)));
  return client;
}

/**
 * A fresh GraphQL client (and cache) for each user, so one user's data never shows to the next.
 * A signed-in user's client also has a live connection for subscriptions, closed when the user
 * signs out (or another signs in).
 */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const setup = useGraphqlSetup();
  const locale = useLocale();
  const { client, live } = useMemo(() => {
    if (!userId) {
      return {
        client: setup.ssr ? visitorClient(setup, locale) : createGraphqlClient(null, setup, locale),
        live: null,
      };
    }
    // After a sign-in, a visitor again (after signing out) starts from an empty cache.
    visitorClients.delete(setup);
    const connection = createLiveConnection({ locale });
    // The server-rendered page's data was a visitor's: a signed-in user's client never reads it.
    return {
      client: createGraphqlClient(connection, { ...setup, ssr: undefined, hydration: undefined }, locale),
      live: connection,
    };
  }, [userId, setup, locale]);
  useEffect(() => () => live?.close(), [live]);
  return (
    <LiveConnectionProvider value={live}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </LiveConnectionProvider>
  );
}

/**
 * react-aria's own strings and formats (e.g. its "Dismiss" buttons) follow the page's language,
 * and so does `<html lang>` (the server renders it; this keeps it right in the browser too).
 */
function AriaLocale({ children }: { children: ReactNode }) {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nProvider locale={INTL_LOCALES[locale]}>{children}</I18nProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <GraphqlProvider>
        <NotificationsProvider>
          <AriaLocale>{children}</AriaLocale>
        </NotificationsProvider>
      </GraphqlProvider>
    </SessionProvider>
  );
}
