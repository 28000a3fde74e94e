/**
 * Reminders are sent once across instances: the job in every instance claims a reminder by
 * inserting its row in `reminders_sent` inside the transaction that queues its notices. The row's
 * primary key (kind, subject, due instant) lets one transaction in; another instance's insert waits
 * for it and then finds the row, and a rolled-back claim leaves the reminder to the next run.
 */
import { eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { remindersSent, type ReminderKind } from './tables.js';

/** Claims the reminder; false when another transaction has sent it (or is sending it). */
export async function claimReminder(
  db: Database,
  kind: ReminderKind,
  subjectId: string,
  dueAt: Date,
): Promise<boolean> {
  const rows = await db
    .insert(remindersSent)
    .values({ kind, subjectId, dueAt })
    .onConflictDoNothing()
    .returning({ kind: remindersSent.kind });
  return rows.length === 1;
}

/**
 * A condition for a query's rows: the reminder of `kind` about `subject` due at `dueAt` (SQL
 * expressions of the query) has not been sent. A job's query uses it to skip what is done.
 */
export function notReminded(kind: ReminderKind, subject: SQL, dueAt: SQL): SQL {
  return sql`not exists (select 1 from ${remindersSent} r
    where r.kind = ${kind} and r.subject_id = ${subject} and r.due_at = ${dueAt})`;
}

/** How long the log of sent reminders is kept after what they were about. */
export const REMINDER_LOG_DAYS = 30;

/** Forgets reminders about what is more than REMINDER_LOG_DAYS past. Idempotent. */
export async function forgetOldReminders(db: Database): Promise<number> {
  const rows = await db
    .delete(remindersSent)
    .where(lt(remindersSent.dueAt, sql`now() - make_interval(days => ${REMINDER_LOG_DAYS})`))
    .returning({ kind: remindersSent.kind });
  return rows.length;
}

/** Forgets the reminders about a person (their weekly summaries), on their erasure. */
export async function forgetRemindersOf(db: Database, subjectId: string): Promise<void> {
  await db.delete(remindersSent).where(eq(remindersSent.subjectId, subjectId));
}
