import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { Provider as UrqlProvider } from 'urql';
import { createGraphqlClient } from '../shared/graphql';
import { changeLocale, hasRememberedLocale, INTL_LOCALES, useLocale } from '../shared/i18n';
import { SessionProvider, useSession } from '../shared/session';

/** A fresh GraphQL client (and cache) for each user, so one user's data never shows to the next. */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const client = useMemo(() => {
    void userId; // the dependency that makes a new client; the client itself does not need it
    return createGraphqlClient();
  }, [userId]);
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
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
        <AriaLocale>{children}</AriaLocale>
      </GraphqlProvider>
    </SessionProvider>
  );
}
