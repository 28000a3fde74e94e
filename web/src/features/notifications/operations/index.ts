import type { DeliveryChannel, NotificationType } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/**
 * Something that happened that the reader should know of. The app words it from `type` and the
 * fields the type fills (see notificationText). Instants are UTC ISO strings.
 */
export interface NotificationItem {
  id: string;
  /** A NotificationType, or a type this version of the app does not know yet. */
  type: string;
  /** What it is about: a course, a need, a conversation or a saved search, by name. */
  subject: string | null;
  /** Who did it: a student, a company, a message's author. */
  actor: string | null;
  startsAt: string | null;
  reason: string | null;
  excerpt: string | null;
  count: number | null;
  /** Where in the app it leads. */
  path: string | null;
  /** For a type that covers several: which (a booking's state, a waitlist move, a cancellation's reason). */
  event?: string | null;
  /** Where a session is, for a cancellation: its place's text and municipality code. */
  place?: string | null;
  municipalityCode?: string | null;
  /** A session's minimum of participants and its decision time (MINIMUM_NOT_REACHED). */
  minimum?: number | null;
  decisionAt?: string | null;
  /** What moved in a session (SESSION_CHANGED): STARTS_AT/ENDS_AT as instants, MUNICIPALITY as a code. */
  changes?: NotificationChange[];
  /** A session's end and its online link (SESSION_REMINDER). */
  endsAt?: string | null;
  onlineUrl?: string | null;
  /** A map of the session's place (SESSION_REMINDER): linked only when it is an https address. */
  mapUrl?: string | null;
  /** When a seat held for the reader passes on unless claimed (BOOKING_OFFER_EXPIRING). */
  offeredUntil?: string | null;
  /** The organiser's own words, as written (SESSION_MESSAGE). */
  message?: string | null;
  /** The coordinators' week in figures (WEEKLY_SUMMARY). */
  summary?: WeeklySummary | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationChange {
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * The brokering week before `weekEnd` (the summary's time, seven days): the queue as it stood then
 * and the week's figures. Its start is not asked for: the notifications' page is near its cost limit.
 */
export interface WeeklySummary {
  weekEnd: string;
  queueCount: number;
  /** The longest-waiting needs in the queue, the longest first. */
  oldest: { needId: string; title: string; daysWaiting: number }[];
  openProposals: number;
  newNeeds: number;
  matchesMade: number;
}

export interface NotificationPreference {
  type: NotificationType;
  channel: DeliveryChannel;
  /** No choice made: the type's default applies. */
  isDefault: boolean;
}

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string | null;
  text: string | null;
  template: string;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  attempts: number;
  lastError: string | null;
}

const NOTIFICATION = `id type subject actor startsAt reason excerpt count path event place municipalityCode minimum decisionAt changes { field before after }
  endsAt onlineUrl mapUrl offeredUntil message
  summary { weekEnd queueCount oldest { needId title daysWaiting } openProposals newNeeds matchesMade }
  createdAt readAt`;
const PREFERENCE = 'type channel isDefault';

export const NotificationsQuery = gql<
  { notifications: { nodes: NotificationItem[]; pageInfo: PageInfo; totalCount: number } },
  { unreadOnly: boolean; first: number; after?: string | null }
>(
  `query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      nodes { ${NOTIFICATION} } pageInfo { hasNextPage endCursor } totalCount
    }
  }`,
);

export const UnreadNotificationCountQuery = gql<{ unreadNotificationCount: number }, Record<string, never>>(
  `query UnreadNotificationCount { unreadNotificationCount }`,
);

/** Pushed whenever the signed-in user gets a notification. */
export const NotificationsChangedSubscription = gql<
  { notificationsChanged: { unreadCount: number; latest: NotificationItem | null } },
  Record<string, never>
>(`subscription NotificationsChanged { notificationsChanged { unreadCount latest { ${NOTIFICATION} } } }`);

/** Marks these read, or every one without ids; answers the unread count. */
export const MarkNotificationsReadMutation = gql<{ markNotificationsRead: number }, { ids?: string[] | null }>(
  `mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
);

export const NotificationPreferencesQuery = gql<
  { notificationPreferences: NotificationPreference[] },
  Record<string, never>
>(`query NotificationPreferences { notificationPreferences { ${PREFERENCE} } }`);

export const SetNotificationPreferencesMutation = gql<
  { setNotificationPreferences: NotificationPreference[] },
  { input: { type: NotificationType; channel: DeliveryChannel }[] }
>(
  `mutation SetNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    setNotificationPreferences(input: $input) { ${PREFERENCE} }
  }`,
);

/** From the link in a notification e-mail: answers the type (or DIGEST) whose e-mails stopped. */
export const UnsubscribeMutation = gql<{ unsubscribe: string }, { token: string }>(
  `mutation Unsubscribe($token: String!) { unsubscribe(token: $token) }`,
);

/** Outside production without SMTP only; NOT_FOUND elsewhere. */
export const DevMailboxQuery = gql<{ devMailbox: MailboxMessage[] }, { first: number }>(
  `query DevMailbox($first: Int) {
    devMailbox(first: $first) { id to subject text template createdAt sentAt failedAt attempts lastError }
  }`,
);
