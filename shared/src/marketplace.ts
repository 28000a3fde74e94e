/**
 * The marketplace's vocabulary and input rules: needs, offers with sessions, student profiles and
 * search. The server enforces these schemas; the web forms show the same messages early.
 */
import { z } from 'zod';
import { isMunicipalityCode } from './municipalities.js';
import { LOCALES } from './roles.js';
import { multiLineText, optionalMultiLineText, optionalSingleLineText, singleLineText } from './text.js';
import { TOPICS, topicById } from './topics.js';
import {
  MAX_TOPICS,
  NEED_KINDS,
  OFFER_KINDS,
  PAY_KINDS,
  PLACEMENT_KINDS,
  STUDY_LEVELS,
  isPlacementKind,
} from './marketplaceKinds.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD names a day that exists (2026-02-30 and 2026-13-01 do not). */
function isRealDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

// One check each, so that a wrong value gets one message and the form's other checks still run.
/** A calendar date, YYYY-MM-DD, that exists. */
export const dateString = z.string({ error: 'validation.required' }).refine(isRealDate, { error: 'validation.date' });

/** A wall-clock time in Europe/Helsinki, YYYY-MM-DDTHH:mm. */
export const localDateTimeString = z
  .string({ error: 'validation.required' })
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) &&
      isRealDate(v.slice(0, 10)) &&
      Number(v.slice(11, 13)) < 24 &&
      Number(v.slice(14)) < 60,
    { error: 'validation.dateTime' },
  );

const locale = z.enum(LOCALES, { error: 'validation.choice' });
const languages = z.array(locale).min(1, { error: 'validation.languagesRequired' }).max(LOCALES.length);
const topics = z
  .array(z.string().refine((id) => topicById(id) !== undefined, { error: 'validation.topic' }))
  .min(1, { error: 'validation.topicsRequired' })
  .max(MAX_TOPICS, { error: 'validation.tooManyTopics' })
  .transform((ids) => [...new Set(ids)]);
const municipalityCode = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isMunicipalityCode(v), { error: 'validation.municipality' });
const euroCents = (max: number) =>
  z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.number' })
    .min(0, { error: 'validation.notNegative' })
    .max(max, { error: 'validation.tooLarge' });
/** A whole number of people, seats or positions: at least one, at most `max`. */
const count = (max: number) =>
  z
    .number()
    .int({ error: 'validation.number' })
    .min(1, { error: 'validation.atLeastOne' })
    .max(max, { error: 'validation.tooLarge' });
const optionalCount = (max: number) =>
  count(max)
    .nullish()
    .transform((v) => v ?? null);
const optionalCents = (max: number) =>
  euroCents(max)
    .nullish()
    .transform((v) => v ?? null);
const uuid = z.uuid({ error: 'validation.id' });

export const needSchema = z
  .object({
    kind: z.enum(NEED_KINDS, { error: 'validation.choice' }),
    organisationId: uuid.nullish().transform((v) => v ?? null),
    title: singleLineText(150),
    description: multiLineText(5000),
    language: locale,
    topics,
    municipalityCode,
    remote: z.boolean().default(false),
    periodStart: dateString,
    periodEnd: dateString,
    positions: count(500),
    payKind: z
      .enum(PAY_KINDS, { error: 'validation.choice' })
      .nullish()
      .transform((v) => v ?? null),
    /** Pay for a placement, in euro cents per month. */
    payAmountCents: optionalCents(10_000_000),
    /** Budget for a course, in euro cents in all. */
    budgetCents: optionalCents(100_000_000),
    thesisLevel: z
      .enum(STUDY_LEVELS, { error: 'validation.choice' })
      .nullish()
      .transform((v) => v ?? null),
    languages,
    applicationDeadline: dateString.nullish().transform((v) => v ?? null),
  })
  .superRefine((need, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!need.remote && need.municipalityCode === null) issue('municipalityCode', 'validation.placeOrRemote');
    if (need.periodEnd < need.periodStart) issue('periodEnd', 'validation.periodOrder');
    if (need.applicationDeadline && need.applicationDeadline > need.periodEnd) {
      issue('applicationDeadline', 'validation.deadlineAfterPeriod');
    }
    if (isPlacementKind(need.kind)) {
      if (need.payKind === null) issue('payKind', 'validation.required');
      if (need.applicationDeadline === null) issue('applicationDeadline', 'validation.required');
    }
    if (need.kind === 'THESIS' && need.thesisLevel === null) issue('thesisLevel', 'validation.required');
  })
  .transform((need) => ({
    ...need,
    // Fields that do not belong to the kind are dropped rather than stored.
    payKind: isPlacementKind(need.kind) ? need.payKind : null,
    payAmountCents: isPlacementKind(need.kind) && need.payKind === 'PAID' ? need.payAmountCents : null,
    budgetCents: need.kind === 'COURSE' ? need.budgetCents : null,
    thesisLevel: need.kind === 'THESIS' ? need.thesisLevel : null,
  }));
export type NeedInput = z.input<typeof needSchema>;
export type NeedData = z.output<typeof needSchema>;

/** How long before a session its reminder goes out: none, 2 hours, the day before, 2 days, a week. */
export const REMINDER_HOURS = [0, 2, 24, 48, 168] as const;
export const DEFAULT_REMINDER_HOURS = 24;

export const offerSchema = z
  .object({
    kind: z.enum(OFFER_KINDS, { error: 'validation.choice' }),
    organisationId: uuid,
    title: singleLineText(150),
    description: multiLineText(5000),
    language: locale,
    topics,
    municipalityCode,
    online: z.boolean().default(false),
    languages,
    /** Course: hours a freed seat is held for the first on the waitlist. */
    claimWindowHours: z
      .number()
      .int({ error: 'validation.number' })
      .min(1, { error: 'validation.atLeastOne' })
      .max(168, { error: 'validation.tooLarge' })
      .default(24),
    /**
     * Course: hours before a session that its bookers and participants are reminded of it
     * (REMINDER_HOURS; 0 sends no reminder).
     */
    reminderHours: z
      .number()
      .int({ error: 'validation.number' })
      .refine((hours) => (REMINDER_HOURS as readonly number[]).includes(hours), { error: 'validation.choice' })
      .default(DEFAULT_REMINDER_HOURS),
    /** Student pool fields. */
    studentCount: optionalCount(2000),
    periodStart: dateString.nullish().transform((v) => v ?? null),
    periodEnd: dateString.nullish().transform((v) => v ?? null),
    placementKinds: z
      .array(z.enum(PLACEMENT_KINDS, { error: 'validation.choice' }))
      .max(3)
      .default([])
      .transform((kinds) => [...new Set(kinds)]),
    studyLevel: z
      .enum(STUDY_LEVELS, { error: 'validation.choice' })
      .nullish()
      .transform((v) => v ?? null),
    fieldOfStudy: optionalSingleLineText(200),
  })
  .superRefine((offer, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!offer.online && offer.municipalityCode === null) issue('municipalityCode', 'validation.placeOrOnline');
    if (offer.kind === 'STUDENT_POOL') {
      if (offer.studentCount === null) issue('studentCount', 'validation.required');
      if (offer.periodStart === null) issue('periodStart', 'validation.required');
      if (offer.periodEnd === null) issue('periodEnd', 'validation.required');
      if (offer.placementKinds.length === 0) issue('placementKinds', 'validation.placementKindsRequired');
    }
    if (offer.periodStart && offer.periodEnd && offer.periodEnd < offer.periodStart) {
      issue('periodEnd', 'validation.periodOrder');
    }
  })
  .transform((offer) => {
    const pool = offer.kind === 'STUDENT_POOL';
    return {
      ...offer,
      studentCount: pool ? offer.studentCount : null,
      periodStart: pool ? offer.periodStart : null,
      periodEnd: pool ? offer.periodEnd : null,
      placementKinds: pool ? offer.placementKinds : [],
      studyLevel: pool ? offer.studyLevel : null,
      fieldOfStudy: pool ? offer.fieldOfStudy : null,
    };
  });
export type OfferInput = z.input<typeof offerSchema>;
export type OfferData = z.output<typeof offerSchema>;

export const sessionSchema = z
  .object({
    startsAt: localDateTimeString,
    endsAt: localDateTimeString,
    registrationDeadline: localDateTimeString,
    place: optionalSingleLineText(300),
    municipalityCode,
    onlineUrl: optionalSingleLineText(500).refine((v) => v === null || /^https:\/\/[^\s]+\.[^\s]+$/.test(v), {
      error: 'validation.httpsUrl',
    }),
    seats: count(2000),
    priceCents: euroCents(10_000_000),
    language: locale,
    /** Until when bookers may cancel; empty means until the start. */
    cancellationDeadline: localDateTimeString.nullish().transform((v) => v ?? null),
    /** The session runs only if this many seats are confirmed by the decision time. */
    minParticipants: optionalCount(2000),
    decisionAt: localDateTimeString.nullish().transform((v) => v ?? null),
    /** Seats one booker may hold on the session; omitted, DEFAULT_MAX_SEATS_PER_BOOKER (at most the seats). */
    maxSeatsPerBooker: optionalCount(2000),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.endsAt <= s.startsAt) issue('endsAt', 'validation.endBeforeStart');
    if (s.cancellationDeadline && s.cancellationDeadline > s.startsAt)
      issue('cancellationDeadline', 'validation.deadlineAfterStart');
    if (s.minParticipants !== null && s.decisionAt === null) issue('decisionAt', 'validation.required');
    if (s.minParticipants === null && s.decisionAt !== null) issue('minParticipants', 'validation.required');
    if (s.minParticipants !== null && s.minParticipants > s.seats) issue('minParticipants', 'validation.minAboveSeats');
    if (s.maxSeatsPerBooker !== null && s.maxSeatsPerBooker > s.seats)
      issue('maxSeatsPerBooker', 'validation.seatsPerBookerAboveSeats');
    if (s.decisionAt && s.decisionAt > s.startsAt) issue('decisionAt', 'validation.deadlineAfterStart');
    if (s.registrationDeadline > s.startsAt) issue('registrationDeadline', 'validation.deadlineAfterStart');
    if (s.onlineUrl === null && s.municipalityCode === null) issue('municipalityCode', 'validation.placeOrOnline');
  });
export type SessionInput = z.input<typeof sessionSchema>;
export type SessionData = z.output<typeof sessionSchema>;

export const studentProfileSchema = z
  .object({
    institutionName: singleLineText(200),
    fieldOfStudy: singleLineText(200),
    studyLevel: z.enum(STUDY_LEVELS, { error: 'validation.choice' }),
    topics: z
      .array(z.string().refine((id) => topicById(id) !== undefined, { error: 'validation.topic' }))
      .max(MAX_TOPICS, { error: 'validation.tooManyTopics' })
      .transform((ids) => [...new Set(ids)]),
    languages,
    availableFrom: dateString.nullish().transform((v) => v ?? null),
    availableTo: dateString.nullish().transform((v) => v ?? null),
    homeMunicipalityCode: municipalityCode,
    introduction: optionalMultiLineText(2000),
    discoverable: z.boolean(),
  })
  .superRefine((p, ctx) => {
    if (p.availableFrom && p.availableTo && p.availableTo < p.availableFrom) {
      ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'validation.periodOrder' });
    }
  });
export type StudentProfileInput = z.input<typeof studentProfileSchema>;
export type StudentProfileData = z.output<typeof studentProfileSchema>;

/** Parent groups and child topics of the chosen topics: a group matches its topics and vice versa. */
export function expandTopics(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const topic = topicById(id);
    if (!topic) continue;
    out.add(id);
    if (topic.parent) out.add(topic.parent);
    else for (const child of childrenOf(id)) out.add(child);
  }
  return [...out];
}

function childrenOf(groupId: string): string[] {
  return TOPICS.filter((t) => t.parent === groupId).map((t) => t.id);
}

export const BOOKING_STATES = ['CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
/** Why a booking was cancelled (`Booking.cancelReason`); the web app words each one. */
export const CANCEL_REASONS = [
  'BY_BOOKER',
  'BY_ORGANISER',
  'DECLINED',
  'CLAIM_EXPIRED',
  'SESSION_CANCELLED',
  'MINIMUM_NOT_REACHED',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const isCancelReason = (value: string | null | undefined): value is CancelReason =>
  (CANCEL_REASONS as readonly (string | null | undefined)[]).includes(value);
/** Why a session was cancelled (`CourseSession.cancelReason`): its bookings are cancelled for the same reason. */
export const SESSION_CANCEL_REASONS = ['SESSION_CANCELLED', 'MINIMUM_NOT_REACHED'] as const satisfies CancelReason[];
export type SessionCancelReason = (typeof SESSION_CANCEL_REASONS)[number];
/** What to do when fewer seats are free than asked. */
export const WHEN_SHORT = ['TAKE_AVAILABLE', 'JOIN_WAITLIST'] as const;
export type WhenShort = (typeof WHEN_SHORT)[number];
export const MAX_PARTICIPANTS_PER_BOOKING = 20;
/**
 * Seats one booker may hold on a session unless its organiser chooses otherwise (never more than
 * the session's seats): enough for a company's team, not for the whole session.
 */
export const DEFAULT_MAX_SEATS_PER_BOOKER = 10;

export const participantSchema = z.object({
  name: singleLineText(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: 'validation.required' })
    .max(254, { error: 'validation.tooLong' })
    .pipe(z.email({ error: 'validation.email' })),
});

export const bookSeatsSchema = z.object({
  sessionId: uuid,
  /** Omitted: the booker alone. */
  participants: z
    .array(participantSchema)
    .min(1, { error: 'validation.atLeastOne' })
    .max(MAX_PARTICIPANTS_PER_BOOKING, { error: 'validation.tooMany' })
    .nullish()
    .transform((v) => v ?? null),
  /** A client-made key (a UUID is fine): the same key never books twice. */
  idempotencyKey: singleLineText(100).min(8, { error: 'validation.required' }),
  whenShort: z
    .enum(WHEN_SHORT, { error: 'validation.choice' })
    .nullish()
    .transform((v) => v ?? null),
  /**
   * The COURSE need this booking answers (open or expired, posted by the booker or their company):
   * the booking is then a match made for it.
   */
  needId: uuid.nullish().transform((v) => v ?? null),
});
export type BookSeatsInput = z.input<typeof bookSeatsSchema>;
