/**
 * The report period as the server accepts it, apart from reports.ts so that the pages that show
 * the report's texts (the landing page's figures) do not load zod.
 */
import { z } from 'zod';
import { periodDays, REPORT_EARLIEST_DAY, REPORT_LATEST_DAY, REPORT_MAX_DAYS } from './reports.js';

/** A day that exists: "2026-02-30" and "2026-13-01" do not (and must not throw on the way). */
function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
}

const bothReal = (p: { from: string; to: string }) => isRealDate(p.from) && isRealDate(p.to);

const reportDate = z
  .string()
  .max(10, { error: 'validation.date' })
  .refine(isRealDate, { error: 'validation.date' })
  .refine((d) => d >= REPORT_EARLIEST_DAY && d <= REPORT_LATEST_DAY, { error: 'validation.reportDateRange' });

/** What the server accepts as a period; the messages are translation keys, as everywhere. */
export const reportPeriodSchema = z
  .object({ from: reportDate, to: reportDate })
  // Only about two real days: a date that is not one has its own message already.
  .refine((p) => !bothReal(p) || p.from <= p.to, { error: 'validation.reportPeriodOrder', path: ['to'] })
  .refine((p) => !bothReal(p) || p.from > p.to || periodDays(p) <= REPORT_MAX_DAYS, {
    error: 'validation.reportPeriodTooLong',
    path: ['to'],
  });
