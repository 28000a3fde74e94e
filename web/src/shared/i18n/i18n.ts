import { DEFAULT_LOCALE, LOCALES, type Locale } from '@keskusvaraamo/shared';
import i18next, { type i18n as I18n } from 'i18next';
import type fi from '../../locales/fi.json';

/** One language's texts (locales/fi.json is the reference: the others have the same keys). */
export type LocaleTexts = typeof fi;

/**
 * The texts of the languages an i18n instance may use: the browser loads only its page's, and
 * of those first only the part the first page needs (textParts.ts).
 */
export type LocaleResources = Partial<Record<Locale, Partial<LocaleTexts>>>;

/** Each language's name in that language, as a language switcher should show it. */
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export { INTL_LOCALES } from '../intl/locales';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * One language's texts, as a chunk of its own: the browser loads only its page's language
 * (about 30 KB compressed) instead of all three.
 */
export async function loadLocaleTexts(locale: Locale): Promise<LocaleTexts> {
  switch (locale) {
    case 'sv':
      return (await import('../../locales/sv.json')).default;
    case 'en':
      return (await import('../../locales/en.json')).default;
    default:
      return (await import('../../locales/fi.json')).default;
  }
}

/** The resources for `createI18n` in the browser: only `locale`'s texts. */
export async function loadLocaleResources(locale: Locale): Promise<LocaleResources> {
  return { [locale]: await loadLocaleTexts(locale) };
}

/** The options every instance shares (the app's, the server renderer's and the tests'). */
export function i18nOptions(locale: Locale, resources: LocaleResources) {
  return {
    resources: Object.fromEntries(Object.entries(resources).map(([lng, texts]) => [lng, { translation: texts }])),
    lng: locale,
    // Every language has every key (locales.test.ts); a missing one falls back only to a loaded language.
    fallbackLng: resources[DEFAULT_LOCALE] ? DEFAULT_LOCALE : locale,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
    // Texts added later (the rest of the page's language, textParts.ts) re-render what uses them.
    react: { bindI18nStore: 'added' },
  } as const;
}

/**
 * An i18next instance in `locale`, with no global side effects: the browser makes one for its
 * page, the server renderer one per request; the app reads it through `<I18nextProvider>`.
 * `resources` must hold `locale`'s texts. The page's language comes from its address
 * (localeOfPath); changing it is a navigation to the other language's address.
 */
export function createI18n(locale: Locale, resources: LocaleResources): I18n {
  if (!resources[locale]) throw new Error(`No texts loaded for ${locale}`);
  const instance = i18next.createInstance();
  // Synchronous: the resources are given and initAsync is false.
  void instance.init(i18nOptions(locale, resources));
  return instance;
}
