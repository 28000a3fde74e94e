/** GraphQL field loaders of bookings and of sessions' booking fields: one query per list, in the order asked. */
import { and, arrayContains, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { usersByIds } from '../accounts/index.js';
import { users } from '../accounts/tables.js';
import { recordDataAccess, type DataAccess } from '../audit/index.js';
import { needsByIds, type NeedDto } from '../needs/index.js';
import { bookableSessions } from '../offers/index.js';
import { userOrganisationIds } from '../organisations/index.js';
import { ACTIVE } from './commands/lifecycle.js';
import { bookingPolicy as policy } from './policy.js';
import { presentParticipant, type BookingDto, type ParticipantDto } from './presenter.js';
import { bookings, participants } from './tables.js';

/** Participants of each booking; the caller has checked that the viewer may see the booking. */
export async function participantsOf(deps: Deps, bookingIds: string[]): Promise<ParticipantDto[][]> {
  const rows = bookingIds.length
    ? await deps.db
        .select()
        .from(participants)
        .where(inArray(participants.bookingId, bookingIds))
        .orderBy(asc(participants.position))
    : [];
  return bookingIds.map((id) => rows.filter((r) => r.bookingId === id).map(presentParticipant));
}

/**
 * Participants of each booking, as `participantsOf`, with staff's read logged in the views log of
 * each student concerned: the booker when a student, and each participant whose address is a
 * student's account. One query for the students and one insert per list.
 */
export async function participantsShown(
  deps: Deps,
  viewer: Viewer | null,
  list: BookingDto[],
): Promise<ParticipantDto[][]> {
  const people = await participantsOf(
    deps,
    list.map((b) => b.id),
  );
  if (!viewer) return people;
  const logged = list
    .map((b, i) => ({ booking: b, people: people[i]! }))
    .filter((x) => policy.logParticipants(viewer, x.booking));
  if (!logged.length) return people;
  const bookerIds = [...new Set(logged.map((x) => x.booking.bookedBy))];
  const emails = [...new Set(logged.flatMap((x) => x.people.map((p) => p.email.toLowerCase())))];
  const students = await deps.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        arrayContains(users.roles, ['STUDENT']),
        or(inArray(users.id, bookerIds), emails.length ? inArray(users.email, emails) : undefined),
      ),
    );
  const byId = new Set(students.map((u) => u.id));
  const byEmail = new Map(students.map((u) => [u.email, u.id]));
  const reads = logged.flatMap(({ booking, people: named }): DataAccess[] =>
    [
      ...(byId.has(booking.bookedBy) ? [booking.bookedBy] : []),
      ...named.flatMap((p) => byEmail.get(p.email.toLowerCase()) ?? []),
    ].map((subjectUserId) => ({
      subjectUserId,
      kind: 'PARTICIPANT_DETAILS',
      source: 'PARTICIPANTS',
      objectId: booking.id,
    })),
  );
  await recordDataAccess(deps.db, viewer, reads);
  return people;
}

/** Place in the waitlist (1 = next) of each waitlisted booking; null for others. */
export async function waitlistPositions(deps: Deps, list: BookingDto[]): Promise<(number | null)[]> {
  const waiting = list.filter((b) => b.state === 'WAITLISTED');
  if (waiting.length === 0) return list.map(() => null);
  const rows = await deps.db
    .select({ id: bookings.id, sessionId: bookings.sessionId, queueNumber: bookings.queueNumber })
    .from(bookings)
    .where(
      and(inArray(bookings.sessionId, [...new Set(waiting.map((b) => b.sessionId))]), eq(bookings.state, 'WAITLISTED')),
    )
    .orderBy(asc(bookings.queueNumber));
  return list.map((b) => {
    if (b.state !== 'WAITLISTED') return null;
    return rows.filter((r) => r.sessionId === b.sessionId).findIndex((r) => r.id === b.id) + 1 || null;
  });
}

/** Whether the booker may still cancel each booking (the UI greys out the button otherwise). */
export async function bookerMayCancel(deps: Deps, viewer: Viewer | null, list: BookingDto[]): Promise<boolean[]> {
  const sessions = await bookableSessions(deps.db, [...new Set(list.map((b) => b.sessionId))]);
  const now = new Date();
  return list.map((b) => policy.bookerMayCancel(viewer, b, sessions.get(b.sessionId)!.cancellationDeadline, now));
}

/** The sessions, among these, whose participants the viewer may see: one query for their organisations. */
async function sessionsViewerOrganises(deps: Deps, viewer: Viewer, sessionIds: string[]): Promise<Set<string>> {
  const [sessions, orgIds] = await Promise.all([
    bookableSessions(deps.db, [...new Set(sessionIds)]),
    userOrganisationIds(deps.db, viewer.id),
  ]);
  const mine = new Set(orgIds);
  return new Set(
    [...sessions.values()].filter((s) => policy.seeParticipants(viewer, mine.has(s.organisationId))).map((s) => s.id),
  );
}

/** Who booked: for the organiser and staff only (null for the booker's own view, who knows). */
export async function bookersOf(deps: Deps, viewer: Viewer | null, list: BookingDto[]) {
  if (!viewer) return list.map(() => null);
  const organised = await sessionsViewerOrganises(
    deps,
    viewer,
    list.map((b) => b.sessionId),
  );
  const visible = list.filter((b) => organised.has(b.sessionId));
  const people = await usersByIds(
    deps,
    visible.map((b) => b.bookedBy),
  );
  return list.map((b) => (organised.has(b.sessionId) ? (people.get(b.bookedBy) ?? null) : null));
}

/** The need each booking answers, for its booker only (who booked for it); null for others. */
export async function needsOf(deps: Deps, viewer: Viewer | null, list: BookingDto[]): Promise<(NeedDto | null)[]> {
  const own = (b: BookingDto) => !!viewer && b.bookedBy === viewer.id && b.needId !== null;
  const found = await needsByIds(
    deps.db,
    list.filter(own).map((b) => b.needId!),
  );
  return list.map((b) => (own(b) ? (found.get(b.needId!) ?? null) : null));
}

/** Whether the viewer may book a course for each need (one query for their organisations). */
export async function mayBookForNeeds(deps: Deps, viewer: Viewer | null, list: NeedDto[]): Promise<boolean[]> {
  if (!viewer) return list.map(() => false);
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  return list.map(
    (need) =>
      policy.bookForNeed(viewer, need, need.organisationId !== null && orgIds.has(need.organisationId)) === 'ALLOWED',
  );
}

/** Waiting bookings per session, for its organisers and staff; null for others. */
export async function waitlistCounts(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const allowed = [
    ...(await sessionsViewerOrganises(
      deps,
      viewer,
      list.map((s) => s.id),
    )),
  ];
  const rows = allowed.length
    ? await deps.db
        .select({ sessionId: bookings.sessionId, n: count() })
        .from(bookings)
        .where(and(inArray(bookings.sessionId, allowed), eq(bookings.state, 'WAITLISTED')))
        .groupBy(bookings.sessionId)
    : [];
  return list.map((s) => (allowed.includes(s.id) ? (rows.find((r) => r.sessionId === s.id)?.n ?? 0) : null));
}

/** Seats the viewer holds or waits for on each session (for the booking form); null when signed out. */
export async function seatsHeldByViewer(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const ids = [...new Set(list.map((s) => s.id))];
  const rows = ids.length
    ? await deps.db
        .select({ sessionId: bookings.sessionId, seats: sql<number>`sum(${bookings.seats})::int` })
        .from(bookings)
        .where(and(inArray(bookings.sessionId, ids), eq(bookings.bookedBy, viewer.id), inArray(bookings.state, ACTIVE)))
        .groupBy(bookings.sessionId)
    : [];
  return list.map((s) => rows.find((r) => r.sessionId === s.id)?.seats ?? 0);
}
