import type { Locale, UserRole } from '@keskusvaraamo/shared';

/** The signed-in user as every auth mutation returns it. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: UserRole[];
  locale: Locale;
  emailVerified: boolean;
  createdAt: string;
}
