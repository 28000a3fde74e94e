import {
  municipalityName,
  NOTIFICATION_TYPES,
  SESSION_CHANGE_FIELDS,
  type Locale,
  type NotificationType,
  type SessionChangeField,
} from '@keskusvaraamo/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/i18n';
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
  if (notification.reason) parts.push(t('notifications.reason', { reason: notification.reason }));
  return { text: parts.filter(Boolean).join(' '), quote: notification.excerpt };
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
