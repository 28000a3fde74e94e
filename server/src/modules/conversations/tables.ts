import { CONVERSATION_SUBJECT_KINDS, MESSAGE_MAX } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../../db/sqlList.js';
import { users } from '../accounts/tables.js';

/**
 * One thread per subject (an application, a booking, a proposal), made when its first message is
 * written. The subject is named by kind and id, without a foreign key, so a new kind of subject is
 * a new value in CONVERSATION_SUBJECT_KINDS and its CHECK, nothing more.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind', { enum: CONVERSATION_SUBJECT_KINDS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('conversations_subject_kind_known', sql`${t.subjectKind} in ${sqlList(CONVERSATION_SUBJECT_KINDS)}`),
    uniqueIndex('conversations_subject_unique').on(t.subjectKind, t.subjectId),
    index('conversations_last_message_idx').on(t.lastMessageAt, t.id),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null once the author's account is deleted; the message stays for the other party. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('messages_body_length', sql`char_length(${t.body}) between 1 and ${sql.raw(String(MESSAGE_MAX))}`),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt, t.id),
    index('messages_author_idx').on(t.authorId),
  ],
);

/** How far each person has read each thread: messages after `last_read_at` are unread. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_reads_user_idx').on(t.userId)],
);
