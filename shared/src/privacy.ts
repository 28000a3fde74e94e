/**
 * Data protection (SPEC flow 12): what is logged about people and by whom, what an erased person's
 * texts become, and the inputs of deletion, deactivation and feedback.
 */
import { z } from 'zod';
import { multiLineText, optionalSingleLineText, singleLineText } from './text.js';

/**
 * What an erased or anonymised text becomes (a name, a cover letter, a message, a participant's
 * name). The web app shows it translated ("Deleted user", "Removed"); it is never a valid e-mail.
 */
export const ERASED_TEXT = '[removed]';
/** An anonymised account's or participant's e-mail address: unique, and undeliverable (RFC 6761 `.invalid`). */
export const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;
export const isErased = (value: string | null | undefined) =>
  value === ERASED_TEXT || (typeof value === 'string' && value.endsWith('@erased.invalid'));

/** Staff and admins' actions on people and organisations, kept in the audit log. */
export const AUDIT_ACTIONS = [
  'ROLES_CHANGED',
  'ORGANISATION_VERIFIED',
  'ORGANISATION_UNVERIFIED',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
  /** An admin erased a person on request. */
  'USER_ERASED',
  /** A person deleted their own account. */
  'ACCOUNT_DELETED',
  /** The retention job anonymised an account unused for the configured time. */
  'ACCOUNT_EXPIRED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_KINDS = ['USER', 'ORGANISATION'] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

/** What of a student's personal data someone opened. */
export const DATA_ACCESS_KINDS = ['PROFILE', 'APPLICATION', 'PARTICIPANT_DETAILS'] as const;
export type DataAccessKind = (typeof DATA_ACCESS_KINDS)[number];

/** Where in the product it was opened (set by the server from the API field that was read). */
export const DATA_ACCESS_SOURCES = [
  /** The student's profile page (by id). */
  'PROFILE_PAGE',
  /** A need's applicants or one application. */
  'APPLICATIONS',
  /** Matching: a company's suggested students, or a coordinator's candidates. */
  'MATCHING',
  /** A coordinator's proposal of the student. */
  'PROPOSALS',
  /** A session's participant list or its export. */
  'PARTICIPANTS',
  /** The admin pages. */
  'ADMIN',
] as const;
export type DataAccessSource = (typeof DATA_ACCESS_SOURCES)[number];

/** Why deletion cannot go on yet: each must be resolved by the person first. */
export const ERASURE_BLOCKERS = [
  /** The person is the last owner of an organisation that has other members or content: transfer ownership. */
  'LAST_OWNER',
] as const;
export type ErasureBlocker = (typeof ERASURE_BLOCKERS)[number];

export const deleteAccountSchema = z.object({
  password: z
    .string({ error: 'validation.required' })
    .min(1, { error: 'validation.required' })
    .max(128, { error: 'validation.passwordTooLong' }),
});

export const deactivateUserSchema = z.object({
  userId: z.uuid({ error: 'validation.id' }),
  reason: singleLineText(500),
});

export const reactivateUserSchema = z.object({
  userId: z.uuid({ error: 'validation.id' }),
});

export const eraseUserSchema = z.object({
  userId: z.uuid({ error: 'validation.id' }),
  /** Why (the request's reference or date): kept in the audit log. */
  reason: singleLineText(500),
});

export const FEEDBACK_TOPICS = ['ACCESSIBILITY', 'PRIVACY', 'GENERAL'] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

export const feedbackSchema = z.object({
  topic: z.enum(FEEDBACK_TOPICS, { error: 'validation.choice' }),
  message: multiLineText(5000),
  /** Where to answer; optional (anonymous feedback is welcome). */
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: 'validation.tooLong' })
    .pipe(z.union([z.literal(''), z.email({ error: 'validation.email' })]))
    .nullish()
    .transform((value) => value || null),
  name: optionalSingleLineText(200),
  /** The page the feedback is about (a path of this site). */
  page: optionalSingleLineText(500),
});

/** An account as the admin's list filters it. */
export const USER_STATUSES = ['ACTIVE', 'DEACTIVATED', 'ANONYMISED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
