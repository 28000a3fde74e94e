/**
 * The organiser's message to everyone booked on a session: each confirmed booking's booker and
 * named participants, each person once (with an account: in the app and as they chose, in their
 * language; without one: by e-mail in their booker's language), never its author. Waitlisted,
 * offered and cancelled bookings are not written to. Sent under the session's row lock, which also
 * makes the day's count of messages exact across instances.
 */
import { SESSION_MESSAGES_PER_DAY, sessionMessageSchema } from '@keskusvaraamo/shared';
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, notFound, parseInput, unauthenticated } from '../../../errors.js';
import { assertId } from '../../../lib/ids.js';
import type { Viewer } from '../../../lib/viewer.js';
import { mailNotices, notify, type EmailOnlyNotice, type NewNotification } from '../../messaging/index.js';
import { bookableSessions, lockSession, organisesSession, type BookableSession } from '../../offers/index.js';
import { organisationsByIds } from '../../organisations/index.js';
import { bookingPolicy as policy } from '../policy.js';
import type { BookingRow } from '../rows.js';
import { bookings, sessionMessages } from '../tables.js';
import { bookingEvent, participantNotices } from './notices.js';

/** A sent message as its session's organisers read it. */
export interface SessionMessageDto {
  id: string;
  sessionId: string;
  body: string;
  /** The author's name; null once their account is erased. */
  authorName: string | null;
  recipientCount: number;
  createdAt: string;
}

/** The notices one message sends, to whom, and how many people that is. */
interface MessageNotices {
  inApp: NewNotification[];
  byEmail: EmailOnlyNotice[];
  count: number;
}

/**
 * Who a message to a session's participants reaches, as notices with `extra` in their data: one
 * SESSION_MESSAGE per confirmed booker (the first of their bookings) and one per named participant
 * who is not a booker (participantNotices), without the author (`author`: their id and address).
 */
export async function messageNotices(
  db: Database,
  session: BookableSession,
  author: { id: string; email: string },
  extra: Record<string, unknown> = {},
): Promise<MessageNotices> {
  const confirmed: BookingRow[] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.sessionId, session.id), eq(bookings.state, 'CONFIRMED')))
    .orderBy(asc(bookings.queueNumber));
  const bookers = new Set<string>([author.id]);
  const bookerNotices: NewNotification[] = [];
  for (const b of confirmed) {
    if (bookers.has(b.bookedBy)) continue;
    bookers.add(b.bookedBy);
    bookerNotices.push(bookingEvent(b, session, 'SESSION_MESSAGE', extra));
  }
  const named = await participantNotices(
    db,
    confirmed,
    'SESSION_MESSAGE',
    (b) => bookingEvent(b, session, 'SESSION_MESSAGE', extra).data,
    session.offerId,
  );
  const inApp = [...bookerNotices, ...named.inApp.filter((n) => n.userId !== author.id)];
  const byEmail = named.byEmail.filter((n) => n.to.toLowerCase() !== author.email.toLowerCase());
  return { inApp, byEmail, count: inApp.length + byEmail.length };
}

/** Refuses a message past the session's daily limit (messages sent in the last 24 hours). */
async function assertWithinDailyLimit(db: Database, sessionId: string): Promise<void> {
  const [sent] = await db
    .select({
      n: count(),
      // When the oldest of the day's messages leaves the 24 hours: the next one may then be sent.
      retryAfter: sql<number>`ceil(extract(epoch from min(${sessionMessages.createdAt}) + interval '24 hours' - now()))::int`,
    })
    .from(sessionMessages)
    .where(
      and(eq(sessionMessages.sessionId, sessionId), gt(sessionMessages.createdAt, sql`now() - interval '24 hours'`)),
    );
  if ((sent?.n ?? 0) >= SESSION_MESSAGES_PER_DAY) {
    throw new AppError(
      'RATE_LIMITED',
      `At most ${SESSION_MESSAGES_PER_DAY} messages a day to a session's participants`,
      {
        retryAfterSeconds: Math.max(1, Number(sent!.retryAfter)),
        limit: SESSION_MESSAGES_PER_DAY,
      },
    );
  }
}

/**
 * Sends `message` to everyone confirmed on the session, for those who manage it (its organisation's
 * members and coordinators): VALIDATION for an empty or too long text, SESSION_MESSAGING_CLOSED for
 * a cancelled session or one that ended more than SESSION_MESSAGE_DAYS_AFTER_END days ago,
 * RATE_LIMITED past SESSION_MESSAGES_PER_DAY in 24 hours, NO_RECIPIENTS when nobody holds a
 * confirmed seat. The message, its notifications and its e-mails are written in one transaction.
 */
export async function messageSessionParticipants(
  deps: Deps,
  viewer: Viewer | null,
  sessionId: string,
  message: unknown,
): Promise<SessionMessageDto> {
  if (!viewer) throw unauthenticated();
  const id = assertId(sessionId, 'No such session');
  const session = (await bookableSessions(deps.db, [id])).get(id);
  if (!session) throw notFound('No such session');
  if (!policy.messageParticipants(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  const { message: body } = parseInput(sessionMessageSchema, { message });
  return deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, id);
    const closed = policy.messagingClosed(locked, new Date());
    if (closed) {
      throw new AppError('SESSION_MESSAGING_CLOSED', "The session's participants can no longer be written to", {
        reason: closed,
      });
    }
    await assertWithinDailyLimit(tx, id);
    const [organisation] = await organisationsByIds(tx, [locked.organisationId]);
    const messageId = randomUUID();
    const notices = await messageNotices(tx, locked, viewer, {
      message: body,
      organisationName: organisation?.name ?? '',
      messageId,
    });
    if (!notices.count) throw new AppError('NO_RECIPIENTS', 'Nobody holds a confirmed seat on the session');
    const [row] = await tx
      .insert(sessionMessages)
      .values({ id: messageId, sessionId: id, authorId: viewer.id, body, recipientCount: notices.count })
      .returning();
    await notify(tx, notices.inApp);
    await mailNotices(tx, notices.byEmail);
    return presentSessionMessage(row!, viewer.displayName ?? null);
  });
}

export function presentSessionMessage(
  row: typeof sessionMessages.$inferSelect,
  authorName: string | null,
): SessionMessageDto {
  return {
    id: row.id,
    sessionId: row.sessionId,
    body: row.body,
    authorName,
    recipientCount: row.recipientCount,
    createdAt: row.createdAt.toISOString(),
  };
}
