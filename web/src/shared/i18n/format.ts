import type { Locale } from '@keskusvaraamo/shared';
import { useCallback } from 'react';
import { INTL_LOCALES } from './i18n';
import { useLocale } from './useLocale';

/** Every time in the service is Lapland's local time, wherever the reader is. */
export const TIME_ZONE = 'Europe/Helsinki';

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** Date formatters bound to the current UI language. */
export function useFormatters() {
  const locale = useLocale();
  return {
    date: useCallback((iso: string) => formatDate(iso, locale), [locale]),
    dateTime: useCallback((iso: string) => formatDateTime(iso, locale), [locale]),
  };
}
