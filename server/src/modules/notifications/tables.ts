import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';

/**
 * How a person wants one type of notification: in the app only, by e-mail at once, in the daily
 * digest, or not at all. Every notification shows in the app unless it is OFF.
 */
export const DELIVERY_CHANNELS = ['APP', 'EMAIL', 'DIGEST', 'OFF'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

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
    channel: text('channel', { enum: ['APP', 'EMAIL', 'DIGEST'] })
      .notNull()
      .default('APP'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    digestedAt: timestamp('digested_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_channel_known', sql`${t.channel} in ('APP', 'EMAIL', 'DIGEST')`),
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
    check('notification_preferences_channel_known', sql`${t.channel} in ('APP', 'EMAIL', 'DIGEST', 'OFF')`),
  ],
);
