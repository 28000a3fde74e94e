import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLocale } from '../../../shared/i18n';
import { useNotifications } from './LiveNotifications';
import { describeNotification } from './notificationText';

function BellIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2zM10 20a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The top bar's way to the notifications: a bell with the live unread count. Its name says the
 * count ("Ilmoitukset, 3 lukematonta"), and a new notification is read out politely as it arrives.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { unreadCount, arrival } = useNotifications();
  const label =
    unreadCount === null
      ? t('notifications.bell.label')
      : unreadCount === 0
        ? t('notifications.bell.labelNone')
        : t('notifications.bell.labelUnread', { count: unreadCount });
  const arrived = arrival
    ? t('notifications.bell.arrived', { text: describeNotification(arrival.notification, t, locale).text }) +
      // A screen reader reads a live region again only when its text changes: two arrivals worded
      // alike differ by an invisible space.
      (arrival.serial % 2 === 0 ? '\u00a0' : '')
    : '';
  return (
    <>
      <NavLink to="/notifications" className="notification-bell" aria-label={label}>
        <BellIcon />
        {unreadCount ? (
          <span className="notification-bell__count" aria-hidden="true">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        ) : null}
      </NavLink>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {arrived}
      </span>
    </>
  );
}
