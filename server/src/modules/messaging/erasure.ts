/**
 * Messaging's part of erasing a person: their notifications and notification preferences, the log
 * of their weekly summaries, and every e-mail in the outbox addressed to them (sent or not; the
 * rendered copies hold their name and address), are deleted. The last e-mail, which confirms the erasure, is queued after this
 * without a user id, so it is kept and sent.
 */
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { forgetRemindersOf } from './reminders.js';
import { emailOutbox, notificationPreferences, notifications } from './tables.js';

/** Deletes the person's notifications, preferences and e-mails (idempotent). */
export async function deleteMessagingOf(db: Database, userId: string, email: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await db.delete(emailOutbox).where(or(eq(emailOutbox.userId, userId), eq(emailOutbox.toAddress, email)));
  await forgetRemindersOf(db, userId);
}

/** Where the erased person's name (and text) may stand in other people's notifications. */
export interface NamedIn {
  /** Threads they wrote in: a new message's notification carries its author's name and an excerpt. */
  conversationIds: string[];
  /** Their applications: the company's notifications carry the student's name. */
  applicationIds: string[];
  /** Proposals naming them (as the student, proposer or answerer). */
  proposalIds: string[];
  /** Proposals they made: the notifications carry an excerpt of their note. */
  notesOf: string[];
}

/** The fields of a notification's data that hold a person's name. */
const NAME_KEYS = ['authorName', 'studentName', 'actorName', 'targetTitle', 'targetName', 'proposerName'];

/**
 * Removes the erased person's name, and excerpts of their messages and notes, from other people's
 * notifications (their own are deleted) about the threads, applications and proposals given: each
 * name field whose value is exactly the person's name as it was becomes ERASED_TEXT. Returns how
 * many notifications changed.
 */
export async function eraseNameInNotifications(db: Database, name: string, where: NamedIn): Promise<number> {
  const ids = (list: string[]) =>
    sql`array[${sql.join(
      list.map((id) => sql`${id}`),
      sql`, `,
    )}]::text[]`;
  const scopes = [
    where.conversationIds.length
      ? sql`${notifications.data} ->> 'conversationId' = any(${ids(where.conversationIds)})`
      : null,
    where.applicationIds.length
      ? sql`${notifications.data} ->> 'applicationId' = any(${ids(where.applicationIds)})`
      : null,
    where.proposalIds.length ? sql`${notifications.data} ->> 'proposalId' = any(${ids(where.proposalIds)})` : null,
  ].filter((scope) => scope !== null);
  if (!scopes.length) return 0;
  const d = sql`${notifications.data}`;
  const notes = where.notesOf.length ? sql`${d} ->> 'proposalId' = any(${ids(where.notesOf)})` : sql`false`;
  const rows = await db
    .update(notifications)
    .set({
      data: sql`${d}
        || (select coalesce(jsonb_object_agg(k, ${ERASED_TEXT}::text), '{}'::jsonb)
            from unnest(${ids(NAME_KEYS)}) as k where ${d} ->> k = ${name})
        || case when ${d} ? 'excerpt' and (${d} ->> 'authorName' = ${name} or ${notes})
             then jsonb_build_object('excerpt', ${ERASED_TEXT}::text) else '{}'::jsonb end`,
    })
    .where(
      and(
        or(...scopes),
        sql`(exists (select 1 from unnest(${ids(NAME_KEYS)}) as k where ${d} ->> k = ${name}) or ${notes})`,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
