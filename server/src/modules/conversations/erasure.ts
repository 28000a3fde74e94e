/**
 * Conversations' part of erasing a person: the text of every message they wrote becomes
 * ERASED_TEXT (the message stays in its thread, so the other party's replies still read in order)
 * and their read marks are deleted.
 */
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conversationReads, messages } from './tables.js';

/** Messages the person wrote whose text is still there (for the erasure preview). */
export async function messagesToEraseOf(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.authorId, userId), ne(messages.body, ERASED_TEXT)));
  return row?.n ?? 0;
}

/** Removes the text of the person's messages and their read marks (idempotent); returns the messages changed. */
export async function eraseMessagesOf(db: Database, userId: string): Promise<number> {
  const changed = await db
    .update(messages)
    .set({ body: ERASED_TEXT })
    .where(and(eq(messages.authorId, userId), ne(messages.body, ERASED_TEXT)))
    .returning({ id: messages.id });
  await db.delete(conversationReads).where(eq(conversationReads.userId, userId));
  return changed.length;
}

/** The threads the person wrote in (privacy asks messaging to remove their name from those threads' notifications). */
export async function conversationIdsAuthoredBy(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: messages.conversationId })
    .from(messages)
    .where(eq(messages.authorId, userId));
  return rows.map((r) => r.id);
}
