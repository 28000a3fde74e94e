import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { Provider as UrqlProvider } from 'urql';
import { NotificationsProvider } from '../features/notifications';
import { createGraphqlClient, createLiveConnection, LiveConnectionProvider } from '../shared/graphql';
import { changeLocale, hasRememberedLocale, INTL_LOCALES, useLocale } from '../shared/i18n';
import { SessionProvider, useSession } from '../shared/session';

/**
 * A fresh GraphQL client (and cache) for each user, so one user's data never shows to the next.
 * A signed-in user's client also has a live connection for subscriptions, closed when the user
 * signs out (or another signs in).
 */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const { client, live } = useMemo(() => {
    const connection = userId ? createLiveConnection() : null;
    return { client: createGraphqlClient(connection), live: connection };
  }, [userId]);
  useEffect(() => () => live?.close(), [live]);
  return (
    <LiveConnectionProvider value={live}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </LiveConnectionProvider>
  );
}

/**
 * A session restored in a browser that remembers no language choice takes the account's
 * language. (Signing in applies the account's language too; see SignInPage. A choice this
 * browser remembers is not overridden on reload: it was saved to the account when made.)
 */
function AccountLocale() {
  const { user } = useSession();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!user) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    if (!hasRememberedLocale()) void changeLocale(user.locale);
  }, [user]);
  return null;
}

/** react-aria's own strings and formats (e.g. its "Dismiss" buttons) follow the UI language. */
function AriaLocale({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <I18nProvider locale={INTL_LOCALES[locale]}>{children}</I18nProvider>;
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <AccountLocale />
      <GraphqlProvider>
        <NotificationsProvider>
          <AriaLocale>{children}</AriaLocale>
        </NotificationsProvider>
      </GraphqlProvider>
    </SessionProvider>
  );
}
