import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useClient } from 'urql';
import { useLiveConnection } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { NotificationsChangedSubscription, UnreadNotificationCountQuery, type NotificationItem } from '../operations';

export interface NotificationArrival {
  notification: NotificationItem;
  /** Grows with each arrival, so that two alike in wording are still two. */
  serial: number;
}

export interface NotificationsContextValue {
  /** The signed-in user's unread notifications; null until known (and for a visitor). */
  unreadCount: number | null;
  /** The newest notification pushed while the app is open. */
  arrival: NotificationArrival | null;
  /** Takes the unread count the server answered to marking notifications read. */
  setUnreadCount: (count: number) => void;
}

const NotificationsContext = createContext<NotificationsContextValue>({
  unreadCount: null,
  arrival: null,
  setUnreadCount: () => undefined,
});

interface LiveState {
  userId: string | null;
  unreadCount: number | null;
  arrival: NotificationArrival | null;
}

/** The state if it is this user's; else a fresh one, so that nothing of the previous user's stays. */
function stateOf(state: LiveState, userId: string | null): LiveState {
  return state.userId === userId ? state : { userId, unreadCount: null, arrival: null };
}

/**
 * The signed-in user's unread count, kept live: loaded once, then updated by every push of the
 * `notificationsChanged` subscription and by marking notifications read. After the live connection
 * was broken it is loaded again, as pushes may have been missed meanwhile.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const userId = user?.id ?? null;
  const client = useClient();
  const live = useLiveConnection();
  const [state, setState] = useState<LiveState>({ userId, unreadCount: null, arrival: null });
  const current = stateOf(state, userId);
  // A count loaded before a newer one arrived (pushed, or answered to marking read) is out of date.
  const changes = useRef(0);

  const loadCount = useCallback(() => {
    const asked = changes.current;
    void client
      .query(UnreadNotificationCountQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        const count = result.data?.unreadNotificationCount;
        if (count === undefined || changes.current !== asked) return;
        setState((previous) => ({ ...stateOf(previous, userId), unreadCount: count }));
      });
  }, [client, userId]);

  useEffect(() => {
    if (!userId) return;
    loadCount();
    const subscription = client.subscription(NotificationsChangedSubscription, {}).subscribe((result) => {
      const changed = result.data?.notificationsChanged;
      if (!changed) return;
      changes.current += 1;
      setState((previous) => {
        const base = stateOf(previous, userId);
        const latest = changed.latest;
        const isNew = latest && !latest.readAt && latest.id !== base.arrival?.notification.id;
        return {
          ...base,
          unreadCount: changed.unreadCount,
          arrival: isNew ? { notification: latest, serial: (base.arrival?.serial ?? 0) + 1 } : base.arrival,
        };
      });
    });
    const stopReloading = live?.onReconnect(loadCount);
    return () => {
      subscription.unsubscribe();
      stopReloading?.();
    };
  }, [client, live, userId, loadCount]);

  const setUnreadCount = useCallback(
    (count: number) => {
      changes.current += 1;
      setState((previous) => ({ ...stateOf(previous, userId), unreadCount: count }));
    },
    [userId],
  );

  const value = useMemo<NotificationsContextValue>(
    () => ({ unreadCount: current.unreadCount, arrival: current.arrival, setUnreadCount }),
    [current.unreadCount, current.arrival, setUnreadCount],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsContextValue {
  return useContext(NotificationsContext);
}
