export { NotificationsProvider, useNotifications } from './components/LiveNotifications';
export { NotificationBell } from './components/NotificationBell';
export { DevMailboxPage } from './pages/DevMailboxPage';
export { NotificationPreferencesPage } from './pages/NotificationPreferencesPage';
export { NotificationsPage } from './pages/NotificationsPage';
export { UnsubscribePage } from './pages/UnsubscribePage';
