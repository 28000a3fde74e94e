import type { Locale } from '@keskusvaraamo/shared';
import { INTL_LOCALES } from '../../../shared/i18n';

const DAY = 86_400_000;

/**
 * How long ago `iso` was, in the reader's words and the largest unit that reads naturally:
 * "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago".
 */
export function formatTimeAgo(iso: string, now: Date, locale: Locale): string {
  const days = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / DAY));
  // "Today" and "yesterday" in words; "last month" or "last year" would name a calendar month or year.
  const format = new Intl.RelativeTimeFormat(INTL_LOCALES[locale], { numeric: days < 2 ? 'auto' : 'always' });
  if (days < 14) return format.format(-days, 'day');
  if (days < 60) return format.format(-Math.floor(days / 7), 'week');
  if (days < 365) return format.format(-Math.floor(days / 30.44), 'month');
  return format.format(-Math.floor(days / 365.25), 'year');
}
