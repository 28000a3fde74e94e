import { describe, expect, it } from 'vitest';
import { endOfHelsinkiDay, fromHelsinki, helsinkiDate, toHelsinki } from './helsinki.js';

describe('Helsinki time', () => {
  it('converts wall-clock times across daylight saving changes', () => {
    // Winter: UTC+2. Summer (from the last Sunday of March): UTC+3.
    expect(fromHelsinki('2027-03-27T09:00').toISOString()).toBe('2027-03-27T07:00:00.000Z');
    expect(fromHelsinki('2027-03-29T09:00').toISOString()).toBe('2027-03-29T06:00:00.000Z');
    expect(fromHelsinki('2027-10-31T09:00').toISOString()).toBe('2027-10-31T07:00:00.000Z');
    expect(toHelsinki(new Date('2027-07-01T06:30:00Z'))).toBe('2027-07-01T09:30');
    expect(toHelsinki(fromHelsinki('2027-12-24T17:45'))).toBe('2027-12-24T17:45');
  });

  it('knows the Helsinki date near midnight', () => {
    expect(helsinkiDate(new Date('2027-05-31T21:30:00Z'))).toBe('2027-06-01');
    expect(endOfHelsinkiDay('2027-05-31').toISOString()).toBe('2027-05-31T21:00:00.000Z');
  });
});
