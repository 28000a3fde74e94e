import { DEFAULT_LOCALE, type Locale } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { isLocale } from './i18n';

/** The current UI language as a Locale. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
