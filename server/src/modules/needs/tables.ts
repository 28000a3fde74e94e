import { NEED_KINDS, NEED_STATES, PAY_KINDS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studyLevel } from '../../db/enums.js';
import { users } from '../accounts/tables.js';
import { organisations } from '../organisations/tables.js';
import { topicMaskColumn, tsvector } from '../search/tables.js';

export const needKind = pgEnum('need_kind', NEED_KINDS);
export const needState = pgEnum('need_state', NEED_STATES);
// Exported with the tables for drizzle-kit (db/schema.ts), as it always was.
export { studyLevel };
export const payKind = pgEnum('pay_kind', PAY_KINDS);

export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: needKind('kind').notNull(),
    state: needState('state').notNull().default('DRAFT'),
    /** The company it is posted for; null when the poster has none yet. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    postedBy: uuid('posted_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').notNull(),
    topics: text('topics').array().notNull(),
    /** The topics as bits, for matching (see topicMaskColumn). */
    topicMask: topicMaskColumn(),
    /**
     * What a course's leads rank a COURSE need on for text (COURSE needs are not in the search
     * index), kept by PostgreSQL as the need changes: made per request, it took half the ranking.
     */
    matchDocument: tsvector('match_document').generatedAlwaysAs(
      sql`case when kind = 'COURSE' then to_tsvector('simple'::regconfig, title || ' ' || description) end`,
    ),
    municipalityCode: text('municipality_code'),
    remote: boolean('remote').notNull().default(false),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    positions: integer('positions').notNull(),
    payKind: payKind('pay_kind'),
    payAmountCents: integer('pay_amount_cents'),
    budgetCents: integer('budget_cents'),
    thesisLevel: studyLevel('thesis_level'),
    languages: text('languages').array().notNull(),
    applicationDeadline: date('application_deadline'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('needs_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('needs_positions_positive', sql`${t.positions} > 0`),
    check('needs_place_or_remote', sql`${t.remote} or ${t.municipalityCode} is not null`),
    check('needs_published_has_time', sql`${t.state} in ('DRAFT', 'CLOSED') or ${t.publishedAt} is not null`),
    index('needs_organisation_idx').on(t.organisationId),
    index('needs_posted_by_idx').on(t.postedBy),
    // The expiry job looks for open needs past their deadline.
    index('needs_open_deadline_idx')
      .on(t.applicationDeadline)
      .where(sql`${t.state} = 'OPEN'`),
    // A course's leads are the open COURSE needs sharing a topic with it, found through this (a
    // pool's, the placements, through the search index, where they are with their text).
    index('needs_open_course_topics_idx')
      .using('gin', t.topics)
      .where(sql`${t.state} = 'OPEN' and ${t.kind} = 'COURSE'`),
  ],
);
