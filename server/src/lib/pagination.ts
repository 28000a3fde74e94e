import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
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

/** One part of a list's sort key: a column (or expression), what it holds, and its direction. */
export interface KeyPart {
  column: SQLWrapper;
  type: CursorField;
  descending?: boolean;
  /** The SQL type the cursor's value is read as; by default timestamptz, uuid, text or float8 from `type`. */
  cast?: string;
}

const CAST: Record<CursorField, string> = { timestamp: 'timestamptz', uuid: 'uuid', text: 'text', number: 'float8' };

/** A page of a list, as every connection in the API has it. */
export interface Connection<N> {
  nodes: N[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Keyset pagination, the one way every list pages. Give it the request's `first`/`after` and the
 * list's sort key (ending in a unique column, so the order is total); select `page.cursor` as
 * `cursor` with the rows, filter by `page.where`, order by `page.orderBy`, fetch `page.limit` rows,
 * and turn them into a connection with `page.connection`.
 *
 * The cursor is the sort key of the last row as PostgreSQL writes it in JSON, built in SQL: a
 * timestamp keeps its microseconds, so rows written in the same millisecond (or the same
 * transaction) are neither skipped nor repeated, as they were when a cursor held a JavaScript Date.
 * Sort keys must not be null.
 */
export function keyset(args: { first?: number | null; after?: string | null }, key: readonly KeyPart[]) {
  if (!key.length) throw new Error('a keyset needs a sort key');
  const size = pageSize(args.first);
  const values = decodeCursor(
    args.after,
    key.map((part) => part.type),
  ) as (string | number)[] | null;
  const typed = (i: number) => sql`${values![i]}::${sql.raw(key[i]!.cast ?? CAST[key[i]!.type])}`;
  let where: SQL | undefined;
  if (values) {
    const uniform = key.every((part) => !!part.descending === !!key[0]!.descending);
    if (uniform) {
      // One row comparison, which an index on the key columns serves.
      where = sql`(${sql.join(
        key.map((part) => part.column),
        sql`, `,
      )}) ${sql.raw(key[0]!.descending ? '<' : '>')} (${sql.join(
        key.map((_, i) => typed(i)),
        sql`, `,
      )})`;
    } else {
      // Mixed directions: (a after x) or (a = x and (b after y)) …, built from the last part up.
      for (let i = key.length - 1; i >= 0; i--) {
        const part = key[i]!;
        const beyond = sql`${part.column} ${sql.raw(part.descending ? '<' : '>')} ${typed(i)}`;
        where = where ? sql`(${beyond} or (${part.column} = ${typed(i)} and ${where}))` : beyond;
      }
    }
  }
  return {
    size,
    /** One more row than the page, to know whether more follow. */
    limit: size + 1,
    where,
    orderBy: key.map((part) => sql`${part.column} ${sql.raw(part.descending ? 'desc' : 'asc')}`),
    /** Select this as `cursor`: the row's sort key, exactly as the database holds it. */
    cursor: sql<string>`json_build_array(${sql.join(
      key.map((part) => part.column),
      sql`, `,
    )})::text`,
    /** The page from rows fetched with `limit`, each with its `cursor`. */
    connection<R extends { cursor: string }, N>(rows: R[], totalCount: number, present: (row: R) => N): Connection<N> {
      const pageRows = rows.slice(0, size);
      const last = pageRows.at(-1);
      return {
        nodes: pageRows.map(present),
        totalCount,
        pageInfo: {
          hasNextPage: rows.length > size,
          endCursor: last ? Buffer.from(last.cursor).toString('base64url') : null,
        },
      };
    },
  };
}
