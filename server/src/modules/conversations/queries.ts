/** Reads of conversations: one thread, its messages, the viewer's threads and their unread messages. */
import type { ConversationSubjectKind } from '@keskusvaraamo/shared';
import { and, count, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset, type Connection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { conversationPolicy as policy } from './policy.js';
import { presentConversation, presentMessage, type ConversationDto, type MessageDto } from './presenter.js';
import { loadConversation, readableSubject, SUBJECT_KINDS, SUBJECTS } from './subjects.js';
import { conversationReads, conversations, messages } from './tables.js';

/** The thread about a subject, or an empty one (no id) before anyone has written. */
export async function getConversation(
  deps: Deps,
  viewer: Viewer | null,
  kind: ConversationSubjectKind,
  subjectId: string,
): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const id = assertId(subjectId, 'No such conversation');
  const subject = await readableSubject(deps.db, viewer, kind, id);
  const [row] = await deps.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.subjectKind, kind), eq(conversations.subjectId, id)));
  return presentConversation(row ?? null, { kind, id, title: subject.title });
}

export async function getConversationById(deps: Deps, viewer: Viewer | null, id: string): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const row = await loadConversation(deps.db, id);
  const subject = await readableSubject(deps.db, viewer, row.subjectKind, row.subjectId);
  return presentConversation(row, { kind: row.subjectKind, id: row.subjectId, title: subject.title });
}

/** A thread's messages, newest first; `after` pages back in time. The caller has checked the viewer may read it. */
export async function messagesOf(
  deps: Deps,
  conversation: ConversationDto,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<MessageDto>> {
  const page = keyset(args, [
    { column: messages.createdAt, type: 'timestamp', descending: true },
    { column: messages.id, type: 'uuid', descending: true },
  ]);
  if (!conversation.id) return page.connection([], 0, presentMessage);
  const inThread = eq(messages.conversationId, conversation.id);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ row: messages, cursor: page.cursor })
      .from(messages)
      .where(and(inThread, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(messages).where(inThread),
  ]);
  return page.connection(rows, total?.n ?? 0, (r) => presentMessage(r.row));
}

/** Unread: written by someone else after the reader's mark (or ever, without one). */
export function unreadBy(userId: string): SQL {
  return and(
    sql`${messages.authorId} is distinct from ${userId}`,
    or(isNull(conversationReads.lastReadAt), gt(messages.createdAt, conversationReads.lastReadAt)),
  )!;
}

/** The threads the viewer is in: as a party of the subject, or as a coordinator who has written there. */
function threadsOf(viewer: Viewer): SQL {
  const asParty = SUBJECT_KINDS.map(
    (kind) =>
      sql`(${conversations.subjectKind} = ${kind} and ${conversations.subjectId} in (${SUBJECTS[kind].idsOfParty(viewer.id)}))`,
  );
  // A coordinator who wrote in a thread reads along, as sendMessage notifies them.
  const asWriter = policy.readsAlong(viewer)
    ? sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.authorId} = ${viewer.id})`
    : undefined;
  return or(...asParty, asWriter)!;
}

/** The viewer's threads, the most recently active first, with their subjects' titles. */
export async function myConversations(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<ConversationDto>> {
  if (!viewer) throw unauthenticated();
  const page = keyset(args, [
    { column: conversations.lastMessageAt, type: 'timestamp', descending: true },
    { column: conversations.id, type: 'uuid', descending: true },
  ]);
  const mine = threadsOf(viewer);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ row: conversations, cursor: page.cursor })
      .from(conversations)
      .where(and(mine, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(conversations).where(mine),
  ]);
  const titles = new Map<string, string>();
  for (const kind of SUBJECT_KINDS) {
    const ids = rows.filter((r) => r.row.subjectKind === kind).map((r) => r.row.subjectId);
    if (!ids.length) continue;
    for (const [id, subject] of await SUBJECTS[kind].load(deps.db, ids)) titles.set(`${kind}:${id}`, subject.title);
  }
  return page.connection(rows, total?.n ?? 0, ({ row }) =>
    presentConversation(row, {
      kind: row.subjectKind,
      id: row.subjectId,
      title: titles.get(`${row.subjectKind}:${row.subjectId}`) ?? '',
    }),
  );
}

/** Unread messages in all the viewer's threads. */
export async function unreadMessageCount(deps: Deps, viewer: Viewer | null): Promise<number> {
  if (!viewer) throw unauthenticated();
  const [row] = await deps.db
    .select({ n: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, viewer.id)),
    )
    .where(and(threadsOf(viewer), unreadBy(viewer.id)));
  return row?.n ?? 0;
}
