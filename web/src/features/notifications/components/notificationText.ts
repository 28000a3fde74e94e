import { NOTIFICATION_TYPES, type Locale, type NotificationType } from '@keskusvaraamo/shared';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/i18n';
import { safeReturnTo } from '../../../shared/utils/returnTo';
import type { NotificationItem } from '../operations';

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
  const text = notification.reason
    ? `${sentence} ${t('notifications.reason', { reason: notification.reason })}`
    : sentence;
  return { text, quote: notification.excerpt };
}

/** Where a notification leads, when that is a page of this site (the data is the server's, but a path is checked anyway). */
export function notificationPath(notification: Pick<NotificationItem, 'path'>): string | null {
  return safeReturnTo(notification.path);
}
