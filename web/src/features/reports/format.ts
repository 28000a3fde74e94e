import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, useLocale } from '../../shared/i18n';

/** How a figure is read: a count, a median in days (one decimal) or a share (0–1, as a percentage). */
export type FigureUnit = 'count' | 'days' | 'share';

/**
 * The report's numbers in the reader's conventions. `value` and `change` give null for a figure
 * that has no value (a median of nothing): the page shows "–" with the reason for screen readers.
 */
export function useReportFormat() {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const intl = INTL_LOCALES[locale];
    const whole = new Intl.NumberFormat(intl);
    const signedWhole = new Intl.NumberFormat(intl, { signDisplay: 'exceptZero' });
    const oneDecimal = new Intl.NumberFormat(intl, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signedOneDecimal = new Intl.NumberFormat(intl, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 });
    const signedPercent = new Intl.NumberFormat(intl, {
      style: 'percent',
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    });
    const count = (n: number) => whole.format(n);
    const value = (n: number | null, unit: FigureUnit): string | null => {
      if (n === null) return null;
      if (unit === 'days') return t('reports.unit.days', { value: oneDecimal.format(n), count: n });
      if (unit === 'share') return percent.format(n);
      return count(n);
    };
    const change = (current: number | null, previous: number | null, unit: FigureUnit): string | null => {
      if (current === null || previous === null) return null;
      const diff = current - previous;
      // Rounded as shown, so that "12.3 → 12.3" is not called a change.
      if (unit === 'days' && Math.round(diff * 10) === 0) return t('reports.change.none');
      if (unit === 'share' && Math.round(diff * 1000) === 0) return t('reports.change.none');
      if (diff === 0) return t('reports.change.none');
      if (unit === 'days')
        return t('reports.unit.days', { value: signedOneDecimal.format(diff), count: Math.abs(diff) });
      if (unit === 'share') return t('reports.unit.points', { value: signedOneDecimal.format(diff * 100) });
      const relative = previous > 0 ? ` (${signedPercent.format(diff / previous)})` : '';
      return `${signedWhole.format(diff)}${relative}`;
    };
    return { count, value, change, signedCount: (n: number) => signedWhole.format(n) };
  }, [locale, t]);
}
