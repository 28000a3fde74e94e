import { validationError } from '../errors.js';
import { isUuid } from './ids.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The page size asked for, or the default; more than MAX_PAGE_SIZE is refused, not cut. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw validationError([{ field: 'first', message: 'validation.pageSize', params: { max: MAX_PAGE_SIZE } }]);
  }
  return first;
}

/** What one part of a cursor's key holds: decoding checks each part, so SQL only ever sees values of its type. */
export type CursorField = 'uuid' | 'timestamp' | 'number' | 'text';
type CursorValue<F extends CursorField> = F extends 'number' ? number : string;
export type CursorKey<T extends readonly CursorField[]> = { -readonly [K in keyof T]: CursorValue<T[K]> };

/** Longer than any cursor this server makes (three keys are about 150 characters). */
const MAX_CURSOR_LENGTH = 1000;
const MAX_TEXT_KEY_LENGTH = 500;

/** Cursors are opaque to clients: base64url of the sort key of the last row seen. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const badCursor = () => validationError([{ field: 'after', message: 'validation.cursor' }]);

/**
 * The key a cursor carries, checked part by part against `fields`: a cursor that is not base64url,
 * not a JSON array of that length, or holds a value of the wrong type (a non-UUID id, a timestamp
 * that names no real instant, a text with NUL) is a VALIDATION error, never a database error.
 * Timestamps come back as ISO 8601 with their fraction kept to the microsecond.
 */
export function decodeCursor<const T extends readonly CursorField[]>(
  cursor: string | null | undefined,
  fields: T,
): CursorKey<T> | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !/^[\w-]+$/.test(cursor)) throw badCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== fields.length) throw badCursor();
  return fields.map((field, i) => {
    const value = checkValue(field, key[i]);
    if (value === null) throw badCursor();
    return value;
  }) as CursorKey<T>;
}

function checkValue(field: CursorField, value: unknown): string | number | null {
  switch (field) {
    case 'uuid':
      return typeof value === 'string' && isUuid(value) ? value.toLowerCase() : null;
    case 'timestamp':
      return typeof value === 'string' ? normaliseTimestamp(value) : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'text':
      // PostgreSQL text cannot hold NUL; an unpaired surrogate is not text at all.
      return typeof value === 'string' && value.length <= MAX_TEXT_KEY_LENGTH && !NOT_TEXT.test(value) ? value : null;
  }
}

const NOT_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ISO 8601 (as JavaScript writes it) or PostgreSQL's own output ("2026-03-01 10:00:00.123456+02").
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** A real instant as ISO 8601 with the offset written out (which both JavaScript and PostgreSQL read), or null. */
function normaliseTimestamp(value: string): string | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone] = m as unknown as string[];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const realDay =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  if (!realDay || Number(year) < 1 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  let offset = 'Z';
  if (zone !== 'Z') {
    const digits = zone!.replace(':', '');
    const [hours, minutes] = [Number(digits.slice(1, 3)), Number(digits.slice(3) || '0')];
    if (hours > 15 || minutes > 59) return null;
    offset = `${digits[0]}${digits.slice(1, 3)}:${String(minutes).padStart(2, '0')}`;
  }
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`;
}

/** Splits a page fetched with one extra row into the page and whether more follow. */
export function toConnection<T>(
  rows: T[],
  size: number,
  cursorOf: (row: T) => (string | number)[],
  totalCount: number,
) {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(cursorOf(last)) : null },
  };
}

/**
 * A cursor that names the last row seen by its id. Keyset conditions then read that row's sort key
 * in SQL, at the database's full timestamp precision, which a key carried in the cursor would round.
 */
export function decodeIdCursor(cursor: string | null | undefined): string | null {
  return decodeCursor(cursor, ['uuid'] as const)?.[0] ?? null;
}
