/**
 * The coordinator's report as a table, for the CSV and XLSX downloads: one row per figure and
 * breakdown, with the period and the previous period side by side and each figure's definition, so
 * that the file stands alone for an auditor. Labels and definitions come from shared (REPORT_TEXTS,
 * REPORT_BREAKDOWN_TEXTS): the file says what the report page says.
 *
 * XLSX by write-excel-file (pinned): it writes what a report needs (numbers with their formats, bold,
 * widths, a frozen heading) with one dependency (fflate) and is released regularly; exceljs, the
 * other candidate, had its last stable release in 2023 and brings archiver, unzipper, fast-csv,
 * uuid and tmp along for reading and streaming, which the export does not need.
 */
import {
  municipalityName,
  REPORT_BREAKDOWN_TEXTS,
  REPORT_TEXTS,
  type Locale,
  type ReportFigure,
  type ReportPeriod,
} from '@keskusvaraamo/shared';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Row as XlsxRow } from 'write-excel-file/node';
import { textCell } from '../../lib/spreadsheet.js';
import type { ClusterReportDto, Figure, RatioFigure } from './types.js';

/** How a value is written: a count, days (one decimal) or a rate (0–1, written as a percent). */
type Unit = 'count' | 'days' | 'rate';

interface TableRow {
  section: string;
  figure: string;
  breakdown: string;
  current: number | null;
  previous: number | null;
  unit: Unit;
  definition: string;
}

/** The header's dates: d.m.yyyy in Finnish and Swedish, ISO in English. */
function formatPeriod(p: ReportPeriod, locale: Locale): string {
  if (locale === 'en') return `${p.from} – ${p.to}`;
  const day = (iso: string) => {
    const [y, m, d] = iso.split('-');
    return `${Number(d)}.${Number(m)}.${y}`;
  };
  return `${day(p.from)}–${day(p.to)}`;
}

const LANGUAGE_TAG: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "2026-03" as the reader says it: "maaliskuu 2026", "mars 2026", "March 2026". */
function monthName(month: string, locale: Locale): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** The report's figures as rows, in REPORT_FIGURES' order, with their values unformatted. */
export function reportTable(report: ClusterReportDto, locale: Locale): TableRow[] {
  const texts = REPORT_TEXTS[locale];
  const words = REPORT_BREAKDOWN_TEXTS[locale];
  const rows: TableRow[] = [];
  const add = (
    section: keyof typeof words.sections,
    figure: ReportFigure,
    value: Figure | RatioFigure | { current: number | null; previous: number | null },
    unit: Unit = 'count',
    breakdown = '',
  ) =>
    rows.push({
      section: words.sections[section],
      figure: texts[figure].label,
      breakdown,
      current: value.current,
      previous: value.previous,
      unit,
      definition: texts[figure].definition,
    });
  const { needs, matches, courses, placements, reach, organisations, indicators } = report;

  add('needs', 'needsPosted', needs.posted);
  for (const f of needs.byKindAndState) {
    add('needs', 'needsByKindAndState', f, 'count', `${words.kinds[f.kind]} – ${stateName(f.state, locale)}`);
  }
  // Per month: the period's months only (the previous period has no months of its own here).
  for (const m of needs.perMonth) {
    add(
      'needs',
      'newNeedsPerMonth',
      { current: m.count, previous: null },
      'count',
      `${monthName(m.month, locale)} – ${words.kinds[m.kind]}`,
    );
  }

  add('matches', 'matchesMade', matches.made);
  for (const f of matches.byHow) add('matches', 'matchesByHow', f, 'count', words.hows[f.how]);
  add('matches', 'medianDaysToFirstMatch', matches.medianDaysToFirstMatch, 'days');
  add('matches', 'medianDaysToFilled', matches.medianDaysToFilled, 'days');

  add('courses', 'coursesHeld', courses.coursesHeld);
  add('courses', 'sessionsHeld', courses.sessionsHeld);
  for (const m of courses.sessionsPerMonth) {
    add('courses', 'sessionsHeld', { current: m.sessions, previous: null }, 'count', monthName(m.month, locale));
  }
  add('courses', 'seatsBooked', courses.seatsBooked);
  add('courses', 'participantsAttended', courses.participantsAttended);
  for (const m of courses.sessionsPerMonth) {
    add(
      'courses',
      'participantsAttended',
      { current: m.participantsAttended, previous: null },
      'count',
      monthName(m.month, locale),
    );
  }
  add('courses', 'attendanceRate', courses.attendanceRate, 'rate');
  add('courses', 'sessionsCancelledTooFew', courses.sessionsCancelledTooFew);

  add('placements', 'placementsFilled', placements.filled);
  for (const f of placements.byKind) add('placements', 'placementsFilled', f, 'count', words.kinds[f.kind]);

  const place = (code: string | null) => (code ? municipalityName(code, locale) : words.noMunicipality);
  add('reach', 'companiesServed', reach.companiesServed);
  for (const m of reach.byMunicipality) {
    add(
      'reach',
      'companiesServed',
      { current: m.companies, previous: m.previousCompanies },
      'count',
      place(m.municipalityCode),
    );
  }
  add('reach', 'peopleServed', reach.peopleServed);
  for (const m of reach.byMunicipality) {
    add('reach', 'peopleServed', { current: m.people, previous: m.previousPeople }, 'count', place(m.municipalityCode));
  }
  add('reach', 'shareOutsideRovaniemi', reach.shareOutsideRovaniemi, 'rate');

  add('organisations', 'activeCompanies', organisations.activeCompanies);
  add('organisations', 'activeEducationalOrganisations', organisations.activeEducational);
  add('organisations', 'verifiedMembers', organisations.verifiedMembers);
  add('organisations', 'newMembers', organisations.newMembers);

  for (const f of indicators) add('indicators', f.code, f);
  return rows;
}

function stateName(state: string, locale: Locale): string {
  const states = REPORT_BREAKDOWN_TEXTS[locale].states as Record<string, string>;
  return states[state] ?? state;
}

/** The heading row: the columns, the two periods with their dates. */
function headerRow(report: ClusterReportDto, locale: Locale): string[] {
  const c = REPORT_BREAKDOWN_TEXTS[locale].columns;
  return [
    c.section,
    c.figure,
    c.breakdown,
    `${c.current} ${formatPeriod(report.period, locale)}`,
    `${c.previous} ${formatPeriod(report.previousPeriod, locale)}`,
    c.definition,
  ];
}

/**
 * A value as a spreadsheet in the reader's locale reads it as a number: Finnish and Swedish with a
 * decimal comma, English with a point; days with one decimal, rates as a percent with one decimal;
 * no thousands separator. Nothing to compute it from (null): an empty cell.
 */
export function formatValue(value: number | null, unit: Unit, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '';
  const comma = locale !== 'en';
  const decimal = (n: number) => (comma ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (unit === 'days') return decimal(value);
  if (unit === 'rate') return `${decimal(value * 100)}%`;
  return String(Math.round(value));
}

/** Every figure of the report as rows of text, the heading first. */
export function reportRows(report: ClusterReportDto, locale: Locale): string[][] {
  return [
    headerRow(report, locale),
    ...reportTable(report, locale).map((r) => [
      r.section,
      r.figure,
      r.breakdown,
      formatValue(r.current, r.unit, locale),
      formatValue(r.previous, r.unit, locale),
      r.definition,
    ]),
  ];
}

/**
 * The CSV: UTF-8 with a byte-order mark, semicolons for Finnish and Swedish (their Excel's list
 * separator, as the comma is their decimal mark), commas for English. Every cell goes through
 * textCell, although none holds a person's text: the labels stay safe if one ever starts with "-".
 */
export function reportCsv(report: ClusterReportDto, locale: Locale): string {
  const rows = reportRows(report, locale).map((row) => row.map((cell) => textCell(cell)));
  return stringify(rows, { bom: true, delimiter: locale === 'en' ? ',' : ';', record_delimiter: 'windows' });
}

const NUMBER_FORMAT: Record<Unit, string> = { count: '0', days: '0.0', rate: '0.0%' };

/**
 * The XLSX: values as numbers (days with one decimal, rates as percentages, formatted by the
 * spreadsheet in the reader's own locale), a bold heading row that stays in view, column widths.
 * Text cells in XLSX are never formulas, so no apostrophe is needed.
 */
export async function reportXlsx(report: ClusterReportDto, locale: Locale): Promise<Buffer> {
  const number = (value: number | null, unit: Unit) =>
    value === null || !Number.isFinite(value) ? null : { value, type: Number, format: NUMBER_FORMAT[unit] };
  const data: XlsxRow[] = [
    headerRow(report, locale).map((value) => ({ value, fontWeight: 'bold' as const, wrap: true })),
    ...reportTable(report, locale).map((r): XlsxRow => [
      r.section,
      r.figure,
      r.breakdown,
      number(r.current, r.unit),
      number(r.previous, r.unit),
      { value: r.definition, wrap: true },
    ]),
  ];
  return writeXlsxFile(data, {
    sheet: REPORT_BREAKDOWN_TEXTS[locale].sheet,
    columns: [{ width: 18 }, { width: 44 }, { width: 30 }, { width: 24 }, { width: 24 }, { width: 80 }],
    stickyRowsCount: 1,
  }).toBuffer();
}
