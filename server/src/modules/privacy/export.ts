/**
 * Download my data (GDPR art. 15 and 20): one JSON document with everything the service holds
 * about the signed-in person, read from every module's tables (reads are allowed; privacy writes
 * nothing here). Secrets are never read: no password hash, token version, token hashes, or e-mail
 * bodies and parameters (they carry single-use links). Other people's data is left out except
 * where the person sees it in the app (the other messages of a conversation they are in).
 *
 * `EXPORT_COVERAGE` says, for every table, in which section it is exported or why it holds no
 * personal data; coverage.test.ts derives the personal tables from the schema and fails when one
 * is missing, so a new table cannot be forgotten.
 */
import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { refreshTokens, emailTokens, users } from '../accounts/tables.js';
import { applicationIdsOfParty } from '../applications/index.js';
import { applicationEvents, applications } from '../applications/tables.js';
import { auditEvents, dataAccessEvents } from '../audit/tables.js';
import { bookingIdsOfParty } from '../bookings/index.js';
import { bookings, calendarFeeds, participants } from '../bookings/tables.js';
import { conversationReads, conversations, messages } from '../conversations/tables.js';
import { emailOutbox, notificationPreferences, notifications } from '../messaging/tables.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import { invitations, memberships, organisations } from '../organisations/tables.js';
import { studentProfiles } from '../profiles/tables.js';
import { proposalIdsOfParty } from '../proposals/index.js';
import { proposals } from '../proposals/tables.js';
import { savedSearches } from '../savedSearches/tables.js';

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
  | 'conversations'
  | 'proposals'
  | 'notifications'
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
  conversations: { exported: ['conversations'] },
  messages: { exported: ['conversations'] },
  conversation_reads: { exported: ['conversations'] },
  proposals: { exported: ['proposals'] },
  matches: { notPersonal: 'a need and a proposal’s ids and the time of the match; no person’s id or text' },
  notifications: { exported: ['notifications'] },
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

/** Columns that are the service's internals, not the person's data (search vectors and bit masks). */
const withoutInternals = <T extends Record<string, unknown>>(row: T) => {
  const {
    topicMask: _mask,
    matchDocument: _document,
    ...rest
  } = row as T & { topicMask?: unknown; matchDocument?: unknown };
  return rest;
};

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

async function accountSections(deps: Deps, userId: string, email: string) {
  const { db } = deps;
  const inviter = alias(users, 'inviter');
  return {
    signInRecords: await db
      .select({
        id: refreshTokens.id,
        familyId: refreshTokens.familyId,
        createdAt: refreshTokens.createdAt,
        userAgent: refreshTokens.userAgent,
        expiresAt: refreshTokens.expiresAt,
        usedAt: refreshTokens.usedAt,
        revokedAt: refreshTokens.revokedAt,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, userId))
      .orderBy(asc(refreshTokens.createdAt), asc(refreshTokens.id)),
    emailLinks: await db
      .select({
        id: emailTokens.id,
        purpose: emailTokens.purpose,
        createdAt: emailTokens.createdAt,
        expiresAt: emailTokens.expiresAt,
        usedAt: emailTokens.usedAt,
      })
      .from(emailTokens)
      .where(eq(emailTokens.userId, userId))
      .orderBy(asc(emailTokens.createdAt), asc(emailTokens.id)),
    memberships: await db
      .select({
        organisationId: memberships.organisationId,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        role: memberships.role,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt), asc(memberships.organisationId)),
    invitations: await db
      .select({
        id: invitations.id,
        organisationId: invitations.organisationId,
        organisationName: organisations.name,
        email: invitations.email,
        role: invitations.role,
        invitedByName: inviter.displayName,
        sentByYou: sql<boolean>`${invitations.invitedBy} is not distinct from ${userId}::uuid`,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(or(eq(invitations.email, email), eq(invitations.invitedBy, userId)))
      .orderBy(asc(invitations.createdAt), asc(invitations.id)),
    organisationsVerified: await db
      .select({ id: organisations.id, name: organisations.name, verifiedAt: organisations.verifiedAt })
      .from(organisations)
      .where(eq(organisations.verifiedBy, userId))
      .orderBy(asc(organisations.name), asc(organisations.id)),
    studentProfile:
      (await db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId))).map(withoutInternals)[0] ??
      null,
  };
}

async function marketplaceSections(deps: Deps, userId: string) {
  const { db } = deps;
  const mine = await db
    .select({
      application: applications,
      needTitle: needs.title,
      needKind: needs.kind,
      organisationName: organisations.name,
    })
    .from(applications)
    .innerJoin(needs, eq(needs.id, applications.needId))
    .leftJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(applications.studentId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const events = mine.length
    ? await db
        .select({
          applicationId: applicationEvents.applicationId,
          fromState: applicationEvents.fromState,
          toState: applicationEvents.toState,
          at: applicationEvents.at,
          reason: applicationEvents.reason,
          byYou: sql<boolean>`${applicationEvents.actorId} is not distinct from ${userId}::uuid`,
        })
        .from(applicationEvents)
        .where(
          inArray(
            applicationEvents.applicationId,
            mine.map((row) => row.application.id),
          ),
        )
        .orderBy(asc(applicationEvents.at), asc(applicationEvents.id))
    : [];
  const proposalNeed = alias(needs, 'proposal_need');
  const proposalRows = await db
    .select({ proposal: proposals, needTitle: proposalNeed.title, needPostedBy: proposalNeed.postedBy })
    .from(proposals)
    .innerJoin(proposalNeed, eq(proposalNeed.id, proposals.needId))
    .where(
      or(
        eq(proposals.studentId, userId),
        eq(proposals.proposedBy, userId),
        eq(proposalNeed.postedBy, userId),
        sql`${proposals.id} in (${proposalIdsOfParty(userId)})`,
      ),
    )
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
  return {
    needs: (
      await db.select().from(needs).where(eq(needs.postedBy, userId)).orderBy(asc(needs.createdAt), asc(needs.id))
    ).map(withoutInternals),
    offers: await db
      .select()
      .from(offers)
      .where(eq(offers.createdBy, userId))
      .orderBy(asc(offers.createdAt), asc(offers.id)),
    applications: mine.map(({ application, ...need }) => ({
      ...application,
      ...need,
      timeline: events.filter((e) => e.applicationId === application.id).map(({ applicationId: _id, ...e }) => e),
    })),
    proposals: proposalRows.map(({ proposal, needTitle, needPostedBy }) => {
      const { studentId, proposedBy, needAnsweredBy, targetAnsweredBy, ...rest } = proposal;
      return {
        ...rest,
        needTitle,
        // Which side the person is on; other people are not named.
        you: {
          areTheStudent: studentId === userId,
          proposed: proposedBy === userId,
          postedTheNeed: needPostedBy === userId,
          answeredForTheNeed: needAnsweredBy === userId,
          answeredForTheTarget: targetAnsweredBy === userId,
        },
      };
    }),
  };
}

async function bookingSections(deps: Deps, userId: string, email: string) {
  const { db } = deps;
  const session = {
    sessionId: courseSessions.id,
    courseTitle: offers.title,
    organisationName: organisations.name,
    startsAt: courseSessions.startsAt,
    endsAt: courseSessions.endsAt,
    place: courseSessions.place,
    municipalityCode: courseSessions.municipalityCode,
  };
  const booked = await db
    .select({
      id: bookings.id,
      state: bookings.state,
      seats: bookings.seats,
      needId: bookings.needId,
      createdAt: bookings.createdAt,
      confirmedAt: bookings.confirmedAt,
      offeredAt: bookings.offeredAt,
      offeredUntil: bookings.offeredUntil,
      cancelledAt: bookings.cancelledAt,
      cancelReason: bookings.cancelReason,
      ...session,
    })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(eq(bookings.bookedBy, userId))
    .orderBy(asc(bookings.createdAt), asc(bookings.id));
  const people = booked.length
    ? await db
        .select({
          bookingId: participants.bookingId,
          position: participants.position,
          name: participants.name,
          email: participants.email,
          attended: participants.attended,
          anonymisedAt: participants.anonymisedAt,
        })
        .from(participants)
        .where(
          inArray(
            participants.bookingId,
            booked.map((b) => b.id),
          ),
        )
        .orderBy(asc(participants.bookingId), asc(participants.position))
    : [];
  // Named on someone else's booking: their own row and the session, not the other participants.
  const named = await db
    .select({
      bookingId: bookings.id,
      bookingState: bookings.state,
      name: participants.name,
      email: participants.email,
      attended: participants.attended,
      ...session,
    })
    .from(participants)
    .innerJoin(bookings, eq(bookings.id, participants.bookingId))
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(sql`lower(${participants.email})`, email), ne(bookings.bookedBy, userId)))
    .orderBy(asc(courseSessions.startsAt), asc(participants.id));
  return {
    bookings: booked.map((b) => ({
      ...b,
      participants: people.filter((p) => p.bookingId === b.id).map(({ bookingId: _id, ...p }) => p),
    })),
    bookingsAsParticipant: named,
    calendarFeeds: await db
      .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .orderBy(asc(calendarFeeds.createdAt), asc(calendarFeeds.id)),
  };
}

/**
 * The threads the person is in (as a party of the subject, or having written or read there), each
 * with the messages they see in the app: theirs and the other parties'.
 */
async function conversationSection(deps: Deps, userId: string) {
  const { db } = deps;
  const party: SQL[] = [
    sql`(${conversations.subjectKind} = 'APPLICATION' and ${conversations.subjectId} in (${applicationIdsOfParty(userId)}))`,
    sql`(${conversations.subjectKind} = 'BOOKING' and ${conversations.subjectId} in (${bookingIdsOfParty(userId)}))`,
    sql`(${conversations.subjectKind} = 'PROPOSAL' and ${conversations.subjectId} in (${proposalIdsOfParty(userId)}))`,
    sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.authorId} = ${userId})`,
  ];
  const threads = await db
    .select({
      id: conversations.id,
      subjectKind: conversations.subjectKind,
      subjectId: conversations.subjectId,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      youLastReadAt: conversationReads.lastReadAt,
    })
    .from(conversations)
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, userId)),
    )
    .where(or(...party, sql`${conversationReads.userId} is not null`))
    .orderBy(asc(conversations.createdAt), asc(conversations.id));
  if (!threads.length) return [];
  const rows = await db
    .select({
      conversationId: messages.conversationId,
      id: messages.id,
      createdAt: messages.createdAt,
      byYou: sql<boolean>`${messages.authorId} is not distinct from ${userId}::uuid`,
      authorName: users.displayName,
      body: messages.body,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(
      inArray(
        messages.conversationId,
        threads.map((t) => t.id),
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return threads.map((thread) => ({
    ...thread,
    messages: rows.filter((m) => m.conversationId === thread.id).map(({ conversationId: _id, ...m }) => m),
  }));
}

async function messagingSections(deps: Deps, userId: string, email: string) {
  const { db } = deps;
  return {
    notifications: await db
      .select({
        id: notifications.id,
        type: notifications.type,
        data: notifications.data,
        channel: notifications.channel,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        digestedAt: notifications.digestedAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
    notificationPreferences: await db
      .select({
        type: notificationPreferences.type,
        channel: notificationPreferences.channel,
        updatedAt: notificationPreferences.updatedAt,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .orderBy(asc(notificationPreferences.type)),
    savedSearches: await db
      .select({
        id: savedSearches.id,
        name: savedSearches.name,
        filter: savedSearches.filter,
        path: savedSearches.path,
        alert: savedSearches.alert,
        checkedAt: savedSearches.checkedAt,
        createdAt: savedSearches.createdAt,
      })
      .from(savedSearches)
      .where(eq(savedSearches.userId, userId))
      .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id)),
    // What was sent and when; not the bodies, whose links (reset, cancel, unsubscribe) are secrets.
    emails: await db
      .select({
        id: emailOutbox.id,
        template: emailOutbox.template,
        locale: emailOutbox.locale,
        subject: emailOutbox.subject,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        failedAt: emailOutbox.failedAt,
      })
      .from(emailOutbox)
      .where(or(eq(emailOutbox.toAddress, email), eq(emailOutbox.userId, userId)))
      .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id)),
  };
}

async function logSections(deps: Deps, userId: string) {
  const { db } = deps;
  const viewer = alias(users, 'viewer');
  const actor = alias(users, 'actor');
  return {
    dataAccessLog: await db
      .select({
        id: dataAccessEvents.id,
        at: dataAccessEvents.at,
        viewerName: viewer.displayName,
        viewerRoles: dataAccessEvents.viewerRoles,
        viewerOrganisationName: organisations.name,
        kind: dataAccessEvents.kind,
        source: dataAccessEvents.source,
        objectId: dataAccessEvents.objectId,
      })
      .from(dataAccessEvents)
      .leftJoin(viewer, eq(viewer.id, dataAccessEvents.viewerId))
      .leftJoin(organisations, eq(organisations.id, dataAccessEvents.viewerOrganisationId))
      .where(eq(dataAccessEvents.subjectUserId, userId))
      .orderBy(asc(dataAccessEvents.at), asc(dataAccessEvents.id)),
    auditLog: await db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        aboutYou: sql<boolean>`${auditEvents.subjectKind} = 'USER' and ${auditEvents.subjectId} = ${userId}::uuid`,
        byYou: sql<boolean>`${auditEvents.actorId} is not distinct from ${userId}::uuid`,
        actorName: actor.displayName,
        actorRoles: auditEvents.actorRoles,
        subjectKind: auditEvents.subjectKind,
        subjectId: auditEvents.subjectId,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorId))
      .where(
        or(
          and(eq(auditEvents.subjectKind, 'USER'), eq(auditEvents.subjectId, userId)),
          eq(auditEvents.actorId, userId),
        ),
      )
      .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
  };
}
