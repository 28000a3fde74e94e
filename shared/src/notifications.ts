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
  'SESSION_CANCELLED',
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
  SESSION_CANCELLED: 'EMAIL',
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
};

/** Groups for the preferences page, in the order shown. */
export const NOTIFICATION_GROUPS: Record<
  'BOOKINGS' | 'APPLICATIONS' | 'PROPOSALS' | 'ORGANISATIONS' | 'MESSAGES' | 'SEARCHES',
  NotificationType[]
> = {
  BOOKINGS: [
    'BOOKING_CONFIRMED',
    'BOOKING_WAITLISTED',
    'BOOKING_OFFERED',
    'BOOKING_PROMOTED',
    'BOOKING_CANCELLED',
    'BOOKING_CLAIM_EXPIRED',
    'SESSION_CANCELLED',
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
  MESSAGES: ['MESSAGE_RECEIVED'],
  SEARCHES: ['SAVED_SEARCH_RESULTS'],
};

/** Groups only some roles receive, shown on the preferences page to those roles only; others are for everyone. */
export const NOTIFICATION_GROUP_ROLES: Partial<Record<keyof typeof NOTIFICATION_GROUPS, readonly UserRole[]>> = {
  ORGANISATIONS: ['COORDINATOR'],
};
