import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LOCALES, USER_ROLES } from '@keskusvaraamo/shared';
import { sqlList } from '../../db/sqlList.js';

export const userRole = pgEnum('user_role', USER_ROLES);
export const emailTokenPurpose = pgEnum('email_token_purpose', ['VERIFY_EMAIL', 'RESET_PASSWORD']);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lower-case and trimmed. */
    email: text('email').notNull().unique(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    roles: userRole('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    locale: text('locale', { enum: LOCALES }).notNull().default('fi'),
    /** Bumped by "sign out everywhere" and password changes: older access tokens stop working. */
    tokenVersion: integer('token_version').notNull().default(0),
    ...timestamps,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last sign-in or session refresh (at most once a day is written): inactive accounts are warned, then anonymised. */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the "your account will be removed" e-mail went; cleared by any use of the account. */
    inactivityWarnedAt: timestamp('inactivity_warned_at', { withTimezone: true }),
    /** Set by an admin: the account cannot sign in until reactivated. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    deactivationReason: text('deactivation_reason'),
    /** The account was erased (by its owner, an admin or retention): its personal data is gone. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_locale_known', sql`${t.locale} in ${sqlList(LOCALES)}`),
    check(
      'users_deactivation_reason',
      sql`${t.deactivationReason} is null or char_length(${t.deactivationReason}) <= 500`,
    ),
    index('users_last_active_idx')
      .on(t.lastActiveAt)
      .where(sql`${t.anonymisedAt} is null`),
  ],
);

/**
 * Refresh tokens, stored as SHA-256 hashes. Each sign-in starts a family; every refresh marks the
 * presented token used and issues the next one in the family. A used token presented again means
 * it was stolen, and the whole family is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    ...timestamps,
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
);

/** Single-use links sent by e-mail: address verification and password reset. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: emailTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

/**
 * Sign-in throttles, one row per key: an account ("account:<email>"), a client address
 * ("address:<ip>") or a known device ("device:<id>"). Each attempt is counted here before its
 * password is checked; past the free attempts, each one sets how long the next must wait
 * (growing delays, never a lockout). Kept in the database so every instance sees the same counts.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    attempts: integer('attempts').notNull().default(0),
    /** No attempt on this key is checked before this time. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttles_last_attempt_idx').on(t.lastAttemptAt)],
);
