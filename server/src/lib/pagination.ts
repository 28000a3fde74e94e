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

/** Cursors are opaque to clients: base64url of the sort key of the last row seen. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the validation error
  }
  throw validationError([{ field: 'after', message: 'validation.cursor' }]);
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
  const key = decodeCursor(cursor, 1);
  if (!key) return null;
  if (typeof key[0] !== 'string' || !isUuid(key[0])) {
    throw validationError([{ field: 'after', message: 'validation.cursor' }]);
  }
  return key[0];
}
