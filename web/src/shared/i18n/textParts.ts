/**
 * The browser's texts in parts (textSplit.ts): the first page starts with the first part; the
 * rest is added to the page's i18n instance before any other page renders (routes.tsx) and before
 * a signed-in person's tools do (Header). On the server and in tests the instance has every text
 * from the start, nothing begins here, and `ensureAllTexts` resolves at once.
 */
import type { Locale } from '@keskusvaraamo/shared';
import type { i18n as I18n } from 'i18next';
import type { LocaleTexts } from './i18n';

type Part = Partial<LocaleTexts>;

/** One language's first part, as a chunk of its own (a few KB compressed). */
export async function loadFirstTexts(locale: Locale): Promise<Part> {
  switch (locale) {
    case 'sv':
      return (await import('../../locales/sv.json?texts=first')).default;
    case 'en':
      return (await import('../../locales/en.json?texts=first')).default;
    default:
      return (await import('../../locales/fi.json?texts=first')).default;
  }
}

async function loadRestTexts(locale: Locale): Promise<Part> {
  switch (locale) {
    case 'sv':
      return (await import('../../locales/sv.json?texts=rest')).default;
    case 'en':
      return (await import('../../locales/en.json?texts=rest')).default;
    default:
      return (await import('../../locales/fi.json?texts=rest')).default;
  }
}

interface PageTexts {
  locale: Locale;
  /** The page's instance, once made: the rest is added to it. */
  i18n: I18n | null;
  rest: Part | null;
  loading: Promise<void> | null;
}

let page: PageTexts | null = null;

function addRest(current: PageTexts): void {
  if (current.i18n && current.rest)
    current.i18n.addResourceBundle(current.locale, 'translation', current.rest, true, false);
}

/**
 * The page starts with only the first part of `locale`'s texts. Call before the first route loads
 * (a route's loader asks for the rest), then `attachPartialTexts` with the instance.
 */
export function beginPartialTexts(locale: Locale): void {
  page = { locale, i18n: null, rest: null, loading: null };
}

/** The page's instance: gets the rest at once if a route has loaded it already. */
export function attachPartialTexts(i18n: I18n): void {
  if (!page) throw new Error('beginPartialTexts first');
  page.i18n = i18n;
  addRest(page);
}

/** Resolves once the page has every text: at once where it had them from the start. */
export function ensureAllTexts(): Promise<void> {
  if (!page || page.rest) return Promise.resolve();
  const current = page;
  current.loading ??= loadRestTexts(current.locale).then(
    (rest) => {
      current.rest = rest;
      addRest(current);
    },
    (error: unknown) => {
      // A failed load (a dropped connection) is tried again by the next page that needs it.
      current.loading = null;
      throw error;
    },
  );
  return current.loading;
}
