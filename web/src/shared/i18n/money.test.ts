import { describe, expect, it } from 'vitest';
import { centsToEuroText, parseEuros, parseWholeNumber } from './money';

describe('parseEuros', () => {
  it.each([
    ['1 850,50', 'fi', 185050],
    ['1\u00a0850,5', 'sv', 185050],
    ['1850', 'fi', 185000],
    ['12.50', 'fi', 1250],
    ['1.850', 'fi', 185000],
    ['1.850,25 €', 'fi', 185025],
    ['1,850.50', 'en', 185050],
    ['€1850.5', 'en', 185050],
    ['0', 'en', 0],
  ] as const)('reads %s in %s', (text, locale, cents) => {
    expect(parseEuros(text, locale)).toBe(cents);
  });

  it('answers null for an empty field and NaN for what is not an amount', () => {
    expect(parseEuros('  ', 'fi')).toBeNull();
    expect(parseEuros('kaksi', 'fi')).toBeNaN();
    expect(parseEuros('-5', 'fi')).toBeNaN();
    expect(parseEuros('1,2,3', 'fi')).toBeNaN();
    expect(parseEuros('12.345', 'en')).toBeNaN();
  });
});

describe('centsToEuroText', () => {
  it('writes euros for editing in the reader’s conventions', () => {
    expect(centsToEuroText(185050, 'fi')).toBe('1850,50');
    expect(centsToEuroText(185000, 'en')).toBe('1850');
    expect(centsToEuroText(185050, 'en')).toBe('1850.50');
    expect(centsToEuroText(null, 'fi')).toBe('');
  });

  it('round-trips through parseEuros', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      expect(parseEuros(centsToEuroText(123456, locale), locale)).toBe(123456);
    }
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers only', () => {
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('')).toBeNull();
    expect(parseWholeNumber('1,5')).toBeNaN();
  });
});
