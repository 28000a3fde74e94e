export { changeLocale, hasRememberedLocale, initI18n, INTL_LOCALES, isLocale, LOCALE_NAMES } from './i18n';
export {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatKm,
  formatMoney,
  formatTimeRange,
  TIME_ZONE,
  useFormatters,
} from './format';
export { centsToEuroText, parseEuros, parseWholeNumber } from './money';
export { translateIssue } from './translateIssue';
export { useLocale } from './useLocale';
