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
};
