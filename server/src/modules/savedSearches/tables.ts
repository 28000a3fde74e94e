import { SAVED_SEARCH_ALERTS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../../db/sqlList.js';
import { users } from '../accounts/tables.js';
import type { SearchFilter } from '../search/index.js';

/**
 * A search someone saved. The alert job runs it again when it is due (IMMEDIATE every minute,
 * DAILY and WEEKLY into the digest) for what was published since `checked_at`.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<SearchFilter>().notNull(),
    /** The search page's address with this filter, for links back to it. */
    path: text('path').notNull(),
    alert: text('alert', { enum: SAVED_SEARCH_ALERTS }).notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('saved_searches_alert_known', sql`${t.alert} in ${sqlList(SAVED_SEARCH_ALERTS)}`),
    index('saved_searches_user_idx').on(t.userId, t.createdAt),
    index('saved_searches_due_idx')
      .on(t.checkedAt)
      .where(sql`${t.alert} <> 'NONE'`),
  ],
);
