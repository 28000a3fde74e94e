/**
 * Who may read and do what in privacy: a person's own data, and what only admins may do for others.
 * Each rule is one line over plain data; policy.test.ts holds the table.
 */
import { hasRole, type Viewer } from '../../lib/viewer.js';

export const privacyPolicy = {
  /** The log of who opened a person's data: the person's own, and any person's for an admin. */
  readAccessLog: (viewer: Viewer | null, userId: string) =>
    !!viewer && (viewer.id === userId || hasRole(viewer, 'ADMIN')),
  /** The audit log (who changed whose roles, deactivated or erased whom): admins only. */
  readAuditLog: (viewer: Viewer | null) => hasRole(viewer, 'ADMIN'),
  /** What deleting an account would do: the person's own, and any person's for an admin. */
  previewErasure: (viewer: Viewer | null, userId: string) =>
    !!viewer && (viewer.id === userId || hasRole(viewer, 'ADMIN')),
  /** Anyone signed in deletes their own account (with their password). */
  deleteOwnAccount: (viewer: Viewer | null) => !!viewer,
  /** An admin erases another person on request; nobody erases themselves this way (they delete their account). */
  eraseUser: (viewer: Viewer | null, userId: string) => hasRole(viewer, 'ADMIN') && viewer!.id !== userId,
  /** Blockers stop a person's and an admin's erasure; the retention job, with nobody to ask, goes on. */
  blockedBy: (action: 'ACCOUNT_DELETED' | 'USER_ERASED' | 'ACCOUNT_EXPIRED') => action !== 'ACCOUNT_EXPIRED',
};
