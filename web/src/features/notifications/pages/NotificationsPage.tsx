import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CheckboxMark } from '../../../shared/forms';
import type { AppError } from '../../../shared/graphql';
import {
  CursorPagedList,
  CursorPageItems,
  EmptyState,
  ErrorAlert,
  Page,
  StatusMessage,
  type CursorPage,
} from '../../../shared/ui';
import { useNotifications } from '../components/LiveNotifications';
import { NotificationCard } from '../components/NotificationCard';
import { useMarkNotificationsRead } from '../components/useMarkNotificationsRead';
import { NotificationsQuery, type NotificationItem } from '../operations';

const PAGE_SIZE = 20;

/**
 * The signed-in user's notifications, newest first, a page at a time. Opening one marks it read
 * and goes to its page; all can be marked read at once. A notification that arrives while the
 * page is open shows at the top (while only the first page is shown: the reader's place in a
 * longer list is kept).
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { arrival } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [reloads, setReloads] = useState(0);
  const [marking, setMarking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const read = async (notification: NotificationItem) => {
    setError(null);
    setStatus(null);
    const failure = await markRead([notification.id]);
    if (failure) {
      setError(failure);
      return;
    }
    setReadHere((previous) => new Set(previous).add(notification.id));
    setStatus(t('notifications.page.markedRead'));
  };

  const readAll = async () => {
    setError(null);
    setStatus(null);
    setMarking(true);
    try {
      const failure = await markRead();
      if (failure) {
        setError(failure);
        return;
      }
      setReloads((n) => n + 1);
      setStatus(t('notifications.page.allMarkedRead'));
    } finally {
      setMarking(false);
    }
  };

  // A notification marked read without a page to go to loses its button: its text takes focus.
  const focusAfterRead = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterRead.current;
    if (!id || !readHere.has(id)) return;
    focusAfterRead.current = null;
    document.getElementById(`notification-${id}`)?.focus();
  }, [readHere]);

  return (
    <Page title={t('notifications.page.title')} lead={t('notifications.page.lead')}>
      <div className="toolbar">
        <Checkbox
          className="checkbox"
          isSelected={unreadOnly}
          onChange={(selected) => setParams(selected ? { unread: '1' } : {}, { replace: true })}
        >
          <CheckboxMark />
          <span>{t('notifications.page.unreadOnly')}</span>
        </Checkbox>
        {/* Never disabled: a focused button that turns disabled drops the keyboard user's focus. */}
        <Button className="button button--secondary" isPending={marking} onPress={() => void readAll()}>
          {t('notifications.page.markAllRead')}
        </Button>
        <Link to="/account/notifications">{t('notifications.page.settingsLink')}</Link>
      </div>
      <ErrorAlert error={error} />
      <StatusMessage>{status}</StatusMessage>
      <CursorPagedList
        resetKey={unreadOnly ? 'unread' : 'all'}
        countText={(count) =>
          unreadOnly ? t('notifications.page.countUnread', { count }) : t('notifications.page.count', { count })
        }
        className="card-list notification-list"
        aria-label={t('notifications.page.listLabel')}
        renderPage={(page) => (
          <NotificationsPageItems
            unreadOnly={unreadOnly}
            page={page}
            reloads={reloads}
            arrivals={page.index === 0 ? (arrival?.serial ?? 0) : 0}
            followArrivals={page.pageCount === 1}
            readHere={readHere}
            onMarkRead={(notification) => {
              focusAfterRead.current = notification.id;
              void read(notification);
            }}
            // Going to its page: the mark is sent on the way (the top bar's count follows).
            onOpen={(notification) => void markRead([notification.id])}
          />
        )}
      />
    </Page>
  );
}

interface PageItemsProps {
  unreadOnly: boolean;
  page: CursorPage;
  /** Loads the page again from the server whenever this changes. */
  reloads: number;
  /** Grows with each notification pushed; loads the page again when `followArrivals`. */
  arrivals: number;
  followArrivals: boolean;
  readHere: ReadonlySet<string>;
  onMarkRead: (notification: NotificationItem) => void;
  onOpen: (notification: NotificationItem) => void;
}

function NotificationsPageItems({
  unreadOnly,
  page,
  reloads,
  arrivals,
  followArrivals,
  readHere,
  onMarkRead,
  onOpen,
}: PageItemsProps) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [result, reexecute] = useQuery({
    query: NotificationsQuery,
    variables: { unreadOnly, first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });

  const seen = useRef({ reloads, arrivals });
  useEffect(() => {
    const before = seen.current;
    seen.current = { reloads, arrivals };
    if (reloads !== before.reloads || (followArrivals && arrivals !== before.arrivals)) {
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [reloads, arrivals, followArrivals, reexecute]);

  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.notifications}
      empty={
        <li className="card">
          {unreadOnly ? (
            <EmptyState
              title={t('notifications.page.emptyUnread')}
              action={
                <Button className="button button--secondary" onPress={() => setParams({}, { replace: true })}>
                  {t('notifications.page.showAll')}
                </Button>
              }
            />
          ) : (
            <EmptyState title={t('notifications.page.empty')}>
              <p>{t('notifications.page.emptyHelp')}</p>
            </EmptyState>
          )}
        </li>
      }
      renderItem={(notification) => (
        <NotificationCard
          key={notification.id}
          notification={notification}
          readHere={readHere.has(notification.id)}
          onOpen={onOpen}
          onMarkRead={onMarkRead}
        />
      )}
    />
  );
}
