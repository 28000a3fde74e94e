import type { Locale } from '@keskusvaraamo/shared';
import { toHelsinki } from '../../lib/helsinki.js';
import type { courseSessions, offers } from './tables.js';

export function presentOffer(row: typeof offers.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    organisationId: row.organisationId,
    title: row.title,
    description: row.description,
    language: row.language as Locale,
    topics: row.topics,
    municipalityCode: row.municipalityCode,
    online: row.online,
    languages: row.languages as Locale[],
    claimWindowHours: row.claimWindowHours,
    reminderHours: row.reminderHours,
    studentCount: row.studentCount,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    placementKinds: row.placementKinds,
    studyLevel: row.studyLevel,
    fieldOfStudy: row.fieldOfStudy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type OfferDto = ReturnType<typeof presentOffer>;

export function presentSession(row: typeof courseSessions.$inferSelect, now: Date = new Date()) {
  return {
    id: row.id,
    offerId: row.offerId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationDeadline: row.registrationDeadline.toISOString(),
    startsAtLocal: toHelsinki(row.startsAt),
    endsAtLocal: toHelsinki(row.endsAt),
    registrationDeadlineLocal: toHelsinki(row.registrationDeadline),
    place: row.place,
    municipalityCode: row.municipalityCode,
    onlineUrl: row.onlineUrl,
    seats: row.seats,
    seatsTaken: row.seatsTaken,
    seatsFree: row.seats - row.seatsTaken,
    /** What one booker may hold; never more than the seats. */
    maxSeatsPerBooker: Math.min(row.maxSeatsPerBooker, row.seats),
    priceCents: row.priceCents,
    language: row.language as Locale,
    cancellationDeadline: (row.cancellationDeadline ?? row.startsAt).toISOString(),
    cancellationDeadlineLocal: row.cancellationDeadline ? toHelsinki(row.cancellationDeadline) : null,
    minParticipants: row.minParticipants,
    decisionAt: row.decisionAt?.toISOString() ?? null,
    decisionAtLocal: row.decisionAt ? toHelsinki(row.decisionAt) : null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    takingRegistrations: row.cancelledAt === null && row.registrationDeadline > now,
  };
}
export type SessionDto = ReturnType<typeof presentSession>;
