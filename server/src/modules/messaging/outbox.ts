import type { Locale } from '@keskusvaraamo/shared';
import { and, desc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailOutbox } from './tables.js';
import type { TemplateName, TemplateParams } from './templates.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;

export interface OutgoingEmail<N extends TemplateName> {
  to: string;
  /** The recipient's account, when they have one. */
  userId?: string | null;
  locale: Locale;
  template: N;
  params: TemplateParams<N>;
}

/**
 * Queues an e-mail in the outbox. Call it inside the transaction of the change it reports, so a
 * message exists exactly when the change does; the delivery worker renders and sends it.
 */
export async function enqueueEmail<N extends TemplateName>(db: Database, email: OutgoingEmail<N>): Promise<void> {
  await db.insert(emailOutbox).values({
    toAddress: email.to,
    userId: email.userId ?? null,
    locale: email.locale,
    template: email.template,
    params: email.params as Record<string, unknown>,
  });
}

/**
 * Claims up to `limit` messages that are due, for `leaseSeconds`: no other worker (in this or
 * another instance) takes them while the lease runs. A worker that dies leaves the lease to expire.
 */
export async function claimDue(db: Database, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return db
    .update(emailOutbox)
    .set({
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${emailOutbox.attempts} + 1`,
    })
    .where(
      sql`${emailOutbox.id} in (
        select id from ${emailOutbox}
        where ${emailOutbox.sentAt} is null and ${emailOutbox.failedAt} is null
          and ${emailOutbox.nextAttemptAt} <= now()
          and (${emailOutbox.lockedUntil} is null or ${emailOutbox.lockedUntil} < now())
        order by ${emailOutbox.nextAttemptAt}
        limit ${limit}
        for update skip locked)`,
    )
    .returning();
}

/** Records a message as sent, with what was sent; only while this worker still holds it. */
export async function markSent(
  db: Database,
  message: OutboxRow,
  sent: { subject: string; text: string; transport: 'smtp' | 'mailbox' },
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      sentAt: sql`now()`,
      lockedUntil: null,
      subject: sent.subject,
      textBody: sent.text,
      transport: sent.transport,
    })
    .where(and(eq(emailOutbox.id, message.id), isNull(emailOutbox.sentAt)));
}

/** Backs off exponentially (30 s, 1 min, 2 min … at most 6 h); after the last attempt it stops. */
export async function markFailed(
  db: Database,
  message: OutboxRow,
  error: string,
  options: { maxAttempts: number; permanent?: boolean },
): Promise<void> {
  const giveUp = options.permanent || message.attempts >= options.maxAttempts;
  await db
    .update(emailOutbox)
    .set({
      lockedUntil: null,
      lastError: error.slice(0, 1000),
      failedAt: giveUp ? sql`now()` : null,
      nextAttemptAt: sql`now() + least(make_interval(secs => 30 * power(2, ${message.attempts - 1})), interval '6 hours')`,
    })
    .where(and(eq(emailOutbox.id, message.id), isNull(emailOutbox.sentAt)));
}

/** What the development mailbox shows: sent messages, newest first. */
export async function sentMessages(db: Database, limit: number) {
  return db
    .select()
    .from(emailOutbox)
    .where(or(isNotNull(emailOutbox.sentAt), isNotNull(emailOutbox.failedAt)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

/** Messages still waiting (for the mailbox page and tests). */
export async function pendingCount(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), isNull(emailOutbox.failedAt), lte(emailOutbox.createdAt, sql`now()`)));
  return row?.n ?? 0;
}
