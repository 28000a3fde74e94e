/**
 * Reminders for bookings, run by the maintenance job in every instance and sent once across them
 * (messaging's `claimReminder`):
 * - before a session (its course's `reminderHours`, the day before by default), each confirmed
 *   booking's booker and named participants are told its time, place and a map link;
 * - before a held seat lapses, its booker is told to claim it.
 * Each reminder is claimed in the transaction that writes its notices, under the session's lock,
 * after the booking and the session are read again: nothing is sent for what changed meanwhile.
 */
import { municipalityName } from '@keskusvaraamo/shared';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { claimReminder, mailNotices, notify, notReminded } from '../messaging/index.js';
import { lockSession, sessionsDueReminder, type BookableSession } from '../offers/index.js';
import { courseSessions, offers } from '../offers/tables.js';
import { bookingEvent, participantNotices, whereData } from './commands/notices.js';
import { bookings } from './tables.js';

/** How many bookings one run reminds at most; the next run (a minute later) takes the rest. */
const BATCH = 200;

/**
 * A map of a session's place (its address text and municipality), for finding the way; none for
 * an online session or one without a place.
 */
export function mapUrl(session: Pick<BookableSession, 'place' | 'municipalityCode'>): string | null {
  const place = session.place?.trim();
  if (!place) return null;
  const where = [place, session.municipalityCode ? municipalityName(session.municipalityCode, 'fi') : '']
    .filter(Boolean)
    .join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(where)}`;
}

/**
 * Reminds the confirmed bookings of sessions whose reminder time has come. A booking confirmed
 * after that time is not reminded (its confirmation was just sent); one of a session moved since is
 * reminded again of the new start. Returns the bookings reminded.
 */
export async function sendSessionReminders(db: Database): Promise<number> {
  const sessionIds = await sessionsDueReminder(db);
  if (!sessionIds.length) return 0;
  const due = await db
    .select({ id: bookings.id, sessionId: bookings.sessionId })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(
      and(
        inArray(bookings.sessionId, sessionIds),
        eq(bookings.state, 'CONFIRMED'),
        notReminded('SESSION', sql`${bookings.id}`, sql`${courseSessions.startsAt}`),
        sql`${bookings.confirmedAt} <= ${courseSessions.startsAt} - make_interval(hours => ${offers.reminderHours})`,
      ),
    )
    .orderBy(asc(bookings.queueNumber))
    .limit(BATCH);
  let reminded = 0;
  for (const { id, sessionId } of due) {
    await db.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const [booking] = await tx.select().from(bookings).where(eq(bookings.id, id));
      if (booking?.state !== 'CONFIRMED' || session.cancelledAt || session.startsAt <= new Date()) return;
      if (!(await claimReminder(tx, 'SESSION', booking.id, session.startsAt))) return;
      const extra = { ...whereData(session), mapUrl: mapUrl(session), state: booking.state };
      const { inApp, byEmail } = await participantNotices(
        tx,
        [booking],
        'SESSION_REMINDER',
        (b) => bookingEvent(b, session, 'SESSION_REMINDER', extra).data,
        session.offerId,
      );
      await notify(tx, [bookingEvent(booking, session, 'SESSION_REMINDER', extra), ...inApp]);
      await mailNotices(tx, byEmail);
      reminded++;
    });
  }
  return reminded;
}

/**
 * How long before a held seat lapses its booker is reminded: a quarter of the claim window, at most
 * a day (a day's window: six hours before; a week's: a day before).
 */
export const OFFER_REMINDER_SHARE = 0.25;
const OFFER_REMINDER_MINUTES_PER_HOUR = Math.round(60 * OFFER_REMINDER_SHARE);
export const OFFER_REMINDER_MAX_HOURS = 24;

/** Reminds the bookers of held seats that lapse soon (see OFFER_REMINDER_SHARE). Returns how many. */
export async function sendOfferReminders(db: Database): Promise<number> {
  const due = await db
    .select({ id: bookings.id, sessionId: bookings.sessionId })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(
      and(
        eq(bookings.state, 'OFFERED'),
        gt(bookings.offeredUntil, sql`now()`),
        sql`${bookings.offeredUntil} <= now() + least(
          make_interval(hours => ${OFFER_REMINDER_MAX_HOURS}),
          make_interval(mins => ${offers.claimWindowHours} * ${OFFER_REMINDER_MINUTES_PER_HOUR}))`,
        notReminded('OFFER_EXPIRING', sql`${bookings.id}`, sql`${bookings.offeredUntil}`),
      ),
    )
    .orderBy(asc(bookings.offeredUntil))
    .limit(BATCH);
  let reminded = 0;
  for (const { id, sessionId } of due) {
    await db.transaction(async (tx) => {
      const session = await lockSession(tx, sessionId);
      const [booking] = await tx.select().from(bookings).where(eq(bookings.id, id));
      if (booking?.state !== 'OFFERED' || !booking.offeredUntil || booking.offeredUntil <= new Date()) return;
      if (!(await claimReminder(tx, 'OFFER_EXPIRING', booking.id, booking.offeredUntil))) return;
      await notify(tx, [bookingEvent(booking, session, 'BOOKING_OFFER_EXPIRING', whereData(session))]);
      reminded++;
    });
  }
  return reminded;
}
