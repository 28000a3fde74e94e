import type { Locale } from '@keskusvaraamo/shared';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './providers';
import { AppRoutes, basenameFor } from './router';

/**
 * The app in the browser: `i18n` and the router are in the page's language (its address's): the
 * basename carries the language prefix, so the app's links (`/search`) stay in that language.
 */
export function App({ locale, i18n }: { locale: Locale; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <AppProviders>
        <BrowserRouter basename={basenameFor(locale)}>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </I18nextProvider>
  );
}
