import type { Locale, UserRole } from '@keskusvaraamo/shared';

/** The signed-in user as every policy sees them. */
export interface Viewer {
  id: string;
  email: string;
  roles: UserRole[];
  emailVerified: boolean;
  /** Loaded with the viewer for each request; absent where a use case is called directly. */
  displayName?: string;
  locale?: Locale;
}

export const hasRole = (viewer: Viewer | null, role: UserRole): boolean => !!viewer && viewer.roles.includes(role);

/** Cluster staff see everything. */
export const isStaff = (viewer: Viewer | null): boolean => hasRole(viewer, 'COORDINATOR') || hasRole(viewer, 'ADMIN');
