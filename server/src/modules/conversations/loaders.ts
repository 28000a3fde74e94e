/** Fields of conversations and messages the caller may already see, for the GraphQL loaders: one query per field and list. */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import { presentMessage, type ConversationDto, type MessageDto } from './presenter.js';
import { unreadBy } from './queries.js';
import { conversationReads, messages } from './tables.js';

/** The newest message of each thread, in one query. */
export async function lastMessagesOf(deps: Deps, list: ConversationDto[]): Promise<(MessageDto | null)[]> {
  const ids = list.flatMap((c) => (c.id ? [c.id] : []));
  const rows = ids.length
    ? await deps.db
        .selectDistinctOn([messages.conversationId])
        .from(messages)
        .where(inArray(messages.conversationId, ids))
        .orderBy(messages.conversationId, desc(messages.createdAt), desc(messages.id))
    : [];
  return list.map((c) => {
    const row = rows.find((r) => r.conversationId === c.id);
    return row ? presentMessage(row) : null;
  });
}

/** The viewer's unread messages in each thread, in one query. */
export async function unreadCountsOf(deps: Deps, viewer: Viewer | null, list: ConversationDto[]): Promise<number[]> {
  const ids = list.flatMap((c) => (c.id ? [c.id] : []));
  if (!viewer || ids.length === 0) return list.map(() => 0);
  const rows = await deps.db
    .select({ conversationId: messages.conversationId, n: count() })
    .from(messages)
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.conversationId, messages.conversationId), eq(conversationReads.userId, viewer.id)),
    )
    .where(and(inArray(messages.conversationId, ids), unreadBy(viewer.id)))
    .groupBy(messages.conversationId);
  return list.map((c) => rows.find((r) => r.conversationId === c.id)?.n ?? 0);
}

/** Whether each message is the viewer's own. */
export const isMine = (viewer: Viewer | null, message: MessageDto) => !!viewer && message.authorId === viewer.id;

/** Authors' names, null where the account is gone. */
export async function authorNamesOf(deps: Deps, list: MessageDto[]): Promise<(string | null)[]> {
  const people = await usersByIds(
    deps,
    list.flatMap((m) => (m.authorId ? [m.authorId] : [])),
  );
  return list.map((m) => (m.authorId ? (people.get(m.authorId)?.displayName ?? null) : null));
}
