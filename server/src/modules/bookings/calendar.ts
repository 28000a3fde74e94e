/**
 * iCalendar (RFC 5545) for bookings, sessions and a personal feed. Times are written as UTC
 * instants, which every calendar shows correctly in Europe/Helsinki on both sides of a daylight
 * saving change; the feed's secret token is stored only as its hash.
 *
 * Updates (RFC 5546): every event carries SEQUENCE, so that a calendar holding the event replaces it
 * with a newer version: the session's `calendar_sequence` (bumped when its time, place or link
 * changes and when it is cancelled), plus one step per change of the booking's own status
 * (TENTATIVE while offered or waitlisted → CONFIRMED → CANCELLED: +0, +1, +2), so the number never
 * goes down for one UID. Files that are downloaded or subscribed to (the feed) say METHOD:PUBLISH,
 * as Google's and Outlook's exports do. A file e-mailed to a booker is an iTIP message: METHOD:REQUEST
 * for a confirmed seat (with ORGANIZER, the recipient as ATTENDEE, accepted, no reply asked), so that
 * Gmail, Outlook and Apple Calendar add it and move it when a later REQUEST brings a higher
 * SEQUENCE, and METHOD:CANCEL with STATUS:CANCELLED, which they remove; the attachment's MIME
 * `method` is the same (`invitationFor`). PUBLISH would not do for e-mail: Gmail and Outlook import a
 * published event as a copy that a later message neither moves nor removes.
 */
import { DEFAULT_LOCALE, municipalityName, type BookingState, type Locale } from '@keskusvaraamo/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { users } from '../accounts/tables.js';
import { bookableSessions, type BookableSession } from '../offers/index.js';
import { courseSessions } from '../offers/tables.js';
import { bookings, calendarFeeds } from './tables.js';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

interface EventSource {
  uid: string;
  session: BookableSession;
  place: string | null;
  url: string;
  status: EventStatus;
  sequence: number;
}

/** An iTIP message's parties: the service organises, the recipient attends. */
interface Invitation {
  method: Exclude<CalendarMethod, 'PUBLISH'>;
  organizer: { name: string; email: string };
  attendee: string;
}

/** What stands in a booking's event for its state: its status and its step of SEQUENCE. */
const BOOKING_EVENT: Record<BookingState, { status: EventStatus; step: number }> = {
  WAITLISTED: { status: 'TENTATIVE', step: 0 },
  OFFERED: { status: 'TENTATIVE', step: 0 },
  CONFIRMED: { status: 'CONFIRMED', step: 1 },
  CANCELLED: { status: 'CANCELLED', step: 2 },
};

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

function calendar(name: string, events: EventSource[], invitation: Invitation | null = null) {
  const cal = ical({
    name: escapeText(name),
    prodId: { company: 'Osaamisen keskusvaraamo', product: 'keskusvaraamo', language: 'FI' },
    method: ICalCalendarMethod[invitation?.method ?? 'PUBLISH'],
  });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: e.session.startsAt,
      end: e.session.endsAt,
      summary: plainText(e.session.offerTitle),
      location: e.place === null ? null : plainText(e.place),
      url: e.url,
      status: ICalEventStatus[e.status],
      ...(invitation
        ? {
            organizer: invitation.organizer,
            attendees: [
              {
                email: invitation.attendee,
                role: ICalAttendeeRole.REQ,
                // A seat is booked, not an invitation to answer: accepted, and no reply asked.
                ...(invitation.method === 'REQUEST' ? { status: ICalAttendeeStatus.ACCEPTED } : {}),
                rsvp: false,
              },
            ],
          }
        : {}),
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
  items: { uid: string; sessionId: string; state: BookingState | null }[],
  locale: Locale,
): Promise<EventSource[]> {
  const ids = [...new Set(items.map((i) => i.sessionId))];
  const [sessions, places] = await Promise.all([bookableSessions(deps.db, ids), placesOf(deps.db, ids)]);
  return items.map((i) => {
    const session = sessions.get(i.sessionId)!;
    // A session's own event (state null) is confirmed until the session is cancelled.
    const { status, step } = i.state ? BOOKING_EVENT[i.state] : { status: 'CONFIRMED' as const, step: 0 };
    return {
      uid: i.uid,
      session,
      place: places.get(i.sessionId) ?? null,
      url: pageUrl(deps.config, locale, `/offers/${session.offerId}`),
      status: session.cancelledAt !== null ? 'CANCELLED' : status,
      sequence: session.calendarSequence + step,
    };
  });
}

export async function sessionCalendar(
  deps: Pick<Deps, 'db' | 'config'>,
  sessionId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  const list = await events(deps, [{ uid: `session-${sessionId}@keskusvaraamo`, sessionId, state: null }], locale);
  return calendar(list[0]!.session.offerTitle, list);
}

const bookingUid = (id: string) => `booking-${id}@keskusvaraamo`;
/** A named participant's seat: their own event, which their own cancellation removes. */
const participantUid = (id: string) => `participant-${id}@keskusvaraamo`;

/** A booking's event as a file to download (METHOD:PUBLISH); TENTATIVE while it waits for a seat. */
export async function bookingCalendar(
  deps: Pick<Deps, 'db' | 'config'>,
  booking: { id: string; sessionId: string; state: BookingState },
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  const list = await events(
    deps,
    [{ uid: bookingUid(booking.id), sessionId: booking.sessionId, state: booking.state }],
    locale,
  );
  return calendar(list[0]!.session.offerTitle, list);
}

/** The address in MAIL_FROM ("Name <address>" or the address alone), the invitations' ORGANIZER. */
function organizerOf(deps: Pick<Deps, 'config'>) {
  const from = deps.config.mail.from;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return { name: 'Osaamisen keskusvaraamo', email: address.trim() };
}

/**
 * The iTIP message an e-mail about a booking carries to `attendee`, with the method its MIME type
 * must name: REQUEST for a confirmed seat, CANCEL for a booking that was confirmed and no longer
 * is (it was in the calendar). Null for a seat offered or waited for: it is not the recipient's yet,
 * and no calendar should show it as booked.
 */
export async function bookingInvitation(
  deps: Pick<Deps, 'db' | 'config'>,
  booking: { id: string; sessionId: string; state: BookingState; confirmedAt: Date | null },
  locale: Locale,
  attendee: string,
  seat: { participantId: string; cancelled: boolean } | null = null,
): Promise<{ method: Invitation['method']; content: string } | null> {
  // A named participant's own event (their UID): cancelled on its own when their seat is.
  const state: BookingState = seat?.cancelled && booking.state === 'CONFIRMED' ? 'CANCELLED' : booking.state;
  const method = state === 'CONFIRMED' ? 'REQUEST' : state === 'CANCELLED' && booking.confirmedAt ? 'CANCEL' : null;
  if (!method) return null;
  const uid = seat ? participantUid(seat.participantId) : bookingUid(booking.id);
  const list = await events(deps, [{ uid, sessionId: booking.sessionId, state }], locale);
  // A confirmed booking on a session cancelled meanwhile is cancelled in the calendar too.
  const effective = list[0]!.status === 'CANCELLED' ? 'CANCEL' : method;
  return {
    method: effective,
    content: calendar(list[0]!.session.offerTitle, list, { method: effective, organizer: organizerOf(deps), attendee }),
  };
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

/** The feed for a token: the user's confirmed, offered (TENTATIVE) and cancelled bookings; null for an unknown or revoked token. */
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
    rows.map((b) => ({ uid: bookingUid(b.id), sessionId: b.sessionId, state: b.state })),
    feed.locale,
  );
  return calendar('Osaamisen keskusvaraamo', list);
}
