import { NotificationBell } from '../../features/notifications';
import type { SessionUser } from '../../shared/session';
import { UserMenu } from './UserMenu';

/** The header's tools for a signed-in person: the notification bell and the user menu. */
export function SignedInTools({ user }: { user: SessionUser }) {
  return (
    <>
      <NotificationBell />
      <UserMenu user={user} />
    </>
  );
}
