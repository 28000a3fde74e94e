import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditEvents, dataAccessEvents } from './tables.js';

/** Deletes log rows past their retention period (months). Idempotent; safe from every instance. */
export async function deleteExpiredLogRows(db: Database, months: { dataAccessLog: number; auditLog: number }) {
  const views = await db
    .delete(dataAccessEvents)
    .where(lt(dataAccessEvents.at, sql`now() - make_interval(months => ${months.dataAccessLog}::int)`))
    .returning({ id: dataAccessEvents.id });
  const audit = await db
    .delete(auditEvents)
    .where(lt(auditEvents.at, sql`now() - make_interval(months => ${months.auditLog}::int)`))
    .returning({ id: auditEvents.id });
  return { dataAccessEvents: views.length, auditEvents: audit.length };
}
