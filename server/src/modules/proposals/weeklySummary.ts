/**
 * The coordinators' weekly summary (WEEKLY_SUMMARY), each Monday at DIGEST_HOUR in Helsinki: the
 * brokering queue (how many needs wait, the longest waiting), the open proposals, and the past
 * week's new needs and matches. Run by the maintenance job in every instance and sent once across
 * them (messaging's `claimReminder`, keyed by the coordinator and the week's summary time).
 */
import type { NotificationType } from '@keskusvaraamo/shared';
import { and, asc, count, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { fromHelsinki, helsinkiDate } from '../../lib/helsinki.js';
import { users } from '../accounts/tables.js';
import { claimReminder, notify, notReminded } from '../messaging/index.js';
import { needs } from '../needs/tables.js';
import { inBrokeringQueue } from './queries.js';
import { matches, proposals } from './tables.js';

const DAY_MS = 24 * 3600 * 1000;
/** The longest-waiting needs the summary names. */
const OLDEST = 5;
/** A summary not sent within this long of its time (the service was down) waits for next week's. */
const LATE_LIMIT_MS = DAY_MS;

/** The most recent Monday at `hour` o'clock in Helsinki, at or before `now`. */
export function lastWeeklyTime(now: Date, hour: number): Date {
  const time = `T${String(hour).padStart(2, '0')}:00`;
  const today = helsinkiDate(now);
  // The weekday of a calendar date does not depend on the zone: read it in UTC.
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = (back: number) =>
    fromHelsinki(`${helsinkiDate(new Date(new Date(`${today}T12:00:00Z`).getTime() - back * DAY_MS))}${time}`);
  const thisWeek = monday(weekday);
  return thisWeek <= now ? thisWeek : monday(weekday + 7);
}

/** The figures of the week before `due`, the same for every coordinator. */
export async function weeklyFigures(db: Database, due: Date) {
  const weekStart = new Date(due.getTime() - 7 * DAY_MS);
  const queue = inBrokeringQueue(due);
  const [[queued], oldest, [open], [published], [matched]] = await Promise.all([
    db.select({ n: count() }).from(needs).where(queue),
    db
      .select({ id: needs.id, title: needs.title, publishedAt: needs.publishedAt })
      .from(needs)
      .where(queue)
      .orderBy(asc(needs.publishedAt), asc(needs.id))
      .limit(OLDEST),
    db.select({ n: count() }).from(proposals).where(eq(proposals.state, 'OPEN')),
    db
      .select({ n: count() })
      .from(needs)
      .where(and(isNotNull(needs.publishedAt), gte(needs.publishedAt, weekStart), lt(needs.publishedAt, due))),
    db
      .select({ n: count() })
      .from(matches)
      .where(and(gte(matches.matchedAt, weekStart), lt(matches.matchedAt, due))),
  ]);
  return {
    weekStart: weekStart.toISOString(),
    weekEnd: due.toISOString(),
    queueCount: queued?.n ?? 0,
    oldest: oldest.map((need) => ({
      needId: need.id,
      title: need.title,
      daysWaiting: Math.floor((due.getTime() - need.publishedAt!.getTime()) / DAY_MS),
    })),
    openProposals: open?.n ?? 0,
    newNeeds: published?.n ?? 0,
    matchesMade: matched?.n ?? 0,
    path: '/coordinator/queue',
  };
}

/**
 * Sends this week's summary to every coordinator in use who has not had it (none before the
 * week's time, none a day after it). Returns how many were sent.
 */
export async function sendWeeklySummaries(db: Database, hour: number, now = new Date()): Promise<number> {
  const due = lastWeeklyTime(now, hour);
  if (now.getTime() - due.getTime() > LATE_LIMIT_MS) return 0;
  const coordinators = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`${users.roles} @> array['COORDINATOR']::user_role[]`,
        isNull(users.deactivatedAt),
        isNull(users.anonymisedAt),
        notReminded('WEEKLY_SUMMARY', sql`${users.id}`, sql`${due.toISOString()}::timestamptz`),
      ),
    );
  if (!coordinators.length) return 0;
  const data = await weeklyFigures(db, due);
  const type: NotificationType = 'WEEKLY_SUMMARY';
  let sent = 0;
  for (const { id } of coordinators) {
    await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, 'WEEKLY_SUMMARY', id, due))) return;
      await notify(tx, [{ userId: id, type, data }]);
      sent++;
    });
  }
  return sent;
}
