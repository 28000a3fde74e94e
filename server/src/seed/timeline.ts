/**
 * Dates for the demo marketplace, counted from the day it is seeded, so that a fresh install always
 * shows deadlines and sessions ahead. Dates are Helsinki calendar dates, "YYYY-MM-DD"; wall-clock
 * times are "YYYY-MM-DDTHH:mm" in Helsinki, as people type them.
 */
import { todayInHelsinki } from '../lib/helsinki.js';

const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

/** The date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + n);
  return format(d);
}

/** 0 = Sunday … 6 = Saturday. */
const weekday = (date: string) => parse(date).getUTCDay();
const month = (date: string) => parse(date).getUTCMonth();

/** Courses are planned this many days ahead at most: the coming six months. */
export const COURSE_HORIZON_DAYS = 180;

/** Easter Sunday of a year (the Gregorian computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const easterMonth = Math.floor((h + l - 7 * m + 114) / 31);
  const easterDay = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(easterMonth).padStart(2, '0')}-${String(easterDay).padStart(2, '0')}`;
}

/**
 * Whether a course can be held on a date: a weekday that is not a Finnish public holiday, outside
 * the Christmas season (20.12.–6.1.) and the summer holidays (Midsummer to early August).
 */
export function isCourseDay(date: string): boolean {
  if (weekday(date) === 0 || weekday(date) === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay >= '12-20' || monthDay <= '01-06') return false;
  if (monthDay >= '06-19' && monthDay <= '08-07') return false;
  if (monthDay === '05-01' || monthDay === '12-06') return false;
  return !easterHolidays(Number(date.slice(0, 4))).includes(date);
}

/**
 * Whether people do their office work on a date: a weekday that is not a Finnish public holiday,
 * Midsummer Eve, the Christmas season (20.12.–6.1.) or in July, when Finland is on holiday.
 */
export function isOfficeDay(date: string): boolean {
  if (weekday(date) === 0 || weekday(date) === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay >= '12-20' || monthDay <= '01-06') return false;
  if (monthDay.startsWith('07-')) return false;
  if (monthDay === '05-01' || monthDay === '12-06') return false;
  if (weekday(date) === 5 && monthDay >= '06-19' && monthDay <= '06-25') return false;
  return !easterHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/**
 * A date in the Christmas or summer holidays, moved on by the length of the season: courses that
 * would have fallen in it keep their order and spacing after it instead of all starting on its
 * first day back.
 */
function pastHolidaySeason(date: string): string {
  const monthDay = date.slice(5);
  if (monthDay >= '12-20' || monthDay <= '01-06') return addDays(date, 18);
  if (monthDay >= '06-19' && monthDay <= '08-07') return addDays(date, 50);
  return date;
}

const easterHolidaysByYear = new Map<number, string[]>();
/** Good Friday, Easter Monday and Ascension Day. */
function easterHolidays(year: number): string[] {
  let days = easterHolidaysByYear.get(year);
  if (!days) {
    const easter = easterSunday(year);
    days = [-2, 1, 39].map((n) => addDays(easter, n));
    easterHolidaysByYear.set(year, days);
  }
  return days;
}

export interface Timeline {
  today: string;
  /** `n` days from today. */
  days(n: number): string;
  /** `n` weeks from today. */
  weeks(n: number): string;
  /** The first day of the month `n` months from now. */
  monthStart(n: number): string;
  /** The last day of the month `n` months from now. */
  monthEnd(n: number): string;
  /**
   * The first day, at least `n` days from today (and not before `notBefore`), on which a course of
   * `length` days can run on consecutive course days (see `isCourseDay`); null when there is none
   * within the six months ahead.
   */
  courseDay(n: number, length?: number, notBefore?: string): string | null;
  /**
   * An application deadline about `n` weeks ahead, but two weeks before the period starts when that
   * is sooner, and never less than ten days ahead.
   */
  deadline(n: number, periodStart: string): string;
  /** The coming summer season for summer jobs: this year's until mid-April, then next year's. */
  summer: { start: string; end: string };
}

export function timeline(now: Date = new Date()): Timeline {
  const today = todayInHelsinki(now);
  const [year, monthIndex] = [parse(today).getUTCFullYear(), parse(today).getUTCMonth()];
  const firstOf = (n: number) => format(new Date(Date.UTC(year, monthIndex + n, 1)));
  const summerYear = today.slice(5) <= '04-15' ? year : year + 1;
  return {
    today,
    days: (n) => addDays(today, n),
    weeks: (n) => addDays(today, 7 * n),
    monthStart: firstOf,
    monthEnd: (n) => addDays(firstOf(n + 1), -1),
    courseDay(n, length = 1, notBefore) {
      const horizon = addDays(today, COURSE_HORIZON_DAYS);
      let date = pastHolidaySeason(addDays(today, n));
      if (notBefore && notBefore > date) date = notBefore;
      for (; date <= horizon; date = addDays(date, 1)) {
        let days = 0;
        while (days < length && isCourseDay(addDays(date, days))) days++;
        if (days === length) return date;
      }
      return null;
    },
    deadline(n, periodStart) {
      const soonest = addDays(today, 10);
      const wanted = [addDays(today, 7 * n), addDays(periodStart, -14)].sort()[0]!;
      return wanted < soonest ? soonest : wanted;
    },
    summer: { start: `${summerYear}-06-01`, end: `${summerYear}-08-15` },
  };
}

const MONTH_STEMS_FI = [
  'tammi',
  'helmi',
  'maalis',
  'huhti',
  'touko',
  'kesä',
  'heinä',
  'elo',
  'syys',
  'loka',
  'marras',
  'joulu',
];
const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "touko–elokuussa", or "toukokuussa" within one month. */
export function monthsFi(from: string, to: string): string {
  const [a, b] = [MONTH_STEMS_FI[month(from)]!, MONTH_STEMS_FI[month(to)]!];
  return a === b ? `${a}kuussa` : `${a}–${b}kuussa`;
}

/** "maj–augusti". */
export function monthsSv(from: string, to: string): string {
  const [a, b] = [MONTHS_SV[month(from)]!, MONTHS_SV[month(to)]!];
  return a === b ? a : `${a}–${b}`;
}

/** "May–August". */
export function monthsEn(from: string, to: string): string {
  const [a, b] = [MONTHS_EN[month(from)]!, MONTHS_EN[month(to)]!];
  return a === b ? a : `${a}–${b}`;
}

/** When in the year a date falls, in Finnish: "keväällä", "kesällä", "syksyllä" or "talvella". */
export function seasonFi(date: string): string {
  return [
    'talvella',
    'talvella',
    'keväällä',
    'keväällä',
    'keväällä',
    'kesällä',
    'kesällä',
    'kesällä',
    'syksyllä',
    'syksyllä',
    'syksyllä',
    'talvella',
  ][month(date)]!;
}

/** The same in Swedish: "i vår", "i sommar", "i höst" or "i vinter". */
export function seasonSv(date: string): string {
  return [
    'i vinter',
    'i vinter',
    'i vår',
    'i vår',
    'i vår',
    'i sommar',
    'i sommar',
    'i sommar',
    'i höst',
    'i höst',
    'i höst',
    'i vinter',
  ][month(date)]!;
}
