/**
 * Notification types and how each is delivered unless the person chooses otherwise. Every type
 * shows in the app (unless OFF); EMAIL sends it at once, DIGEST gathers it into the daily e-mail.
 */
import type { UserRole } from './roles.js';

export const NOTIFICATION_TYPES = [
  'BOOKING_CONFIRMED',
  'BOOKING_WAITLISTED',
  'BOOKING_OFFERED',
  'BOOKING_PROMOTED',
  'BOOKING_CANCELLED',
  'BOOKING_CLAIM_EXPIRED',
  'BOOKING_CHANGED',
  'SESSION_CANCELLED',
  'SESSION_CHANGED',
  'SESSION_REMINDER',
  'BOOKING_OFFER_EXPIRING',
  'SESSION_MESSAGE',
  'COURSE_BOOKING_RECEIVED',
  'COURSE_BOOKING_CANCELLED',
  'COURSE_WAITLIST_CHANGED',
  'COURSE_SESSION_CANCELLED',
  'APPLICATION_RECEIVED',
  'APPLICATION_SHORTLISTED',
  'APPLICATION_OFFERED',
  'APPLICATION_REJECTED',
  'APPLICATION_ACCEPTED',
  'APPLICATION_DECLINED',
  'APPLICATION_WITHDRAWN',
  'NEED_FILLED',
  'MESSAGE_RECEIVED',
  'SAVED_SEARCH_RESULTS',
  'PROPOSAL_RECEIVED',
  'PROPOSAL_ACCEPTED',
  'PROPOSAL_DECLINED',
  'PROPOSAL_WITHDRAWN',
  'MATCH_MADE',
  'ORGANISATION_RENAMED',
  'WEEKLY_SUMMARY',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const DELIVERY_CHANNELS = ['APP', 'EMAIL', 'DIGEST', 'OFF'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** How a notification that was written is delivered: every channel but OFF (for OFF nothing is written). */
export const NOTIFICATION_CHANNELS = ['APP', 'EMAIL', 'DIGEST'] as const satisfies DeliveryChannel[];
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const DEFAULT_CHANNEL: Record<NotificationType, DeliveryChannel> = {
  BOOKING_CONFIRMED: 'EMAIL',
  BOOKING_WAITLISTED: 'EMAIL',
  BOOKING_OFFERED: 'EMAIL',
  BOOKING_PROMOTED: 'EMAIL',
  BOOKING_CANCELLED: 'EMAIL',
  BOOKING_CLAIM_EXPIRED: 'EMAIL',
  /** Someone else (a participant by their link, an organiser) cancelled or replaced one of the booking's participants. */
  BOOKING_CHANGED: 'EMAIL',
  SESSION_CANCELLED: 'EMAIL',
  /** A booked session's time, place or link changed: people travel on it, so at once. */
  SESSION_CHANGED: 'EMAIL',
  /** Before a booked session (the course's `reminderHours`), with its time, place and a map link. */
  SESSION_REMINDER: 'EMAIL',
  /** A seat held for the person lapses soon (a quarter of the claim window before, at most a day). */
  BOOKING_OFFER_EXPIRING: 'EMAIL',
  /** The organiser's message to everyone booked on a session. */
  SESSION_MESSAGE: 'EMAIL',
  // For the organising organisation's members: bookings come in many, so a daily summary unless
  // they choose otherwise; a session the service cancelled for them is told at once.
  COURSE_BOOKING_RECEIVED: 'DIGEST',
  COURSE_BOOKING_CANCELLED: 'DIGEST',
  COURSE_WAITLIST_CHANGED: 'DIGEST',
  COURSE_SESSION_CANCELLED: 'EMAIL',
  APPLICATION_RECEIVED: 'EMAIL',
  APPLICATION_SHORTLISTED: 'EMAIL',
  APPLICATION_OFFERED: 'EMAIL',
  APPLICATION_REJECTED: 'EMAIL',
  APPLICATION_ACCEPTED: 'EMAIL',
  APPLICATION_DECLINED: 'EMAIL',
  APPLICATION_WITHDRAWN: 'DIGEST',
  NEED_FILLED: 'EMAIL',
  MESSAGE_RECEIVED: 'EMAIL',
  SAVED_SEARCH_RESULTS: 'EMAIL',
  PROPOSAL_RECEIVED: 'EMAIL',
  PROPOSAL_ACCEPTED: 'EMAIL',
  PROPOSAL_DECLINED: 'EMAIL',
  PROPOSAL_WITHDRAWN: 'DIGEST',
  MATCH_MADE: 'EMAIL',
  ORGANISATION_RENAMED: 'EMAIL',
  /** Coordinators, each Monday: the brokering queue and the week's figures. */
  WEEKLY_SUMMARY: 'EMAIL',
};

/**
 * What moved in a session that people travel to (`SESSION_CHANGED`'s `changes`, each with its value
 * before and after: instants as ISO strings, a municipality by its code). Seats, price and deadlines
 * move nobody, so a change of those alone is not told.
 */
export const SESSION_CHANGE_FIELDS = ['STARTS_AT', 'ENDS_AT', 'PLACE', 'MUNICIPALITY', 'ONLINE_URL'] as const;
export type SessionChangeField = (typeof SESSION_CHANGE_FIELDS)[number];
export interface SessionChange {
  field: SessionChangeField;
  before: string | null;
  after: string | null;
}

/** What happened on a course's waitlist (`COURSE_WAITLIST_CHANGED`'s `event`), for its organisers. */
export const WAITLIST_EVENTS = [
  'JOINED',
  'OFFERED',
  'PROMOTED',
  'CLAIMED',
  'CLAIM_EXPIRED',
  'DECLINED',
  'LEFT',
] as const;
export type WaitlistEvent = (typeof WAITLIST_EVENTS)[number];

/** Groups for the preferences page, in the order shown. */
export const NOTIFICATION_GROUPS: Record<
  'BOOKINGS' | 'COURSES' | 'APPLICATIONS' | 'PROPOSALS' | 'ORGANISATIONS' | 'COORDINATION' | 'MESSAGES' | 'SEARCHES',
  NotificationType[]
> = {
  BOOKINGS: [
    'BOOKING_CONFIRMED',
    'BOOKING_WAITLISTED',
    'BOOKING_OFFERED',
    'BOOKING_PROMOTED',
    'BOOKING_CANCELLED',
    'BOOKING_CLAIM_EXPIRED',
    'BOOKING_CHANGED',
    'SESSION_CANCELLED',
    'SESSION_CHANGED',
    'SESSION_REMINDER',
    'BOOKING_OFFER_EXPIRING',
    'SESSION_MESSAGE',
  ],
  /** Educators: bookings on the sessions of their organisation's courses. */
  COURSES: [
    'COURSE_BOOKING_RECEIVED',
    'COURSE_BOOKING_CANCELLED',
    'COURSE_WAITLIST_CHANGED',
    'COURSE_SESSION_CANCELLED',
  ],
  APPLICATIONS: [
    'APPLICATION_RECEIVED',
    'APPLICATION_SHORTLISTED',
    'APPLICATION_OFFERED',
    'APPLICATION_REJECTED',
    'APPLICATION_ACCEPTED',
    'APPLICATION_DECLINED',
    'APPLICATION_WITHDRAWN',
    'NEED_FILLED',
  ],
  PROPOSALS: ['PROPOSAL_RECEIVED', 'PROPOSAL_ACCEPTED', 'PROPOSAL_DECLINED', 'PROPOSAL_WITHDRAWN', 'MATCH_MADE'],
  /** Coordinators: a verified organisation changed its name or business ID and lost its verification. */
  ORGANISATIONS: ['ORGANISATION_RENAMED'],
  /** Coordinators: the weekly summary of the brokering queue. */
  COORDINATION: ['WEEKLY_SUMMARY'],
  MESSAGES: ['MESSAGE_RECEIVED'],
  SEARCHES: ['SAVED_SEARCH_RESULTS'],
};

/** Groups only some roles receive, shown on the preferences page to those roles only; others are for everyone. */
export const NOTIFICATION_GROUP_ROLES: Partial<Record<keyof typeof NOTIFICATION_GROUPS, readonly UserRole[]>> = {
  ORGANISATIONS: ['COORDINATOR'],
  COORDINATION: ['COORDINATOR'],
  COURSES: ['EDUCATOR'],
};
