import { DEFAULT_REMINDER_HOURS, NEED_KINDS, OFFER_KINDS, OFFER_STATES, REMINDER_HOURS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studyLevel } from '../../db/enums.js';
import { users } from '../accounts/tables.js';
import { organisations } from '../organisations/tables.js';

export const offerKind = pgEnum('offer_kind', OFFER_KINDS);
export const offerState = pgEnum('offer_state', OFFER_STATES);

export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: offerKind('kind').notNull(),
    state: offerState('state').notNull().default('DRAFT'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').notNull(),
    topics: text('topics').array().notNull(),
    municipalityCode: text('municipality_code'),
    online: boolean('online').notNull().default(false),
    languages: text('languages').array().notNull(),
    claimWindowHours: integer('claim_window_hours').notNull().default(24),
    /** Course: hours before a session that its people are reminded of it (REMINDER_HOURS; 0: none). */
    reminderHours: integer('reminder_hours').notNull().default(DEFAULT_REMINDER_HOURS),
    studentCount: integer('student_count'),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    placementKinds: text('placement_kinds', { enum: NEED_KINDS })
      .array()
      .notNull()
      .default(sql`'{}'`),
    studyLevel: studyLevel('study_level'),
    fieldOfStudy: text('field_of_study'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('offers_claim_window', sql`${t.claimWindowHours} between 1 and 168`),
    check('offers_reminder_hours', sql`${t.reminderHours} in ${sql.raw(`(${REMINDER_HOURS.join(', ')})`)}`),
    check('offers_pool_has_students', sql`${t.kind} <> 'STUDENT_POOL' or ${t.studentCount} > 0`),
    index('offers_organisation_idx').on(t.organisationId),
  ],
);

/** One run of a course. Times are instants; the web shows them in Europe/Helsinki. */
export const courseSessions = pgTable(
  'course_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
    place: text('place'),
    municipalityCode: text('municipality_code'),
    onlineUrl: text('online_url'),
    seats: integer('seats').notNull(),
    /** Seats held by bookings; the booking capability keeps it, the constraint keeps it honest. */
    seatsTaken: integer('seats_taken').notNull().default(0),
    priceCents: integer('price_cents').notNull(),
    language: text('language').notNull(),
    /**
     * Seats one booker may hold on the session (confirmed, offered and waitlisted together), so that
     * nobody books every seat with invented participants; a company books its team within it.
     */
    maxSeatsPerBooker: integer('max_seats_per_booker').notNull().default(10),
    /** Until when bookers may cancel and free their seats; null means until the start. */
    cancellationDeadline: timestamp('cancellation_deadline', { withTimezone: true }),
    /** The session runs only if this many seats are confirmed by `decision_at`. */
    minParticipants: integer('min_participants'),
    decisionAt: timestamp('decision_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /**
     * The iCalendar SEQUENCE of the session's events: bumped when its time, place or online link
     * changes and when it is cancelled, so that calendars holding the event move or remove it.
     */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('course_sessions_order', sql`${t.endsAt} > ${t.startsAt} and ${t.registrationDeadline} <= ${t.startsAt}`),
    check('course_sessions_seats', sql`${t.seats} > 0 and ${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.seats}`),
    check('course_sessions_price', sql`${t.priceCents} >= 0`),
    check('course_sessions_seats_per_booker', sql`${t.maxSeatsPerBooker} > 0`),
    check('course_sessions_calendar_sequence', sql`${t.calendarSequence} >= 0`),
    check(
      'course_sessions_minimum',
      sql`(${t.minParticipants} is null) = (${t.decisionAt} is null) and (${t.minParticipants} is null or ${t.minParticipants} between 1 and ${t.seats})`,
    ),
    index('course_sessions_decision_idx')
      .on(t.decisionAt)
      .where(sql`${t.cancelledAt} is null and ${t.minParticipants} is not null`),
    index('course_sessions_offer_idx').on(t.offerId, t.startsAt),
    // The cluster report reads the sessions of a period.
    index('course_sessions_starts_idx').on(t.startsAt),
  ],
);
