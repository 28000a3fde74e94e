import { sql, type SQL } from 'drizzle-orm';

/**
 * A closed set of values as an SQL list of literals, `('A', 'B')`: the CHECK constraints of columns
 * holding a shared enum are built from its `as const` list. Literals rather than parameters, because
 * a constraint's definition holds none, and drizzle-kit compares its text with the migrations'.
 */
export function sqlList(values: readonly string[]): SQL {
  return sql.raw(`(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`);
}
