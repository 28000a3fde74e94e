import type { UserRole } from '@keskusvaraamo/shared';

/** The signed-in user as every policy sees them. */
export interface Viewer {
  id: string;
  email: string;
  roles: UserRole[];
  emailVerified: boolean;
}

export const hasRole = (viewer: Viewer | null, role: UserRole): boolean => !!viewer && viewer.roles.includes(role);

/** Cluster staff see everything. */
export const isStaff = (viewer: Viewer | null): boolean => hasRole(viewer, 'COORDINATOR') || hasRole(viewer, 'ADMIN');
