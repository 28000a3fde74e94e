import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters, useLocale } from '../../../shared/i18n';
import type { NotificationItem } from '../operations';
import { Linkified } from './linkify';
import {
  describeChanges,
  describeNotification,
  describeSession,
  describeSummary,
  notificationPath,
} from './notificationText';

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
  const session = describeSession(notification, t, locale);
  const summary = describeSummary(notification, t, locale);
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
      {session && (session.time || session.place || session.onlineUrl) ? (
        <ul className="notification__changes" aria-label={t('notifications.details.label')}>
          {session.time ? <li>{session.time}</li> : null}
          {session.place ? (
            <li>
              {session.place}
              {session.mapUrl ? (
                <>
                  {' – '}
                  <ExternalLink href={session.mapUrl}>{t('notifications.details.map')}</ExternalLink>
                </>
              ) : null}
            </li>
          ) : null}
          {session.onlineUrl ? (
            <li>
              {t('notifications.details.online')}:{' '}
              <ExternalLink href={session.onlineUrl}>{session.onlineUrl}</ExternalLink>
            </li>
          ) : null}
        </ul>
      ) : null}
      {summary ? (
        <>
          <ul className="notification__changes" aria-label={t('notifications.summary.label')}>
            {summary.figures.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {summary.oldest.length ? (
            <ul className="notification__changes" aria-label={t('notifications.summary.oldest')}>
              {summary.oldest.map((need) => (
                <li key={need.id}>
                  <Link to={need.path}>{need.title}</Link> ({need.waiting})
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {quote ? (
        <blockquote className="notification__quote">
          {notification.type === 'SESSION_MESSAGE' ? <Linkified text={quote} /> : quote}
        </blockquote>
      ) : null}
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

/** A link off the site, in a new tab that cannot reach back to this one. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
    </a>
  );
}
