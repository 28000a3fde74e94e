/**
 * Download my data (GDPR art. 15 and 20): one JSON document with everything the service holds
 * about the signed-in person, read from every module's tables (reads are allowed; privacy writes
 * nothing here). Secrets are never read: no password hash, token version, token hashes, or e-mail
 * bodies and parameters (they carry single-use links). Other people's data is left out except
 * where the person sees it in the app (the other messages of a conversation they are in).
 *
 * The sections are read in exportSections.ts and exportActivity.ts.
 *
 * `EXPORT_COVERAGE` says, for every table, in which section it is exported or why it holds no
 * personal data; coverage.test.ts derives the personal tables from the schema and fails when one
 * is missing, so a new table cannot be forgotten.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { users } from '../accounts/tables.js';
import { conversationSection, logSections, messagingSections } from './exportActivity.js';
import { accountSections, bookingSections, marketplaceSections } from './exportSections.js';

export const EXPORT_FORMAT = 1;
export const EXPORT_SERVICE = 'Osaamisen keskusvaraamo';

/** The document's sections, in the order they are written. */
export type ExportSection =
  | 'account'
  | 'signInRecords'
  | 'emailLinks'
  | 'memberships'
  | 'invitations'
  | 'organisationsVerified'
  | 'studentProfile'
  | 'needs'
  | 'offers'
  | 'applications'
  | 'bookings'
  | 'bookingsAsParticipant'
  | 'calendarFeeds'
  | 'savedBillingDetails'
  | 'sessionMessages'
  | 'conversations'
  | 'proposals'
  | 'notifications'
  | 'remindersSent'
  | 'notificationPreferences'
  | 'savedSearches'
  | 'emails'
  | 'dataAccessLog'
  | 'auditLog';

/** The sections a table's rows are exported in, or why it holds no one's personal data. */
export type Coverage = { exported: ExportSection[] } | { notPersonal: string };

/**
 * Every table of the schema: the section that exports the person's rows, or why it holds no one's
 * personal data. coverage.test.ts checks it against the schema (db/schema.ts).
 */
export const EXPORT_COVERAGE: Record<string, Coverage> = {
  users: { exported: ['account'] },
  refresh_tokens: { exported: ['signInRecords'] },
  email_tokens: { exported: ['emailLinks'] },
  sign_in_throttles: {
    notPersonal:
      'counters of sign-in attempts keyed by account address, client address or device, with no user id; forgotten after SIGN_IN_WINDOW_MINUTES without attempts (deleted by housekeeping) and anonymised accounts lose their key',
  },
  rate_limit_counters: {
    notPersonal:
      'hit counts keyed by address or account for one window (at most a day); deleted every minute once the window has ended',
  },
  memberships: { exported: ['memberships'] },
  organisations: { exported: ['memberships', 'invitations', 'organisationsVerified'] },
  organisation_invitations: { exported: ['invitations'] },
  student_profiles: { exported: ['studentProfile'] },
  needs: { exported: ['needs'] },
  offers: { exported: ['offers'] },
  course_sessions: {
    notPersonal: 'an organisation’s course sessions (times, place, seats); exported with the bookings that name them',
  },
  applications: { exported: ['applications'] },
  application_events: { exported: ['applications'] },
  bookings: { exported: ['bookings'] },
  booking_participants: { exported: ['bookings', 'bookingsAsParticipant'] },
  calendar_feeds: { exported: ['calendarFeeds'] },
  booking_billing: { exported: ['bookings'] },
  organisation_billing_details: { exported: ['savedBillingDetails'] },
  session_messages: { exported: ['sessionMessages'] },
  conversations: { exported: ['conversations'] },
  messages: { exported: ['conversations'] },
  conversation_reads: { exported: ['conversations'] },
  proposals: { exported: ['proposals'] },
  matches: { notPersonal: 'a need and a proposal’s ids and the time of the match; no person’s id or text' },
  notifications: { exported: ['notifications'] },
  reminders_sent: { exported: ['remindersSent'] },
  notification_preferences: { exported: ['notificationPreferences'] },
  email_outbox: { exported: ['emails'] },
  saved_searches: { exported: ['savedSearches'] },
  search_items: {
    notPersonal:
      'the public search index: published courses, pools and open placements as anyone sees them (organisation names), no person’s data',
  },
  report_needs: { notPersonal: 'anonymous report facts: no person’s id, name or text (issue 9)' },
  report_matches: { notPersonal: 'anonymous report facts: no person’s id, name or text (issue 9)' },
  report_bookings: { notPersonal: 'anonymous report facts: no person’s id, name or text (issue 9)' },
  data_access_events: { exported: ['dataAccessLog'] },
  audit_events: { exported: ['auditLog'] },
};

/**
 * Column names that hold a person's id or their personal data: a person's id (`user_id`,
 * `*_user_id`, `*_by`, `author_id`, `actor_id`, `student_id`, `viewer_id`), an address or a name
 * (`email`, `*_email`, `to_address`, `name`, `*_name`, `display_name`, `phone`), or what a person
 * wrote (`cover_letter`, `body`, `text_body`, `note`, `introduction`, `user_agent`).
 */
export const PERSONAL_COLUMN =
  /^(user_id|\w+_user_id|\w+_by|author_id|actor_id|student_id|viewer_id|email|\w+_email|to_address|name|\w+_name|display_name|phone|cover_letter|body|text_body|note|introduction|user_agent)$/;

/**
 * Why a table holds personal data, derived from its schema: its foreign keys to users.id and its
 * columns named as PERSONAL_COLUMN says. Empty when it holds none.
 */
export function personalColumns(table: PgTable): string[] {
  const config = getTableConfig(table);
  const toUsers = config.foreignKeys.flatMap((fk) => {
    const reference = fk.reference();
    return getTableConfig(reference.foreignTable).name === 'users' ? reference.columns.map((c) => c.name) : [];
  });
  const named = config.columns.map((c) => c.name).filter((name) => PERSONAL_COLUMN.test(name));
  return [...new Set([...toUsers, ...named])].sort();
}

/** Dates as ISO 8601 instants; everything else as it is. */
function plain<T>(value: T): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  }
  return value;
}

export interface DataExport {
  exportedAt: string;
  service: string;
  format: number;
  person: { id: string; email: string; displayName: string };
  sections: Record<ExportSection, unknown>;
}

/** The whole document for one person (the caller has checked that it is the person themselves). */
export async function buildDataExport(deps: Deps, userId: string): Promise<DataExport> {
  const { db } = deps;
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      displayName: users.displayName,
      roles: users.roles,
      locale: users.locale,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastActiveAt: users.lastActiveAt,
      inactivityWarnedAt: users.inactivityWarnedAt,
      deactivatedAt: users.deactivatedAt,
      deactivationReason: users.deactivationReason,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.anonymisedAt)));
  if (!account) throw notFound('No such account');
  const email = account.email;
  const sections: Record<ExportSection, unknown> = {
    account,
    ...(await accountSections(deps, userId, email)),
    ...(await marketplaceSections(deps, userId)),
    ...(await bookingSections(deps, userId, email)),
    conversations: await conversationSection(deps, userId),
    ...(await messagingSections(deps, userId, email)),
    ...(await logSections(deps, userId)),
  } as Record<ExportSection, unknown>;
  return plain({
    exportedAt: new Date(),
    service: EXPORT_SERVICE,
    format: EXPORT_FORMAT,
    person: { id: account.id, email: account.email, displayName: account.displayName },
    sections,
  }) as DataExport;
}
