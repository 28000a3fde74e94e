import { PROPOSAL_ANSWERS, PROPOSAL_ORIGINS, PROPOSAL_STATES, PROPOSAL_TARGET_KINDS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sqlList } from '../../db/sqlList.js';
import { users } from '../accounts/tables.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';

/**
 * A proposed match between a need and an offer, a session or a student, with a note. Made by a
 * coordinator (brokering), by an educator answering a COURSE need, or by an educator answering a
 * demand pool (one proposal per need in it). Each side answers; when both have accepted it is
 * ACCEPTED and recorded in `matches`. The side that proposed (an educator for their own course)
 * has accepted by proposing.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Proposals and matches are the cluster's record: what they refer to cannot be deleted under
    // them (a need is closed, an offer archived, a session cancelled instead).
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'restrict' }),
    targetKind: text('target_kind', { enum: PROPOSAL_TARGET_KINDS }).notNull(),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'restrict' }),
    sessionId: uuid('session_id').references(() => courseSessions.id, { onDelete: 'restrict' }),
    studentId: uuid('student_id').references(() => users.id, { onDelete: 'restrict' }),
    origin: text('origin', { enum: PROPOSAL_ORIGINS }).notNull(),
    /** The demand pool answered, for proposals made by answering one. */
    poolKey: text('pool_key'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    note: text('note').notNull(),
    state: text('state', { enum: PROPOSAL_STATES }).notNull().default('OPEN'),
    needAnswer: text('need_answer', { enum: PROPOSAL_ANSWERS }),
    needAnsweredBy: uuid('need_answered_by').references(() => users.id, { onDelete: 'set null' }),
    needAnsweredAt: timestamp('need_answered_at', { withTimezone: true }),
    targetAnswer: text('target_answer', { enum: PROPOSAL_ANSWERS }),
    targetAnsweredBy: uuid('target_answered_by').references(() => users.id, { onDelete: 'set null' }),
    targetAnsweredAt: timestamp('target_answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('proposals_target_kind_known', sql`${t.targetKind} in ${sqlList(PROPOSAL_TARGET_KINDS)}`),
    check('proposals_state_known', sql`${t.state} in ${sqlList(PROPOSAL_STATES)}`),
    check('proposals_origin_known', sql`${t.origin} in ${sqlList(PROPOSAL_ORIGINS)}`),
    check(
      'proposals_one_target',
      sql`(${t.targetKind} = 'OFFER' and ${t.offerId} is not null and ${t.sessionId} is null and ${t.studentId} is null)
       or (${t.targetKind} = 'SESSION' and ${t.sessionId} is not null and ${t.offerId} is not null and ${t.studentId} is null)
       or (${t.targetKind} = 'STUDENT' and ${t.studentId} is not null and ${t.offerId} is null and ${t.sessionId} is null)`,
    ),
    check('proposals_note_length', sql`char_length(${t.note}) <= 2000`),
    check('proposals_decided', sql`${t.state} = 'OPEN' or ${t.decidedAt} is not null`),
    // One open proposal per pair: proposing the same match twice finds the first.
    uniqueIndex('proposals_open_pair_unique')
      .on(t.needId, t.targetKind, sql`coalesce(${t.sessionId}, ${t.offerId}, ${t.studentId})`)
      .where(sql`${t.state} = 'OPEN'`),
    index('proposals_need_idx').on(t.needId, t.createdAt),
    index('proposals_offer_idx').on(t.offerId),
    index('proposals_student_idx').on(t.studentId),
    index('proposals_open_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'OPEN'`),
  ],
);

/** A match made: an accepted proposal, with the time from the need's publication to the match. */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'restrict' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .unique()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull().defaultNow(),
    /** Minutes from the need's publication to this match (the first one is the figure the cluster reports). */
    minutesToMatch: integer('minutes_to_match').notNull(),
  },
  (t) => [index('matches_need_idx').on(t.needId, t.matchedAt), index('matches_matched_at_idx').on(t.matchedAt)],
);
