import type { ConversationSubjectKind } from '@keskusvaraamo/shared';
import type { conversations, messages } from './tables.js';

/** A thread as the API shows it; `id` is null for a subject nobody has written about yet. */
export function presentConversation(
  row: typeof conversations.$inferSelect | null,
  subject: { kind: ConversationSubjectKind; id: string; title: string },
) {
  return {
    id: row?.id ?? null,
    subjectKind: subject.kind,
    subjectId: subject.id,
    title: subject.title,
    createdAt: row?.createdAt.toISOString() ?? null,
    lastMessageAt: row?.lastMessageAt.toISOString() ?? null,
  };
}
export type ConversationDto = ReturnType<typeof presentConversation>;

export function presentMessage(row: typeof messages.$inferSelect) {
  return {
    id: row.id,
    conversationId: row.conversationId,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
export type MessageDto = ReturnType<typeof presentMessage>;
