import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  easterSunday,
  isCourseDay,
  isOfficeDay,
  monthsEn,
  monthsFi,
  monthsSv,
  seasonFi,
  timeline,
} from './timeline.js';

/** Noon in Helsinki on a date, so that the Helsinki date is that date. */
const at = (date: string) => new Date(`${date}T09:00:00Z`);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('demo timeline', () => {
  it('counts days, weeks and months from the Helsinki date', () => {
    const t = timeline(at('2027-01-31'));
    expect(t.today).toBe('2027-01-31');
    expect(t.days(1)).toBe('2027-02-01');
    expect(t.weeks(2)).toBe('2027-02-14');
    expect(t.monthStart(1)).toBe('2027-02-01');
    expect(t.monthEnd(1)).toBe('2027-02-28');
    expect(t.monthStart(11)).toBe('2027-12-01');
    expect(t.monthEnd(12)).toBe('2028-01-31');
    // 23:30 UTC on 31 December is already New Year in Helsinki.
    expect(timeline(new Date('2026-12-31T23:30:00Z')).today).toBe('2027-01-01');
  });

  it('puts courses on consecutive course days, never across a weekend', () => {
    for (let day = 0; day < 14; day++) {
      const t = timeline(at(addDays('2027-03-01', day)));
      for (const length of [1, 2, 3]) {
        const first = t.courseDay(10, length)!;
        expect(first >= t.days(10)).toBe(true);
        expect(weekday(first)).toBeGreaterThanOrEqual(1);
        expect(weekday(first) + length - 1).toBeLessThanOrEqual(5);
      }
    }
    expect(timeline(at('2027-03-01')).courseDay(10, 1, '2027-04-20')).toBe('2027-04-20');
  });

  it('keeps courses off public holidays and the Christmas and summer holidays', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    for (const holiday of ['2027-03-26', '2027-03-29', '2027-05-06', '2027-05-01', '2026-12-07', '2027-01-05']) {
      expect(isCourseDay(holiday), holiday).toBe(holiday === '2026-12-07');
    }
    expect(isCourseDay('2027-07-14')).toBe(false);
    // Courses that would fall in the holidays keep their spacing after them.
    expect(timeline(at('2026-12-01')).courseDay(19)).toBe('2027-01-07');
    expect(timeline(at('2026-12-01')).courseDay(23)).toBe('2027-01-11');
    expect(timeline(at('2027-06-01')).courseDay(20, 3)).toBe('2027-08-10');
    // Nothing within the six months ahead: the caller leaves the session out.
    expect(timeline(at('2027-01-01')).courseDay(200)).toBeNull();
  });

  it('knows the office days: weekdays, but not holidays, Christmas or July', () => {
    for (const day of ['2026-12-03', '2026-12-07', '2027-01-07', '2026-06-22', '2027-08-02']) {
      expect(isOfficeDay(day), day).toBe(true);
    }
    // A Saturday, the Christmas season, July, Good Friday, May Day and Midsummer Eves.
    for (const day of [
      '2026-12-05',
      '2026-12-21',
      '2027-01-05',
      '2026-07-15',
      '2027-03-26',
      '2026-05-01',
      '2026-06-19',
      '2027-06-25',
    ]) {
      expect(isOfficeDay(day), day).toBe(false);
    }
    expect(daysBetween('2026-12-03', '2027-01-02')).toBe(30);
    expect(daysBetween('2027-03-29', '2027-03-27')).toBe(-2);
  });

  it('sets deadlines ahead of the period, never sooner than ten days', () => {
    const t = timeline(at('2027-03-10'));
    expect(t.deadline(4, '2027-06-01')).toBe('2027-04-07');
    expect(t.deadline(10, '2027-05-01')).toBe('2027-04-17');
    expect(t.deadline(4, '2027-03-15')).toBe('2027-03-20');
  });

  it('looks for summer workers for this summer until mid-April, then for the next', () => {
    expect(timeline(at('2027-04-15')).summer).toEqual({ start: '2027-06-01', end: '2027-08-15' });
    expect(timeline(at('2027-04-16')).summer).toEqual({ start: '2028-06-01', end: '2028-08-15' });
  });

  it('names months and seasons in Finnish, Swedish and English', () => {
    expect(monthsFi('2027-05-01', '2027-08-31')).toBe('touko–elokuussa');
    expect(monthsFi('2027-12-01', '2028-02-29')).toBe('joulu–helmikuussa');
    expect(monthsFi('2027-03-01', '2027-03-31')).toBe('maaliskuussa');
    expect(monthsSv('2027-05-01', '2027-08-31')).toBe('maj–augusti');
    expect(monthsEn('2027-05-01', '2027-08-31')).toBe('May–August');
    expect(seasonFi('2027-04-01')).toBe('keväällä');
    expect(seasonFi('2027-12-01')).toBe('talvella');
  });
});
