import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@keskusvaraamo/shared';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';

const STORAGE_KEY = 'keskusvaraamo.locale';

/** Each language's name in that language, as a language switcher should show it. */
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** BCP 47 tags for Intl: Finland's conventions, and British English's day-month order. */
export const INTL_LOCALES: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be off (private mode, strict settings); the default language then applies.
    return null;
  }
}

/** True when this browser remembers a language the reader chose. */
export function hasRememberedLocale(): boolean {
  return storedLocale() !== null;
}

function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
}

function reflectInDocument(locale: string): void {
  document.documentElement.lang = locale;
}

/** Sets up i18next with the bundled translations; Finnish unless the reader chose otherwise. */
export function initI18n(): typeof i18n {
  const lng = storedLocale() ?? DEFAULT_LOCALE;
  void i18n.use(initReactI18next).init({
    resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  reflectInDocument(lng);
  i18n.on('languageChanged', reflectInDocument);
  return i18n;
}

/** Switches the UI language and remembers the choice in this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
