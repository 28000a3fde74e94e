import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { sqlList } from './sqlList.js';

const render = (query: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(query);

describe('sqlList', () => {
  it('renders a list of literals as the CHECK constraints have always been written, with no parameters', () => {
    expect(render(sql`state in ${sqlList(['OPEN', 'ACCEPTED'])}`)).toEqual({
      sql: "state in ('OPEN', 'ACCEPTED')",
      params: [],
    });
  });

  it('doubles a quote inside a value', () => {
    expect(render(sql`x in ${sqlList(["it's"])}`).sql).toBe("x in ('it''s')");
  });
});
