import { BOOKING_STATES } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { needs } from '../needs/tables.js';
import { courseSessions } from '../offers/tables.js';

export const bookingState = pgEnum('booking_state', BOOKING_STATES);

/**
 * A booking of seats on a session. CONFIRMED and OFFERED bookings hold seats (counted in
 * course_sessions.seats_taken, which a CHECK keeps within capacity); WAITLISTED ones wait in
 * `queue_number` order, which is the order they arrived in.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A session with bookings, even cancelled ones, is kept (cancelled), never deleted.
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'restrict' }),
    bookedBy: uuid('booked_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: bookingState('state').notNull(),
    /**
     * The COURSE need this booking answers, when its poster (or a colleague) booked the course for
     * it: a match made, for the cluster's report.
     */
    needId: uuid('need_id').references(() => needs.id, { onDelete: 'set null' }),
    seats: integer('seats').notNull(),
    queueNumber: bigserial('queue_number', { mode: 'number' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /**
     * A hash of what was asked (the session and the participants): the same key sent with another
     * request is an error, not the first booking. Null for bookings made before it was kept.
     */
    requestHash: text('request_hash'),
    offeredUntil: timestamp('offered_until', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bookings_seats_positive', sql`${t.seats} > 0`),
    check('bookings_offer_has_window', sql`${t.state} <> 'OFFERED' or ${t.offeredUntil} is not null`),
    check(
      'bookings_cancel_has_reason',
      sql`${t.state} <> 'CANCELLED' or (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
    // A repeated request with the same key finds the first booking instead of making a second.
    uniqueIndex('bookings_idempotency_unique').on(t.bookedBy, t.idempotencyKey),
    index('bookings_session_queue_idx').on(t.sessionId, t.state, t.queueNumber),
    index('bookings_booked_by_idx').on(t.bookedBy, t.createdAt),
    index('bookings_offered_until_idx')
      .on(t.offeredUntil)
      .where(sql`${t.state} = 'OFFERED'`),
  ],
);

export const participants = pgTable(
  'booking_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Marked by the educator: true attended, false did not, null not marked. */
    attended: boolean('attended'),
    /** When name and e-mail were removed (PARTICIPANT_RETENTION_MONTHS after the session, or erasure). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('booking_participants_position_unique').on(t.bookingId, t.position)],
);

/** A personal calendar feed: the URL carries a secret token, stored only as its hash. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId)],
);
