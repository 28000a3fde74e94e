/** What a user does in the marketplace. A user may hold several. */
export const USER_ROLES = ['ENTREPRENEUR', 'STUDENT', 'EDUCATOR', 'COORDINATOR', 'ADMIN'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles a person may pick when signing up; staff roles are granted by an admin. */
export const SELF_SERVICE_ROLES = ['ENTREPRENEUR', 'STUDENT', 'EDUCATOR'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const ORGANISATION_KINDS = ['COMPANY', 'EDUCATIONAL', 'TRAINING_BODY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const MEMBERSHIP_ROLES = ['OWNER', 'MEMBER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';

/** Which organisation kinds a user with these roles may found. */
export function organisationKindsFor(roles: readonly UserRole[]): OrganisationKind[] {
  if (roles.includes('COORDINATOR') || roles.includes('ADMIN')) return [...ORGANISATION_KINDS];
  const kinds: OrganisationKind[] = [];
  if (roles.includes('ENTREPRENEUR')) kinds.push('COMPANY');
  if (roles.includes('EDUCATOR')) kinds.push('EDUCATIONAL', 'TRAINING_BODY');
  return kinds;
}
