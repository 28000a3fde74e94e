import { BILLING_LIMITS, BOOKING_STATES, INVOICE_METHODS, SESSION_MESSAGE_MAX } from '@keskusvaraamo/shared';
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
import { organisations } from '../organisations/tables.js';

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

export const invoiceMethod = pgEnum('invoice_method', INVOICE_METHODS);

const L = BILLING_LIMITS;

/**
 * Who is invoiced for a booking of a paid session made on behalf of an organisation (see shared's
 * `billingRequired`), written in the booking's transaction. `unitPriceCents` is the session's price
 * (incl. VAT) when booked, so a later price change does not change what was agreed. The invoice
 * e-mail and the reference may be the booker's personal data: erasing the booker clears them
 * (`anonymisedAt`).
 */
export const bookingBilling = pgTable(
  'booking_billing',
  {
    bookingId: uuid('booking_id')
      .primaryKey()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    /** One of the booker's organisations when chosen from them; null for a typed name. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name').notNull(),
    businessId: text('business_id').notNull(),
    invoiceMethod: invoiceMethod('invoice_method').notNull(),
    eInvoiceAddress: text('e_invoice_address'),
    eInvoiceOperator: text('e_invoice_operator'),
    invoiceEmail: text('invoice_email'),
    reference: text('reference'),
    unitPriceCents: integer('unit_price_cents').notNull(),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'booking_billing_method_fields',
      sql`(${t.invoiceMethod} = 'E_INVOICE' and ${t.eInvoiceAddress} is not null and ${t.eInvoiceOperator} is not null and ${t.invoiceEmail} is null)
        or (${t.invoiceMethod} = 'EMAIL' and ${t.eInvoiceAddress} is null and ${t.eInvoiceOperator} is null
          and (${t.invoiceEmail} is not null or ${t.anonymisedAt} is not null))`,
    ),
    check(
      'booking_billing_lengths',
      sql`char_length(${t.organisationName}) between 1 and ${sql.raw(String(L.organisationName))}
        and ${t.businessId} ~ '^[0-9]{7}-[0-9]$'
        and coalesce(char_length(${t.eInvoiceAddress}), 0) <= ${sql.raw(String(L.eInvoiceAddress))}
        and coalesce(char_length(${t.eInvoiceOperator}), 0) <= ${sql.raw(String(L.eInvoiceOperator))}
        and coalesce(char_length(${t.invoiceEmail}), 0) <= ${sql.raw(String(L.invoiceEmail))}
        and coalesce(char_length(${t.reference}), 0) <= ${sql.raw(String(L.reference))}`,
    ),
    check('booking_billing_price', sql`${t.unitPriceCents} >= 0`),
    index('booking_billing_organisation_idx').on(t.organisationId),
  ],
);

/**
 * An organisation's billing details as last given by one of its members when booking on its
 * behalf: the next booking for it starts from them (editable). Cleared of the invoice e-mail and
 * reference when the member who saved them is erased.
 */
export const organisationBillingDetails = pgTable(
  'organisation_billing_details',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    organisationName: text('organisation_name').notNull(),
    businessId: text('business_id').notNull(),
    invoiceMethod: invoiceMethod('invoice_method').notNull(),
    eInvoiceAddress: text('e_invoice_address'),
    eInvoiceOperator: text('e_invoice_operator'),
    invoiceEmail: text('invoice_email'),
    reference: text('reference'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'organisation_billing_details_lengths',
      sql`char_length(${t.organisationName}) between 1 and ${sql.raw(String(L.organisationName))}
        and ${t.businessId} ~ '^[0-9]{7}-[0-9]$'
        and coalesce(char_length(${t.eInvoiceAddress}), 0) <= ${sql.raw(String(L.eInvoiceAddress))}
        and coalesce(char_length(${t.eInvoiceOperator}), 0) <= ${sql.raw(String(L.eInvoiceOperator))}
        and coalesce(char_length(${t.invoiceEmail}), 0) <= ${sql.raw(String(L.invoiceEmail))}
        and coalesce(char_length(${t.reference}), 0) <= ${sql.raw(String(L.reference))}`,
    ),
    index('organisation_billing_details_updated_by_idx').on(t.updatedBy),
  ],
);

/**
 * An organiser's message to everyone booked on a session (`messageSessionParticipants`): kept so
 * that the session's organisers see what was sent, by whom and to how many, and to count the day's
 * messages against SESSION_MESSAGES_PER_DAY. The text is the organisation's notice to its
 * participants: erasing its author nulls `author_id` and keeps the text (privacy/erasure.ts).
 */
export const sessionMessages = pgTable(
  'session_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => courseSessions.id, { onDelete: 'cascade' }),
    /** Who wrote it; null once their account is erased. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** How many people it was sent to: bookers and named participants, each once. */
    recipientCount: integer('recipient_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'session_messages_body_length',
      sql`char_length(${t.body}) between 1 and ${sql.raw(String(SESSION_MESSAGE_MAX))}`,
    ),
    check('session_messages_recipients', sql`${t.recipientCount} >= 0`),
    index('session_messages_session_idx').on(t.sessionId, t.createdAt),
    index('session_messages_author_idx').on(t.authorId),
  ],
);
