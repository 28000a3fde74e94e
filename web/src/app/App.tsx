import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './providers';
import type { AppRouter } from './router';

/** The app in the browser: `i18n` and `router` are in the page's language (its address's). */
export function App({ router, i18n }: { router: AppRouter; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </I18nextProvider>
  );
}
