import { DELIVERY_CHANNELS, NOTIFICATION_CHANNELS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../../db/sqlList.js';
import { users } from '../accounts/tables.js';

/**
 * What happened that a person should know of. Written in the same transaction as the change;
 * `channel` records how it is delivered beyond the app (decided from the person's preference when
 * it was written), `digested_at` when a digest e-mail carried it. A trigger announces every new row
 * on the channel `kv_notifications` (LISTEN/NOTIFY), which is how every server instance learns of it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull().default('APP'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_channel_known', sql`${t.channel} in ${sqlList(NOTIFICATION_CHANNELS)}`),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_digest_due_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.channel} = 'DIGEST' and ${t.digestedAt} is null`),
  ],
);

/** A person's choice per notification type; without a row the type's default applies. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.type] }),
    check('notification_preferences_channel_known', sql`${t.channel} in ${sqlList(DELIVERY_CHANNELS)}`),
  ],
);

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

/** What a reminder is about: a booked session, a held seat about to lapse, a coordinator's week. */
export const REMINDER_KINDS = ['SESSION', 'OFFER_EXPIRING', 'WEEKLY_SUMMARY'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * The reminders sent, one row per reminder: `subject_id` is what it is about (a booking, or the
 * coordinator for the weekly summary) and `due_at` the instant it is about (the session's start,
 * the seat's lapse, the week's summary time), so that a moved session is reminded of again. The
 * job in every instance claims a reminder by inserting its row in the transaction that queues it;
 * the primary key lets only one instance do so. Rows are kept for REMINDER_LOG_DAYS after `due_at`.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subjectId, t.dueAt] }),
    check('reminders_sent_kind_known', sql`${t.kind} in ${sqlList(REMINDER_KINDS)}`),
    index('reminders_sent_due_idx').on(t.dueAt),
  ],
);
