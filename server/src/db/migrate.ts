import { join } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { REPO_ROOT } from '../config.js';
import type { Database, DatabaseHandle } from './client.js';

export const MIGRATIONS_FOLDER = join(REPO_ROOT, 'migrations');

/** Applies the SQL migrations in `migrations/` that the database has not seen yet. */
export async function migrate(handle: DatabaseHandle, db: Database = handle.db): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, options);
  else await migratePg(db as unknown as NodePgDatabase, options);
}
