/**
 * Who may do what with accounts. Each rule is one line over plain data; resolvers and use cases
 * ask here (policy.test.ts holds the table).
 */
import type { UserRole } from '@keskusvaraamo/shared';
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const accountPolicy = {
  /** The admin's user list: every account, with addresses. */
  listUsers: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
  setRoles: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
  /** An admin who removed their own admin role could leave the service with no admin at all. */
  keepsOwnAdmin: (viewer: Pick<Viewer, 'id'>, change: { userId: string; roles: readonly UserRole[] }) =>
    change.userId !== viewer.id || change.roles.includes('ADMIN'),
  /** Deactivating and reactivating accounts: admins only. */
  deactivate: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
  /** An admin who deactivated themselves would be locked out at once (and could leave no admin). */
  deactivatesAnother: (viewer: Pick<Viewer, 'id'>, userId: string) => userId !== viewer.id,
  /** What an account's state allows: an erased one is gone for good; each change goes one way. */
  mayDeactivate: (account: AccountState) => !account.anonymised && !account.deactivated,
  mayReactivate: (account: AccountState) => !account.anonymised && account.deactivated,
  /** Whether an account may be given a session (sign-in, refresh, a confirmation link). */
  maySignIn: (account: AccountState) => !account.anonymised && !account.deactivated,
};

/** An account's state as the rules above read it. */
export interface AccountState {
  deactivated: boolean;
  anonymised: boolean;
}
