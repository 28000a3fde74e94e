export { changeLocale, hasRememberedLocale, initI18n, INTL_LOCALES, isLocale, LOCALE_NAMES } from './i18n';
export { formatDate, formatDateTime, TIME_ZONE, useFormatters } from './format';
export { translateIssue } from './translateIssue';
export { useLocale } from './useLocale';
