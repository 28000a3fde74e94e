import { LOCALE_PREFIXES, type Locale } from '@keskusvaraamo/shared';
import { createBrowserRouter, type HydrationState } from 'react-router';
import { routes } from './routes';

/** The router's basename for a language: `/sv`, `/en`, or `/` for Finnish (at the root). */
export function basenameFor(locale: Locale): string {
  return LOCALE_PREFIXES[locale] || '/';
}

/**
 * The browser's router for the page's language: the basename carries the language prefix, so
 * the app's links (`/search`) stay in the language the address chose.
 */
export function createAppRouter(locale: Locale, options: { hydrationData?: HydrationState } = {}) {
  return createBrowserRouter(routes, { basename: basenameFor(locale), hydrationData: options.hydrationData });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
