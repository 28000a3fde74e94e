import { describe, expect, it } from 'vitest';
import { LOCALES, presetPeriod, previousPeriod, REPORT_FIGURES, REPORT_TEXTS, reportPeriodSchema } from './index.js';

describe('report periods', () => {
  it('compares whole years, quarters and months with the same before them', () => {
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-04-01', to: '2025-06-30' })).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod({ from: '2024-01-01', to: '2025-12-31' })).toEqual({ from: '2022-01-01', to: '2023-12-31' });
  });

  it('compares any other period with as many days before it', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-10' })).toEqual({ from: '2025-02-19', to: '2025-02-28' });
    expect(previousPeriod({ from: '2024-12-04', to: '2025-12-03' })).toEqual({ from: '2023-12-05', to: '2024-12-03' });
  });

  it('gives the presets from a day', () => {
    expect(presetPeriod('THIS_YEAR', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('LAST_YEAR', '2026-12-03')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('QUARTER', '2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('QUARTER', '2026-12-03', { year: 2025, quarter: 1 })).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(presetPeriod('LAST_12_MONTHS', '2026-12-03')).toEqual({ from: '2025-12-04', to: '2026-12-03' });
    expect(presetPeriod('LAST_12_MONTHS', '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });

  it('refuses impossible, reversed and too long periods', () => {
    const issues = (from: string, to: string) =>
      reportPeriodSchema.safeParse({ from, to }).error?.issues.map((i) => i.message) ?? [];
    expect(issues('2025-01-01', '2025-12-31')).toEqual([]);
    expect(issues('2025-02-29', '2025-03-01')).toEqual(['validation.date']);
    // Not a day at all: refused, not thrown (a RangeError here was a 500).
    expect(issues('2025-01-01', '2025-13-45')).toEqual(['validation.date']);
    expect(issues('2025-00-00', '2025-01-01')).toEqual(['validation.date']);
    expect(issues('2025-12-31', '2025-01-01')).toEqual(['validation.reportPeriodOrder']);
    expect(issues('2019-01-01', '2025-01-01')).toEqual(['validation.reportPeriodTooLong']);
    expect(issues('1999-12-31', '2000-01-01')).toEqual(['validation.reportDateRange']);
  });
});

describe('figure texts', () => {
  it('name and define every figure in every language', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(REPORT_TEXTS[locale]).sort()).toEqual([...REPORT_FIGURES].sort());
      for (const figure of REPORT_FIGURES) {
        expect(REPORT_TEXTS[locale][figure].label.length, `${locale} ${figure}`).toBeGreaterThan(3);
        expect(REPORT_TEXTS[locale][figure].definition.length, `${locale} ${figure}`).toBeGreaterThan(20);
      }
    }
  });
});
