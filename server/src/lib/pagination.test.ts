import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../db/client.js';
import { openTestDatabase } from '../test/helper.js';
import { encodeCursor, keyset, type KeyPart } from './pagination.js';

// A table of its own: the helper is tested on rows that share a timestamp to the microsecond,
// which is what every row written in one transaction does.
let db: Database;
let drop: () => Promise<void>;
let close: () => Promise<void>;

const items = sql.raw('keyset_items');
const col = (name: string) => sql.raw(name);

beforeAll(async () => {
  const opened = await openTestDatabase();
  db = opened.handle.db;
  close = () => opened.handle.close();
  drop = opened.drop;
  await db.execute(
    sql`create table keyset_items (id uuid primary key, created_at timestamptz not null, title text not null, score float8 not null)`,
  );
  // Nine rows in one transaction: the same now() for all, then three more a microsecond apart.
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into keyset_items
      select gen_random_uuid(), now(), 'title ' || (n % 3), (n % 4) / 7.0 from generate_series(1, 9) n`);
    await tx.execute(sql`insert into keyset_items
      select gen_random_uuid(), now() + make_interval(secs => n / 1000000.0), 'late', 0.1 from generate_series(1, 3) n`);
  });
});

afterAll(async () => {
  await close();
  await drop();
});

async function pageThrough(key: KeyPart[], first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let round = 0; round < 100; round++) {
    const page = keyset({ first, after }, key);
    const rows = await queryRows<{ id: string; cursor: string }>(
      db,
      sql`select id, ${page.cursor} as cursor from ${items}
          ${page.where ? sql`where ${page.where}` : sql``}
          order by ${sql.join(page.orderBy, sql`, `)} limit ${page.limit}`,
    );
    const connection = page.connection(rows, 12, (row) => row.id);
    seen.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('did not reach the end');
}

async function allIds(order: string): Promise<string[]> {
  return (await queryRows<{ id: string }>(db, sql.raw(`select id from keyset_items order by ${order}`))).map(
    (r) => r.id,
  );
}

describe('keyset pagination', () => {
  it('pages one row at a time through rows written in one transaction, newest first, without loss or repetition', async () => {
    const ids = await pageThrough(
      [
        { column: col('created_at'), type: 'timestamp', descending: true },
        { column: col('id'), type: 'uuid', descending: true },
      ],
      1,
    );
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(ids).toEqual(await allIds('created_at desc, id desc'));
  });

  it('pages oldest first, by text and by a float, and with mixed directions, in pages of any size', async () => {
    const keys: [KeyPart[], string][] = [
      [
        [
          { column: col('created_at'), type: 'timestamp' },
          { column: col('id'), type: 'uuid' },
        ],
        'created_at, id',
      ],
      [
        [
          { column: col('title'), type: 'text' },
          { column: col('id'), type: 'uuid' },
        ],
        'title, id',
      ],
      [
        [
          { column: col('score'), type: 'number', descending: true },
          { column: col('created_at'), type: 'timestamp' },
          { column: col('id'), type: 'uuid', descending: true },
        ],
        'score desc, created_at, id desc',
      ],
    ];
    for (const [key, order] of keys) {
      const expected = await allIds(order);
      for (const first of [1, 2, 5, 20]) expect(await pageThrough(key, first)).toEqual(expected);
    }
  });

  it('keeps the microseconds a JavaScript Date would lose', async () => {
    const page = keyset({ first: 1 }, [
      { column: col('created_at'), type: 'timestamp', descending: true },
      { column: col('id'), type: 'uuid', descending: true },
    ]);
    const [row] = await queryRows<{ cursor: string; micros: number }>(
      db,
      sql`select ${page.cursor} as cursor, (extract(microseconds from created_at)::int % 1000000) as micros
          from ${items} order by created_at desc, id desc limit 1`,
    );
    const [timestamp] = JSON.parse(row!.cursor) as [string];
    // PostgreSQL drops trailing zeros (.437310 is written .43731): compare the value, not the digits.
    const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
    expect(Number(fraction.padEnd(6, '0'))).toBe(row!.micros);
  });

  it('refuses a cursor of the wrong shape as a validation error', () => {
    const key: KeyPart[] = [
      { column: col('created_at'), type: 'timestamp' },
      { column: col('id'), type: 'uuid' },
    ];
    for (const after of ['not base64!', encodeCursor(['x']), encodeCursor(['2026-13-01T00:00:00Z', 'x'])]) {
      expect(() => keyset({ after }, key)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(() => keyset({ first: 101 }, key)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
