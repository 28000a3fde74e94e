/**
 * Anonymous facts the cluster's report is computed from, recorded by the database as things happen
 * (triggers in migrations/0011_report_facts.sql, one per source table). They hold no person's id,
 * name or text and have no foreign keys: deleting or anonymising a person, a booking or an
 * application later leaves them, and so every past period's figures, as they were. Only the
 * triggers write them; the reports module reads them.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per need that was ever published: its kind, place and the moments of its life. */
export const reportNeeds = pgTable(
  'report_needs',
  {
    needId: uuid('need_id').primaryKey(),
    kind: text('kind').notNull(),
    /** The company it was posted for (organisations are not people); null for a person without one. */
    organisationId: uuid('organisation_id'),
    municipalityCode: text('municipality_code'),
    remote: boolean('remote').notNull(),
    positions: integer('positions').notNull(),
    /** The need's state now; with `ended_at`, its state at any moment since publication. */
    state: text('state').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    firstMatchAt: timestamp('first_match_at', { withTimezone: true }),
    filledAt: timestamp('filled_at', { withTimezone: true }),
    /** When it left OPEN for FILLED, CLOSED or EXPIRED; null while open. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('report_needs_published_idx').on(t.publishedAt),
    index('report_needs_first_match_idx').on(t.firstMatchAt),
    index('report_needs_filled_idx').on(t.filledAt),
  ],
);

/** One row per match made: the source (a proposal, an application or a booking) is its id. */
export const reportMatches = pgTable(
  'report_matches',
  {
    sourceId: uuid('source_id').primaryKey(),
    how: text('how').notNull(),
    needId: uuid('need_id').notNull(),
    needKind: text('need_kind').notNull(),
    /** The need's company; null when posted by a person without one. */
    companyId: uuid('company_id'),
    /** The educational organisation on the other side (course, session or pool), if any. */
    educatorOrganisationId: uuid('educator_organisation_id'),
    /** A student placed (application accepted, student proposal accepted): counts as one placement. */
    placement: boolean('placement').notNull(),
    municipalityCode: text('municipality_code'),
    matchedAt: timestamp('matched_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('report_matches_matched_idx').on(t.matchedAt)],
);

/**
 * One row per booking that was ever confirmed: seats, how many of its participants were marked
 * present, the company the booker acted for, and its session's time, place and organiser (copied,
 * and kept in step when the session moves, so that a period's bookings are one range scan).
 */
export const reportBookings = pgTable(
  'report_bookings',
  {
    bookingId: uuid('booking_id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    /** The company the booker acted for: the need's, or the booker's own company when they booked. */
    companyId: uuid('company_id'),
    /** The booking's state now: CONFIRMED counts; CANCELLED does not (a cancelled session cancels its bookings). */
    state: text('state').notNull(),
    seats: integer('seats').notNull(),
    participants: integer('participants').notNull().default(0),
    /** Participants marked either way: the session's attendance was taken. */
    marked: integer('marked').notNull().default(0),
    attended: integer('attended').notNull().default(0),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }).notNull(),
    sessionEndsAt: timestamp('session_ends_at', { withTimezone: true }).notNull(),
    /** The session's municipality; null online. */
    municipalityCode: text('municipality_code'),
    educatorOrganisationId: uuid('educator_organisation_id').notNull(),
    educatorKind: text('educator_kind').notNull(),
  },
  (t) => [
    index('report_bookings_session_idx').on(t.sessionId),
    index('report_bookings_starts_idx')
      .on(t.sessionStartsAt)
      .where(sql`${t.state} = 'CONFIRMED'`),
  ],
);
