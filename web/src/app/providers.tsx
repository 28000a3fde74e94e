import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { Provider as UrqlProvider } from 'urql';
import { NotificationsProvider } from '../features/notifications';
import { createGraphqlClient, createLiveConnection, LiveConnectionProvider, useGraphqlSetup } from '../shared/graphql';
import { INTL_LOCALES, useLocale } from '../shared/i18n';
import { SessionProvider, useSession } from '../shared/session';

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
    const connection = userId ? createLiveConnection({ locale }) : null;
    // The server-rendered page's data was a visitor's: a signed-in user's client never reads it.
    return {
      client: createGraphqlClient(
        connection,
        userId ? { ...setup, ssr: undefined, hydration: undefined } : setup,
        locale,
      ),
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
