/**
 * Messaging's part of erasing a person: their notifications and notification preferences, and
 * every e-mail in the outbox addressed to them (sent or not; the rendered copies hold their name
 * and address), are deleted. The last e-mail, which confirms the erasure, is queued after this
 * without a user id, so it is kept and sent.
 */
import { eq, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailOutbox, notificationPreferences, notifications } from './tables.js';

/** Deletes the person's notifications, preferences and e-mails (idempotent). */
export async function deleteMessagingOf(db: Database, userId: string, email: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await db.delete(emailOutbox).where(or(eq(emailOutbox.userId, userId), eq(emailOutbox.toAddress, email)));
}
