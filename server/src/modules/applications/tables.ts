import { APPLICATION_STATES, COVER_LETTER_MAX, REJECT_REASON_MAX } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { needs } from '../needs/tables.js';
import { studentProfiles } from '../profiles/tables.js';

export const applicationState = pgEnum('application_state', APPLICATION_STATES);

/**
 * A student's application to a placement. One per student and need, whatever its state: the
 * unique index makes a second one impossible even when two requests race.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The student's profile when they applied, if they had one (it is shown as it is now). */
    profileUserId: uuid('profile_user_id').references(() => studentProfiles.userId, { onDelete: 'set null' }),
    /**
     * The student's letter; empty for an application made by a match (`proposalId`), where both sides
     * accepted a coordinator's proposal instead.
     */
    coverLetter: text('cover_letter').notNull(),
    /**
     * The proposal whose acceptance by both sides made this application, when a match made it (the
     * student did not apply themselves). No foreign key: proposals depend on applications, not the
     * other way round, and a proposal is never deleted.
     */
    proposalId: uuid('proposal_id'),
    state: applicationState('state').notNull().default('SUBMITTED'),
    rejectReason: text('reject_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the letter and reject reason were removed: by the retention job (rejected or withdrawn
     * APPLICATION_RETENTION_MONTHS ago) or by the student's erasure. The state stays for the figures.
     */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'applications_cover_letter_length',
      sql`char_length(${t.coverLetter}) between 1 and ${sql.raw(String(COVER_LETTER_MAX))}
        or (${t.proposalId} is not null and ${t.coverLetter} = '')`,
    ),
    check(
      'applications_reject_reason',
      sql`${t.rejectReason} is null or (${t.state} = 'REJECTED' and char_length(${t.rejectReason}) <= ${sql.raw(String(REJECT_REASON_MAX))})`,
    ),
    uniqueIndex('applications_one_per_student').on(t.needId, t.studentId),
    index('applications_student_idx').on(t.studentId, t.createdAt),
    index('applications_need_state_idx').on(t.needId, t.state),
    index('applications_retention_idx')
      .on(t.updatedAt)
      .where(sql`${t.state} in ('REJECTED', 'WITHDRAWN') and ${t.anonymisedAt} is null`),
  ],
);

/**
 * Every change of an application's state, for the student's timeline: the submission (no `from`),
 * then each transition. `actor_id` is who did it; null when the system did (the need was filled).
 */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromState: applicationState('from_state'),
    toState: applicationState('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);
