import {
  municipalityName,
  NOTIFICATION_TYPES,
  SESSION_CHANGE_FIELDS,
  type Locale,
  type NotificationType,
  type SessionChangeField,
} from '@keskusvaraamo/shared';
import type { TFunction } from 'i18next';
import { formatDateTime, formatDayRange, formatTimeRange, helsinkiToday } from '../../../shared/i18n';
import { safeReturnTo } from '../../../shared/utils/returnTo';
import type { NotificationChange, NotificationItem } from '../operations';

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export interface NotificationWording {
  /** The whole sentence in the reader's language, with the reason when one was given. */
  text: string;
  /** Words quoted as they were written (the start of a message), shown apart from the sentence. */
  quote: string | null;
}

/**
 * A notification worded for the reader from its type and fields: one sentence per type, with the
 * subject, the actor, the start time in Helsinki and the count put in. A type this version of the
 * app does not know yet is still shown, plainly.
 */
export function describeNotification(
  notification: NotificationItem,
  t: TFunction<'translation'>,
  locale: Locale,
): NotificationWording {
  const values = {
    subject: notification.subject ?? t('notifications.untitled'),
    actor: notification.actor ?? t('notifications.someone'),
    startsAt: notification.startsAt ? formatDateTime(notification.startsAt, locale) : '',
    ...(notification.count === null ? {} : { count: notification.count }),
  };
  const sentence = isNotificationType(notification.type)
    ? t(`notifications.types.${notification.type}`, values)
    : t('notifications.types.unknown', values);
  const parts = [sentence];
  // What applies to the reader (their booking's state), or what kind of move or cancellation it was.
  if (notification.event && isNotificationType(notification.type)) {
    parts.push(
      t(`notifications.events.${notification.type}.${notification.event}`, {
        defaultValue: '',
        minimum: notification.minimum ?? '',
        decisionAt: notification.decisionAt ? formatDateTime(notification.decisionAt, locale) : '',
        // A match's seats held: how many (plural forms) and until when.
        ...(notification.type === 'MATCH_MADE' && notification.count !== null
          ? {
              count: notification.count,
              offeredUntil: notification.offeredUntil ? formatDateTime(notification.offeredUntil, locale) : '',
            }
          : {}),
      }),
    );
  }
  const place = [
    notification.place,
    notification.municipalityCode ? municipalityName(notification.municipalityCode, locale) : null,
  ]
    .filter(Boolean)
    .join(', ');
  if (place && notification.type.endsWith('SESSION_CANCELLED')) parts.push(t('notifications.place', { place }));
  if (notification.type === 'BOOKING_OFFER_EXPIRING' && notification.offeredUntil) {
    parts.push(t('notifications.claimBy', { offeredUntil: formatDateTime(notification.offeredUntil, locale) }));
  }
  if (notification.type === 'WEEKLY_SUMMARY' && notification.summary) {
    parts.push(t('notifications.summary.queue', { count: notification.summary.queueCount }));
  }
  if (notification.reason) parts.push(t('notifications.reason', { reason: notification.reason }));
  const quote =
    notification.type === 'SESSION_MESSAGE' ? (notification.message ?? notification.excerpt) : notification.excerpt;
  return { text: parts.filter(Boolean).join(' '), quote: quote || null };
}

/** A web address to link off the site: only https (what the server sends; anything else stays text or is left out). */
export function httpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

export interface SessionDetails {
  /** "Time: Mon 14.12.2026 9.00–15.00" in Helsinki, when the end is known. */
  time: string | null;
  /** "Place: Jokiväylä 11, Rovaniemi", the municipality by name in the reader's language. */
  place: string | null;
  onlineUrl: string | null;
  /** The map of the place, an https address only. */
  mapUrl: string | null;
}

/** A reminded session's time, place, online link and map (SESSION_REMINDER); null for other types. */
export function describeSession(
  notification: NotificationItem,
  t: TFunction<'translation'>,
  locale: Locale,
): SessionDetails | null {
  if (notification.type !== 'SESSION_REMINDER') return null;
  const where = [
    notification.place,
    notification.municipalityCode ? municipalityName(notification.municipalityCode, locale) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const { startsAt, endsAt } = notification;
  return {
    time:
      startsAt && endsAt ? t('notifications.details.time', { time: formatTimeRange(startsAt, endsAt, locale) }) : null,
    place: where ? t('notifications.details.place', { place: where }) : null,
    onlineUrl: httpsUrl(notification.onlineUrl),
    mapUrl: httpsUrl(notification.mapUrl),
  };
}

export interface SummaryWording {
  /** The week and its figures, a line each. */
  figures: string[];
  /** The longest-waiting needs, each with its page and how long it has waited. */
  oldest: { id: string; title: string; path: string; waiting: string }[];
}

const DAY_MS = 24 * 3600 * 1000;

/** The coordinators' weekly summary as lines and links (WEEKLY_SUMMARY); null for other types or without figures. */
export function describeSummary(
  notification: NotificationItem,
  t: TFunction<'translation'>,
  locale: Locale,
): SummaryWording | null {
  const summary = notification.type === 'WEEKLY_SUMMARY' ? notification.summary : null;
  if (!summary) return null;
  // The seven days before the summary's time, Monday morning: Monday to Sunday.
  const end = Date.parse(summary.weekEnd);
  const week = Number.isNaN(end)
    ? null
    : formatDayRange(helsinkiToday(new Date(end - 7 * DAY_MS)), helsinkiToday(new Date(end - DAY_MS)), locale);
  return {
    figures: [
      ...(week ? [t('notifications.summary.week', { week })] : []),
      t('notifications.summary.openProposals', { number: summary.openProposals }),
      t('notifications.summary.newNeeds', { number: summary.newNeeds }),
      t('notifications.summary.matchesMade', { number: summary.matchesMade }),
    ],
    oldest: summary.oldest.map((need) => ({
      id: need.needId,
      title: need.title,
      path: `/needs/${encodeURIComponent(need.needId)}`,
      waiting: t('notifications.summary.daysWaiting', { count: need.daysWaiting }),
    })),
  };
}

/**
 * A session's changes as lines for the reader ("Place: Rovaniemi → Kittilä"), times in Helsinki,
 * municipalities by name in the reader's language; an unknown field is left out.
 */
export function describeChanges(
  notification: Pick<NotificationItem, 'changes'>,
  t: TFunction<'translation'>,
  locale: Locale,
): string[] {
  const known = new Set<string>(SESSION_CHANGE_FIELDS);
  const value = (field: string, v: string | null) => {
    if (!v) return t('notifications.changes.none');
    if (field === 'STARTS_AT' || field === 'ENDS_AT') return formatDateTime(v, locale);
    if (field === 'MUNICIPALITY') return municipalityName(v, locale);
    return v;
  };
  return (notification.changes ?? [])
    .filter((c): c is NotificationChange & { field: SessionChangeField } => known.has(c.field))
    .map((c) =>
      t('notifications.changes.change', {
        field: t(`notifications.changes.${c.field}`),
        before: value(c.field, c.before),
        after: value(c.field, c.after),
      }),
    );
}

/** Where a notification leads, when that is a page of this site (the data is the server's, but a path is checked anyway). */
export function notificationPath(notification: Pick<NotificationItem, 'path'>): string | null {
  return safeReturnTo(notification.path);
}
