/**
 * Plain text that people type: every text input schema is built from these, so that no field
 * stores characters that can hide or forge content where the text is shown again (a page, an
 * e-mail, a calendar file, a spreadsheet, a log line).
 */
import { z } from 'zod';

/** The message a text with a forbidden character gets (a key under `validation.` in the web locales). */
export const TEXT_CHARACTER_ISSUE = 'validation.characters';

// Control characters (Unicode category Cc: C0, DEL and C1) apart from the line breaks and tabs a
// multi-line text may hold; bidirectional embeddings, overrides and isolates, which make a text
// read differently from what it is ("Trojan Source"); and halves of UTF-16 surrogate pairs
// without their other half, which are not text at all and which PostgreSQL refuses.
const UNPAIRED_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const BIDI_CONTROL = '\\u202A-\\u202E\\u2066-\\u2069';
const FORBIDDEN_IN_LINE = new RegExp(`[\\p{Cc}${BIDI_CONTROL}\\u2028\\u2029]|${UNPAIRED_SURROGATE}`, 'u');
const FORBIDDEN_IN_TEXT = new RegExp(`[^\\P{Cc}\\t\\n]|[${BIDI_CONTROL}]|${UNPAIRED_SURROGATE}`, 'u');

/** Whether `value` is acceptable as one line of text: no control characters at all. */
export function isCleanLine(value: string): boolean {
  return !FORBIDDEN_IN_LINE.test(value);
}

/** Whether `value` is acceptable as a multi-line text: line breaks (\n) and tabs, no other control characters. */
export function isCleanText(value: string): boolean {
  return !FORBIDDEN_IN_TEXT.test(value);
}

const line = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .refine(isCleanLine, { error: TEXT_CHARACTER_ISSUE });

// Line breaks are stored as \n: \r\n and a lone \r become \n before anything is checked.
const lines = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .overwrite((value) => value.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .refine(isCleanText, { error: TEXT_CHARACTER_ISSUE });

/**
 * One line of text (a name, a title, an address): trimmed, not empty, at most `max` characters;
 * control characters, bidirectional overrides and unpaired surrogates are refused.
 */
export const singleLineText = (max: number) => line(max).min(1, { error: 'validation.required' });

/**
 * A text of several lines (a description, a cover letter, a message): trimmed, not empty, at most
 * `max` characters; line breaks (as \n) and tabs are kept, other control characters,
 * bidirectional overrides and unpaired surrogates are refused.
 */
export const multiLineText = (max: number) => lines(max).min(1, { error: 'validation.required' });

/** One line that may be left out: empty, null and undefined all become null. */
export const optionalSingleLineText = (max: number) =>
  line(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A multi-line text that may be left out: empty, null and undefined all become null. */
export const optionalMultiLineText = (max: number) =>
  lines(max)
    .nullish()
    .transform((v) => (v ? v : null));
