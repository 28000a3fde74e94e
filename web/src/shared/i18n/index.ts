export {
  createI18n,
  i18nOptions,
  INTL_LOCALES,
  isLocale,
  loadLocaleResources,
  loadLocaleTexts,
  LOCALE_NAMES,
  type LocaleResources,
  type LocaleTexts,
} from './i18n';
export {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatKm,
  formatMoney,
  formatTimeRange,
  helsinkiToday,
  TIME_ZONE,
  useFormatters,
} from './format';
export { centsToEuroText, parseEuros, parseWholeNumber } from './money';
export { usePriceText } from './price';
export { translateIssue, useTranslateIssue } from './translateIssue';
export { useLocale } from './useLocale';
export { attachPartialTexts, beginPartialTexts, ensureAllTexts, loadFirstTexts } from './textParts';
