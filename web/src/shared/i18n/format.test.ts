import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDayRange, formatKm, formatMoney, formatTimeRange } from './format';

/** Characters that ICU versions disagree on, and that would make the server's HTML differ from the browser's. */
const ENGINE_SPECIFIC_SPACES = /[\u2009\u202f]/;

describe('formatters', () => {
  it('write the same spaces in Node as in the browser, so a server-rendered page hydrates', () => {
    const texts = (['fi', 'sv', 'en'] as const).flatMap((locale) => [
      formatDayRange('2027-02-01', '2027-04-30', locale),
      formatDateTime('2027-01-25T07:00:00Z', locale),
      formatTimeRange('2027-01-25T07:00:00Z', '2027-01-25T14:00:00Z', locale),
      formatTimeRange('2027-01-25T07:00:00Z', '2027-01-26T14:00:00Z', locale),
      formatMoney(185050, locale),
      formatKm(1234, locale),
    ]);
    for (const text of texts) expect(text).not.toMatch(ENGINE_SPECIFIC_SPACES);
    expect(formatDayRange('2027-02-01', '2027-04-30', 'en')).toBe('1 Feb – 30 Apr 2027');
  });

  it('formats in Helsinki time whatever the reader’s zone, the same value twice alike', () => {
    expect(formatDateTime('2027-01-25T07:00:00Z', 'en')).toBe('25 Jan 2027, 09:00');
    expect(formatDateTime('2027-01-25T07:00:00Z', 'en')).toBe(formatDateTime('2027-01-25T07:00:00Z', 'en'));
    expect(formatMoney(185050, 'fi')).toBe('1\u00a0850,50\u00a0€');
  });
});
