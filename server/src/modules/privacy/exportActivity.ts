/**
 * The sections of "download my data" (export.ts) about what the person said and was told, and what
 * was logged about them: conversations, notifications and their preferences, saved searches, the
 * e-mails sent, the views log and the audit log. The rest is in exportSections.ts.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '../../deps.js';
import { users } from '../accounts/tables.js';
import { applicationIdsOfParty } from '../applications/index.js';
import { auditEvents, dataAccessEvents } from '../audit/tables.js';
import { bookingIdsOfParty } from '../bookings/index.js';
import { conversationReads, conversations, messages } from '../conversations/tables.js';
import { bookings } from '../bookings/tables.js';
import { emailOutbox, notificationPreferences, notifications, remindersSent } from '../messaging/tables.js';
import { organisations } from '../organisations/tables.js';
import { proposalIdsOfParty } from '../proposals/index.js';
import { savedSearches } from '../savedSearches/tables.js';

/**
 * The threads the person is in (as a party of the subject, or having written or read there), each
 * with the messages they see in the app: theirs and the other parties'.
 */
export async function conversationSection(deps: Deps, userId: string) {
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

export async function messagingSections(deps: Deps, userId: string, email: string) {
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
    // Reminders sent about the person (their weekly summaries) and their bookings.
    remindersSent: await db
      .select({
        kind: remindersSent.kind,
        subjectId: remindersSent.subjectId,
        dueAt: remindersSent.dueAt,
        sentAt: remindersSent.sentAt,
      })
      .from(remindersSent)
      .where(
        or(
          eq(remindersSent.subjectId, userId),
          inArray(
            remindersSent.subjectId,
            db.select({ id: bookings.id }).from(bookings).where(eq(bookings.bookedBy, userId)),
          ),
        ),
      )
      .orderBy(asc(remindersSent.dueAt), asc(remindersSent.kind)),
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

export async function logSections(deps: Deps, userId: string) {
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
