/**
 * iCalendar (RFC 5545) for bookings, sessions and a personal feed. Times are written as UTC
 * instants, which every calendar shows correctly in Europe/Helsinki on both sides of a daylight
 * saving change; the feed's secret token is stored only as its hash.
 */
import { DEFAULT_LOCALE, municipalityName, type Locale } from '@keskusvaraamo/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { users } from '../accounts/tables.js';
import { bookableSessions, type BookableSession } from '../offers/index.js';
import { courseSessions } from '../offers/tables.js';
import { bookings, calendarFeeds } from './tables.js';

interface EventSource {
  uid: string;
  session: BookableSession;
  place: string | null;
  url: string;
  cancelled: boolean;
}

/**
 * People's text for a calendar: control characters other than tabs and line breaks are dropped (a
 * title stored before they were refused, a NUL); ical-generator escapes the rest of an event's text.
 */
function plainText(value: string): string {
  return value.replace(/[^\P{Cc}\t\r\n]/gu, '');
}

/**
 * RFC 5545 TEXT with backslashes, semicolons, commas and line breaks escaped. ical-generator
 * escapes an event's properties but writes the calendar's name (NAME, X-WR-CALNAME) as it is given,
 * so a course title with a line break could add properties to the file.
 */
export function escapeText(value: string): string {
  return plainText(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

function calendar(name: string, events: EventSource[]) {
  const cal = ical({
    name: escapeText(name),
    prodId: { company: 'Osaamisen keskusvaraamo', product: 'keskusvaraamo', language: 'FI' },
  });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      start: e.session.startsAt,
      end: e.session.endsAt,
      summary: plainText(e.session.offerTitle),
      location: e.place === null ? null : plainText(e.place),
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too (ical-generator leaves it off).
  return `${cal.toString()}\r\n`;
}

async function placesOf(db: Database, sessionIds: string[]) {
  const rows = sessionIds.length
    ? await db
        .select({
          id: courseSessions.id,
          place: courseSessions.place,
          municipalityCode: courseSessions.municipalityCode,
          onlineUrl: courseSessions.onlineUrl,
        })
        .from(courseSessions)
        .where(inArray(courseSessions.id, sessionIds))
    : [];
  return new Map(
    rows.map((r) => [
      r.id,
      [r.place, r.municipalityCode ? municipalityName(r.municipalityCode, 'fi') : null, r.onlineUrl]
        .filter(Boolean)
        .join(', ') || null,
    ]),
  );
}

/** Each event links its course's page in `locale` (the recipient's language). */
async function events(
  deps: Pick<Deps, 'db' | 'config'>,
  items: { uid: string; sessionId: string; cancelled: boolean }[],
  locale: Locale,
) {
  const ids = [...new Set(items.map((i) => i.sessionId))];
  const [sessions, places] = await Promise.all([bookableSessions(deps.db, ids), placesOf(deps.db, ids)]);
  return items.map((i) => {
    const session = sessions.get(i.sessionId)!;
    return {
      uid: i.uid,
      session,
      place: places.get(i.sessionId) ?? null,
      url: pageUrl(deps.config, locale, `/offers/${session.offerId}`),
      cancelled: i.cancelled || session.cancelledAt !== null,
    };
  });
}

export async function sessionCalendar(
  deps: Pick<Deps, 'db' | 'config'>,
  sessionId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  const list = await events(deps, [{ uid: `session-${sessionId}@keskusvaraamo`, sessionId, cancelled: false }], locale);
  return calendar(list[0]!.session.offerTitle, list);
}

export async function bookingCalendar(
  deps: Pick<Deps, 'db' | 'config'>,
  booking: { id: string; sessionId: string; state: string },
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  const list = await events(
    deps,
    [
      {
        uid: `booking-${booking.id}@keskusvaraamo`,
        sessionId: booking.sessionId,
        cancelled: booking.state === 'CANCELLED',
      },
    ],
    locale,
  );
  return calendar(list[0]!.session.offerTitle, list);
}

/** A new secret feed URL for the user; any earlier one stops working. */
export async function createFeed(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<string> {
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await revokeFeeds(tx, userId);
    await tx.insert(calendarFeeds).values({ userId, tokenHash: hashToken(token) });
  });
  return feedUrl(deps, token);
}

export const feedUrl = (deps: Pick<Deps, 'config'>, token: string) => `${deps.config.publicUrl}/calendar/${token}.ics`;

export async function revokeFeeds(db: Database, userId: string): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
}

export async function hasFeed(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return !!row;
}

/** The feed for a token: the user's confirmed and offered bookings; null for an unknown or revoked token. */
export async function feedCalendar(deps: Pick<Deps, 'db' | 'config'>, token: string): Promise<string | null> {
  const [feed] = await deps.db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;
  const rows = await deps.db
    .select({ id: bookings.id, sessionId: bookings.sessionId, state: bookings.state })
    .from(bookings)
    .where(and(eq(bookings.bookedBy, feed.userId), inArray(bookings.state, ['CONFIRMED', 'OFFERED', 'CANCELLED'])));
  const list = await events(
    deps,
    rows.map((b) => ({
      uid: `booking-${b.id}@keskusvaraamo`,
      sessionId: b.sessionId,
      cancelled: b.state === 'CANCELLED',
    })),
    feed.locale,
  );
  return calendar('Osaamisen keskusvaraamo', list);
}
