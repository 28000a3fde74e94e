import {
  presetPeriod,
  quarterOf,
  reportPeriodSchema,
  type ReportPeriod,
  type ReportPreset,
} from '@keskusvaraamo/shared';

/** What the address says about the period: nothing, a valid period, or the translation key of what is wrong. */
export type PeriodInUrl =
  { kind: 'none' } | { kind: 'valid'; period: ReportPeriod } | { kind: 'invalid'; issue: string };

export function periodFromParams(params: URLSearchParams): PeriodInUrl {
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return { kind: 'none' };
  const parsed = reportPeriodSchema.safeParse({ from: from ?? '', to: to ?? '' });
  if (parsed.success) return { kind: 'valid', period: parsed.data };
  return { kind: 'invalid', issue: parsed.error.issues[0]?.message ?? 'validation.date' };
}

export interface QuarterChoice {
  year: number;
  quarter: number;
}

/** The preset a period is (a bookmarked year or quarter shows as that preset), or CUSTOM. */
export function presetOf(period: ReportPeriod, today: string): { preset: ReportPreset; quarter: QuarterChoice } {
  const same = (other: ReportPeriod) => other.from === period.from && other.to === period.to;
  // The quarter offered when QUARTER is chosen: the period's own, or else the current one.
  const own = { year: Number(period.from.slice(0, 4)), quarter: quarterOf(period.from) };
  if (same(presetPeriod('QUARTER', today, own))) return { preset: 'QUARTER', quarter: own };
  const quarter = { year: Number(today.slice(0, 4)), quarter: quarterOf(today) };
  for (const preset of ['THIS_YEAR', 'LAST_YEAR', 'LAST_12_MONTHS'] as const) {
    if (same(presetPeriod(preset, today))) return { preset, quarter };
  }
  return { preset: 'CUSTOM', quarter };
}

/** The address's query string for a period. */
export const periodParams = (period: ReportPeriod) => new URLSearchParams({ from: period.from, to: period.to });
