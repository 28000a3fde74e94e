import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../../shared/session';
import { useNotifications } from '../../notifications';
import { UnreadMessageCountQuery } from '../operations';

/** How often the count is looked at again while the tab is visible, in milliseconds. */
const POLL_MS = 60_000;

/**
 * The signed-in user's unread messages in all their conversations; null until known (and for a
 * visitor). Reading or writing in a thread loads it again (their results name a Conversation or a
 * Message), as does a pushed message notification.
 */
export function useUnreadMessageCount(): number | null {
  const { user } = useSession();
  const context = useMemo(() => ({ additionalTypenames: ['Conversation', 'Message'] }), []);
  const [{ data }, reexecute] = useQuery({
    query: UnreadMessageCountQuery,
    variables: {},
    context,
    pause: !user,
    requestPolicy: 'cache-and-network',
  });
  const { arrival } = useNotifications();

  useEffect(() => {
    if (user && arrival?.notification.type === 'MESSAGE_RECEIVED') reexecute({ requestPolicy: 'network-only' });
  }, [arrival, user, reexecute]);
  useEffect(() => {
    if (!user) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [user, reexecute]);

  return user ? (data?.unreadMessageCount ?? null) : null;
}
