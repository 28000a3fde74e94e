import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';

/**
 * The e-mail outbox: a message is written here (template, language, parameters) in the same
 * transaction as the change that causes it, and the delivery worker renders and sends it later.
 * Nothing is sent from inside a request.
 *
 * A worker claims a message by setting `locked_until` (a lease), sends it, then sets `sent_at`.
 * A worker that dies mid-send leaves the lease to run out, and the message is tried again: none is
 * lost. Each message carries its outbox id as its Message-ID, so a retry after a crash between the
 * SMTP server's acceptance and `sent_at` is recognisable as the same message.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    /** The recipient's account, when there is one: the unsubscribe link names it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** Filled when the message is rendered for sending (the development mailbox shows them). */
    subject: text('subject'),
    textBody: text('text_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set after the last retry failed; the message is not tried again. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** smtp or mailbox (the development mailbox, when no SMTP server is configured). */
    transport: text('transport'),
  },
  (t) => [
    index('email_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index('email_outbox_sent_idx')
      .on(t.sentAt)
      .where(sql`${t.sentAt} is not null`),
  ],
);
