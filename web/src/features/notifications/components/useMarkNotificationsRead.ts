import { useCallback } from 'react';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { MarkNotificationsReadMutation } from '../operations';
import { useNotifications } from './LiveNotifications';

/**
 * Marks notifications read (these, or all without ids) and passes the unread count the server
 * answers to the top bar. Resolves to the error to show, or null.
 */
export function useMarkNotificationsRead(): (ids?: string[]) => Promise<AppError | null> {
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const { setUnreadCount } = useNotifications();
  return useCallback(
    async (ids?: string[]) => {
      const result = await markRead({ ids: ids ?? null });
      if (result.data) {
        setUnreadCount(result.data.markNotificationsRead);
        return null;
      }
      return result.error ? toAppError(result.error) : { code: 'INTERNAL', fields: [] };
    },
    [markRead, setUnreadCount],
  );
}
