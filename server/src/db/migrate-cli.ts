/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const handle = await openDatabase(config.database);
try {
  await handle.withExclusiveLock((db) => migrate(handle, db));
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
