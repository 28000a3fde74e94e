import type { Locale } from '@keskusvaraamo/shared';
import { useCallback, useMemo } from 'react';
import { INTL_LOCALES } from './i18n';
import { useLocale } from './useLocale';

/** Every time in the service is Lapland's local time, wherever the reader is. */
export const TIME_ZONE = 'Europe/Helsinki';

/** Today's date in Helsinki, YYYY-MM-DD: Lapland's calendar day (report presets, deadlines). */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The same text from every JavaScript engine. ICU versions differ in their spaces: Node's puts thin
 * spaces (U+2009) around a range's dash and a narrow no-break space (U+202F) before "AM", where
 * Chromium writes plain spaces. The server renders the public pages and the browser hydrates them,
 * so both must write the same characters; a thin space is a plain one, a narrow no-break space a
 * no-break space (it still must not break).
 */
export function sameEverywhere(text: string): string {
  return text.replace(/\u2009/g, ' ').replace(/\u202f/g, '\u00a0');
}

/**
 * Formatters are costly to build (tens of microseconds each) and a result list formats hundreds of
 * values, so each locale and option set is built once.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALES[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string, locale: Locale): string {
  return sameEverywhere(dateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso)));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return sameEverywhere(
    dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso)),
  );
}

/**
 * A calendar day (YYYY-MM-DD) as the reader writes it. A day is not an instant: it is formatted
 * at UTC midnight in UTC, so that no time zone moves it to the day before.
 */
function calendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function formatDay(day: string, locale: Locale): string {
  return sameEverywhere(dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDay(day)));
}

/** A period of calendar days, "1.–31.5.2026", with the day alone when both ends are the same. */
export function formatDayRange(start: string, end: string, locale: Locale): string {
  const format = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  if (start === end) return sameEverywhere(format.format(calendarDay(start)));
  return sameEverywhere(format.formatRange(calendarDay(start), calendarDay(end)));
}

/** A session's time in Helsinki: "ti 2.6.2026 klo 9.00–16.00", with both dates when it spans days. */
export function formatTimeRange(startIso: string, endIso: string, locale: Locale): string {
  return sameEverywhere(
    dateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    }).formatRange(new Date(startIso), new Date(endIso)),
  );
}

/** Euro cents as money in the reader's conventions: "1 850,50 €", "€1,850.50". */
export function formatMoney(cents: number, locale: Locale): string {
  const whole = cents % 100 === 0;
  return sameEverywhere(
    numberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(cents / 100),
  );
}

export function formatKm(km: number, locale: Locale): string {
  return sameEverywhere(
    numberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 0 }).format(km),
  );
}

/** Formatters bound to the current UI language. */
export function useFormatters() {
  const locale = useLocale();
  const date = useCallback((iso: string) => formatDate(iso, locale), [locale]);
  const dateTime = useCallback((iso: string) => formatDateTime(iso, locale), [locale]);
  return useMemo(
    () => ({
      date,
      dateTime,
      day: (day: string) => formatDay(day, locale),
      dayRange: (start: string, end: string) => formatDayRange(start, end, locale),
      timeRange: (start: string, end: string) => formatTimeRange(start, end, locale),
      money: (cents: number) => formatMoney(cents, locale),
      km: (km: number) => formatKm(km, locale),
    }),
    [date, dateTime, locale],
  );
}
