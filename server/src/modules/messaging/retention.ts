/**
 * How long sent e-mail is kept. The outbox holds what was sent to whom (the rendered subject and
 * text, with their links); once delivered it is needed only a while, to answer "did it go?".
 */
import { lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailOutbox } from './tables.js';

/**
 * Deletes messages sent more than `days` ago, and those that failed for good as long ago (nothing
 * will send them). Waiting messages are never touched. Idempotent, safe from every instance.
 * Returns how many were deleted.
 */
export async function deleteSentMail(db: Database, days: number): Promise<number> {
  const cutoff = sql`now() - make_interval(days => ${days}::int)`;
  const deleted = await db
    .delete(emailOutbox)
    .where(or(lt(emailOutbox.sentAt, cutoff), lt(emailOutbox.failedAt, cutoff)))
    .returning({ id: emailOutbox.id });
  return deleted.length;
}
