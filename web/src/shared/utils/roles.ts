import type { UserRole } from '@keskusvaraamo/shared';
import type { SessionUser } from '../session/types';

/** For showing or hiding UI only: the server decides what each user may actually do. */
export function hasRole(user: SessionUser | null, role: UserRole): boolean {
  return user?.roles.includes(role) ?? false;
}
