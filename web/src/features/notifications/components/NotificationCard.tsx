import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters, useLocale } from '../../../shared/i18n';
import type { NotificationItem } from '../operations';
import { describeChanges, describeNotification, notificationPath } from './notificationText';

interface NotificationCardProps {
  notification: NotificationItem;
  /** Read here already, though the list was loaded before. */
  readHere?: boolean;
  /** The reader follows an unread notification to its page. */
  onOpen?: (notification: NotificationItem) => void;
  /** The reader marks an unread notification without a page read. */
  onMarkRead?: (notification: NotificationItem) => void;
}

/**
 * One notification in the reader's words. An unread one says so in text (a badge, and "Unread:"
 * at the start of its name for screen readers), in bold and with a bar at its side: never by
 * colour alone. Opening its page marks it read; one without a page has a button for that.
 */
export function NotificationCard({ notification, readHere = false, onOpen, onMarkRead }: NotificationCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const { text, quote } = describeNotification(notification, t, locale);
  const changes = describeChanges(notification, t, locale);
  const unread = notification.readAt === null && !readHere;
  const path = notificationPath(notification);
  const textId = `notification-${notification.id}`;
  const content = (
    <>
      {unread ? <span className="visually-hidden">{t('notifications.page.unread')}:</span> : null}
      {unread ? ' ' : null}
      {text}
    </>
  );
  return (
    <li className={unread ? 'card notification notification--unread' : 'card notification'}>
      <p className="notification__meta">
        {unread ? (
          <span className="badge badge--info" aria-hidden="true">
            {t('notifications.page.unread')}
          </span>
        ) : null}
        <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
      </p>
      <p className="notification__text" id={textId} tabIndex={-1}>
        {path ? (
          <Link to={path} onClick={() => (unread ? onOpen?.(notification) : undefined)}>
            {content}
          </Link>
        ) : (
          content
        )}
      </p>
      {changes.length ? (
        <ul className="notification__changes" aria-label={t('notifications.changes.label')}>
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {quote ? <blockquote className="notification__quote">{quote}</blockquote> : null}
      {unread && !path ? (
        <div className="button-row">
          <Button
            className="button button--secondary"
            aria-describedby={textId}
            onPress={() => onMarkRead?.(notification)}
          >
            {t('notifications.page.markRead')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
