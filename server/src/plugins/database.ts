import fp from 'fastify-plugin';
import type { Database, DatabaseHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedDemoData } from '../seed/demo.js';
import { assertNoPublishedDemoPasswords } from '../seed/guard.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    database: DatabaseHandle;
  }
}

/**
 * Holds the database for the app's lifetime: applies pending migrations and, on an empty
 * database, the demo data — under a lock, so that instances starting together do it once. In
 * production it refuses to start while a demo account still has the published password.
 */
export default fp(
  async (app, opts: { handle: DatabaseHandle; seed: boolean }) => {
    const { handle } = opts;
    await handle.withExclusiveLock(async (db) => {
      await migrate(handle, db);
      if (opts.seed) {
        const seeded = await seedDemoData(db);
        if (seeded) app.log.info(seeded, 'Demo data seeded into the empty database');
      }
    });
    if (app.config.production) await assertNoPublishedDemoPasswords(handle.db);
    app.decorate('database', handle);
    app.decorate('db', handle.db);
    app.addHook('onClose', () => handle.close());
  },
  { name: 'database' },
);
