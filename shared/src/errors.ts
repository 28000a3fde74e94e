/**
 * Stable error codes. The server puts one in every GraphQL error's `extensions.code`;
 * the web app translates it (`errors.<CODE>` in each locale).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'TOKEN_INVALID',
  'RATE_LIMITED',
  'LAST_OWNER',
  'ALREADY_MEMBER',
  'INVALID_STATE',
  'SEATS_EXHAUSTED',
  'SEATS_PER_BOOKER',
  'IDEMPOTENCY_KEY_REUSED',
  'SESSION_IN_USE',
  'REGISTRATION_CLOSED',
  'CANCELLATION_CLOSED',
  'CLAIM_EXPIRED',
  'LIMIT_REACHED',
  'ALREADY_APPLIED',
  'APPLICATIONS_CLOSED',
  'POSITIONS_FILLED',
  'INCOMPATIBLE_MATCH',
  'TARGET_UNAVAILABLE',
  'ALREADY_ANSWERED',
  'POOL_CHANGED',
  /** A course booked for a need that is not an open (or expired) COURSE need. */
  'NEED_NOT_BOOKABLE',
  /** Attendance is marked once the session has started, not before. */
  'SESSION_NOT_STARTED',
  /** A participant's seat is not cancelled or given to someone else once the session has started. */
  'SESSION_STARTED',
  /**
   * A session's participants are not written to once it is cancelled or ended more than
   * SESSION_MESSAGE_DAYS_AFTER_END days ago (`extensions.reason`: CANCELLED or ENDED).
   */
  'SESSION_MESSAGING_CLOSED',
  /** A message to a session's participants when no one holds a confirmed seat on it. */
  'NO_RECIPIENTS',
  /** An admin deactivated the account: it cannot sign in until reactivated. */
  'ACCOUNT_DEACTIVATED',
  /** Deletion must wait until something is resolved (`extensions.blockers`: ERASURE_BLOCKERS). */
  'ERASURE_BLOCKED',
  /** The database cannot be reached for a moment: try again (HTTP 503, with Retry-After). */
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem: `message` is a translation key such as `validation.tooShort`. */
export interface FieldIssue {
  field: string;
  message: string;
  params?: Record<string, number | string>;
}
