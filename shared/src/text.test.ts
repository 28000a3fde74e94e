import { describe, expect, it } from 'vitest';
import { dateString, localDateTimeString } from './marketplace.js';
import { searchFilterSchema } from './search.js';
import {
  isCleanLine,
  isCleanText,
  multiLineText,
  optionalMultiLineText,
  optionalSingleLineText,
  singleLineText,
  TEXT_CHARACTER_ISSUE,
} from './text.js';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

/** Characters no text may hold, whether one line or several. */
const NEVER = {
  NUL: 'a\u0000b',
  BEL: 'a\u0007b',
  ESC: 'a\u001b[31mb',
  DEL: 'a\u007fb',
  'C1 NEL': 'a\u0085b',
  'C1 CSI': 'a\u009bb',
  'vertical tab': 'a\u000bb',
  'form feed': 'a\u000cb',
  'right-to-left override': 'a\u202eb',
  'left-to-right embedding': 'a\u202ab',
  'first strong isolate': 'a\u2068b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': 'a\udc00b',
  'high surrogate at the end': 'ab\ud83d',
  'swapped pair': 'a\ude00\ud83db',
};

/** Characters a multi-line text may hold but one line may not. */
const ONLY_IN_TEXT = { 'line feed': 'a\nb', tab: 'a\tb', 'line separator': 'a\u2028b' };

describe('text characters', () => {
  it.each(Object.entries(NEVER))('refuses %s in one line and in a text', (_name, value) => {
    expect(isCleanLine(value)).toBe(false);
    expect(isCleanText(value)).toBe(false);
    expect(issues(singleLineText(50).safeParse(value))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
    expect(issues(multiLineText(50).safeParse(value))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
    expect(issues(optionalSingleLineText(50).safeParse(value))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
    expect(issues(optionalMultiLineText(50).safeParse(value))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
  });

  it.each(Object.entries(ONLY_IN_TEXT))('allows %s in a text, not in one line', (_name, value) => {
    expect(multiLineText(50).parse(value)).toBe(value);
    expect(issues(singleLineText(50).safeParse(value))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
  });

  it('keeps letters of every script, emoji sequences and joiners', () => {
    for (const value of [
      'Äänekoski – Anár',
      'Sámi: Ohcejohka',
      'مرحبا بالعالم',
      '👩🏽‍🔧 asentaja',
      'zero\u200bwidth',
      '日本語',
    ]) {
      expect(singleLineText(50).parse(value)).toBe(value);
      expect(multiLineText(50).parse(value)).toBe(value);
    }
  });

  it('stores line breaks of a text as \\n and refuses a carriage return in one line', () => {
    expect(multiLineText(50).parse('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree');
    expect(issues(singleLineText(50).safeParse('one\rtwo'))).toEqual([['', TEXT_CHARACTER_ISSUE]]);
  });

  it('trims, requires and bounds', () => {
    expect(singleLineText(5).parse('  abc  ')).toBe('abc');
    expect(issues(singleLineText(5).safeParse('   '))).toEqual([['', 'validation.required']]);
    expect(issues(singleLineText(5).safeParse('abcdef'))).toEqual([['', 'validation.tooLong']]);
    expect(issues(multiLineText(5).safeParse(7))).toEqual([['', 'validation.required']]);
    expect(optionalSingleLineText(5).parse('  ')).toBeNull();
    expect(optionalMultiLineText(5).parse(undefined)).toBeNull();
  });
});

describe('dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2025-02-29', '2026-1-01', '20260101', ''])(
    'refuses the date %j',
    (value) => {
      expect(dateString.safeParse(value).success).toBe(false);
    },
  );

  it('says once that a text is no date', () => {
    expect(issues(dateString.safeParse('1.1.2027'))).toEqual([['', 'validation.date']]);
    expect(issues(localDateTimeString.safeParse('1.1.2027 klo 9'))).toEqual([['', 'validation.dateTime']]);
  });

  it('takes real dates, leap days included', () => {
    expect(dateString.parse('2028-02-29')).toBe('2028-02-29');
    expect(dateString.parse('2026-12-31')).toBe('2026-12-31');
  });

  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-03-01T24:00', '2026-03-01T10:60', '2026-03-01 10:00'])(
    'refuses the date and time %j',
    (value) => {
      expect(localDateTimeString.safeParse(value).success).toBe(false);
    },
  );
});

describe('search filter', () => {
  it('takes a filter of real values', () => {
    expect(
      searchFilterSchema.parse({
        text: ' aurinko ',
        kinds: ['COURSE'],
        topics: ['wood-chips', 'bioenergy'],
        municipalityCodes: ['698'],
        periodFrom: '2026-03-01',
        languages: ['fi'],
      }),
    ).toMatchObject({
      text: 'aurinko',
      kinds: ['COURSE'],
      topics: ['wood-chips', 'bioenergy'],
      municipalityCodes: ['698'],
    });
  });

  it('refuses made-up topics and municipalities, impossible dates, and lists longer than the values', () => {
    const result = searchFilterSchema.safeParse({
      text: 'a\u0000',
      topics: ['no-such-topic'],
      municipalityCodes: ['091'],
      near: 'x',
      periodFrom: '2026-02-30',
      periodTo: '2026-13-01',
      kinds: Array(6).fill('COURSE'),
      languages: Array(4).fill('fi'),
    });
    expect(Object.fromEntries(issues(result))).toEqual({
      text: TEXT_CHARACTER_ISSUE,
      topics: 'validation.topic',
      municipalityCodes: 'validation.municipality',
      near: 'validation.municipality',
      periodFrom: 'validation.date',
      periodTo: 'validation.date',
      kinds: 'validation.tooManyChoices',
      languages: 'validation.tooManyChoices',
    });
  });

  it('asks for a place to measure from', () => {
    expect(Object.fromEntries(issues(searchFilterSchema.safeParse({ withinKm: 50 })))).toEqual({
      near: 'validation.required',
    });
  });
});
