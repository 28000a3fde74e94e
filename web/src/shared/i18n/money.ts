import type { Locale } from '@keskusvaraamo/shared';
import { INTL_LOCALES } from './i18n';

/**
 * Reads an amount of euros typed by a person and returns euro cents: "1 850,50" (Finnish and
 * Swedish), "1,850.50" (English), "1850", "1850.5 €". Returns null for an empty field and NaN for
 * text that is not an amount, so that the schema reports it as a number problem.
 *
 * In Finnish and Swedish the comma is the decimal mark; a point is read as one too when it is
 * followed by one or two digits ("12.50"), as people often type it so.
 */
export function parseEuros(text: string, locale: Locale): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^eur|eur$/i, '');
  if (compact === '') return null;
  let normalised: string;
  if (locale === 'en') {
    normalised = compact.replace(/,(?=\d{3}(\D|$))/g, '');
  } else if (compact.includes(',')) {
    normalised = compact.replace(/\./g, '').replace(',', '.');
  } else if (/\.\d{3}(\D|$)/.test(compact)) {
    normalised = compact.replace(/\./g, ''); // "1.850" as thousands
  } else {
    normalised = compact;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return Number.NaN;
  const [whole, fraction = ''] = normalised.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Euro cents as the text a money field starts with, in the reader's conventions: "1850,50". */
export function centsToEuroText(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(INTL_LOCALES[locale], {
    useGrouping: false,
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** A whole number typed in a field: null when empty, NaN when not a whole number. */
export function parseWholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}
