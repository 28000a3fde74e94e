/**
 * Conversation use cases that change state. The thread is made by its first message; posting
 * notifies everyone else in the thread in the same transaction; `conversation_reads` keeps how far
 * each person has read.
 */
import { messageSchema, type ConversationSubjectKind } from '@keskusvaraamo/shared';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { getUser, lockLiveAccount, usersByIds } from '../accounts/index.js';
import { notify } from '../messaging/index.js';
import { conversationPolicy as policy } from './policy.js';
import { presentConversation, presentMessage, type ConversationDto, type MessageDto } from './presenter.js';
import { loadConversation, noSuchConversation, readableSubject, subjectOf } from './subjects.js';
import { conversationReads, conversations, messages } from './tables.js';

const EXCERPT_LENGTH = 200;

/** Moves a reader's mark forward (never back). */
async function markReadUpTo(db: Database, conversationId: string, userId: string, upTo: SQL | Date) {
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadAt: upTo })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { lastReadAt: sql`greatest(${conversationReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * Writes a message in the subject's thread, making the thread if this is the first, and notifies
 * everyone else in it: the subject's parties, and coordinators who have written in it.
 */
export async function sendMessage(
  deps: Deps,
  viewer: Viewer | null,
  kind: ConversationSubjectKind,
  subjectId: string,
  input: unknown,
): Promise<MessageDto> {
  if (!viewer) throw unauthenticated();
  const { body } = parseInput(messageSchema, input);
  const id = assertId(subjectId, 'No such conversation');
  const subject = await subjectOf(deps.db, kind, id);
  const party = subject.partyIds.includes(viewer.id);
  if (!policy.write(viewer, party)) throw policy.read(viewer, party) ? forbidden() : noSuchConversation();
  const authorName = viewer.displayName ?? (await getUser(deps, viewer.id))?.displayName ?? '';

  return deps.db.transaction(async (tx) => {
    // An author erased while this waited writes nothing (erasure holds the account row while it removes their messages).
    if (!(await lockLiveAccount(tx, viewer.id))) throw unauthenticated();
    // Two first messages at once: the unique subject makes them meet in one thread.
    const [conversation] = await tx
      .insert(conversations)
      .values({ subjectKind: kind, subjectId: id })
      .onConflictDoUpdate({
        target: [conversations.subjectKind, conversations.subjectId],
        set: { lastMessageAt: sql`now()` },
      })
      .returning();
    const [message] = await tx
      .insert(messages)
      .values({ conversationId: conversation!.id, authorId: viewer.id, body })
      .returning();
    // Writing is reading: the author has seen the thread up to their own message.
    await markReadUpTo(tx, conversation!.id, viewer.id, message!.createdAt);

    const recipients = new Set(subject.partyIds);
    const earlier = await tx
      .selectDistinct({ id: messages.authorId })
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id));
    const outsiders = earlier.flatMap((e) => (e.id && !recipients.has(e.id) ? [e.id] : []));
    for (const user of (await usersByIds({ ...deps, db: tx }, outsiders)).values()) {
      if (policy.readsAlong(user)) recipients.add(user.id);
    }
    recipients.delete(viewer.id);
    await notify(
      tx,
      [...recipients].map((userId) => ({
        userId,
        type: 'MESSAGE_RECEIVED' as const,
        data: {
          conversationId: conversation!.id,
          subjectKind: kind,
          subjectId: id,
          subject: subject.title,
          authorName,
          excerpt: body.slice(0, EXCERPT_LENGTH),
          path: `/conversations/${conversation!.id}`,
        },
      })),
    );
    return presentMessage(message!);
  });
}

/** Marks the thread read up to its newest message; returns the thread. */
export async function markConversationRead(deps: Deps, viewer: Viewer | null, id: string): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const row = await loadConversation(deps.db, id);
  const subject = await readableSubject(deps.db, viewer, row.subjectKind, row.subjectId);
  // Up to the newest message there is, not "now": one committed a moment later stays unread.
  const newest = sql`(select coalesce(max(${messages.createdAt}), now()) from ${messages} where ${messages.conversationId} = ${row.id})`;
  await markReadUpTo(deps.db, row.id, viewer.id, newest);
  return presentConversation(row, { kind: row.subjectKind, id: row.subjectId, title: subject.title });
}
