import { LOCALE_PREFIXES, type Locale } from '@keskusvaraamo/shared';
import { useRoutes } from 'react-router';
import { routes } from './routes';

/** The router's basename for a language: `/sv`, `/en`, or `/` for Finnish (at the root). */
export function basenameFor(locale: Locale): string {
  return LOCALE_PREFIXES[locale] || '/';
}

/**
 * The app's pages for the address, under whichever router is around it: the browser's
 * (`<BrowserRouter>` in App.tsx) or the server renderer's (`<StaticRouter>`). React Router's
 * declarative mode: the app has no loaders or actions (its data comes through GraphQL), and the
 * data router's code was some 15 KB more on every first load.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
