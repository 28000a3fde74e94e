/**
 * Input schemas shared by the server (which enforces them) and the web forms (which show the
 * same messages early). Every message is a translation key under `validation.` in the web locales.
 */
import { z } from 'zod';
import { isValidBusinessId, normaliseBusinessId } from './businessId.js';
import { isMunicipalityCode } from './municipalities.js';
import { LOCALES, MEMBERSHIP_ROLES, ORGANISATION_KINDS, SELF_SERVICE_ROLES, USER_ROLES } from './roles.js';
import { optionalMultiLineText, optionalSingleLineText, singleLineText } from './text.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** The server refuses the most common and breached passwords with this message (it holds the list). */
export const PASSWORD_COMMON_MESSAGE = 'validation.passwordCommon';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .pipe(z.email({ error: 'validation.email' }));

const password = z
  .string()
  .min(PASSWORD_MIN, { error: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX, { error: 'validation.passwordTooLong' });

export const localeSchema = z.enum(LOCALES, { error: 'validation.choice' });

export const signUpSchema = z.object({
  email,
  password,
  displayName: singleLineText(100),
  role: z.enum(SELF_SERVICE_ROLES, { error: 'validation.choice' }),
  locale: localeSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, { error: 'validation.required' }).max(PASSWORD_MAX, { error: 'validation.tooLong' }),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z
    .string()
    .min(1, { error: 'validation.required' })
    .max(PASSWORD_MAX, { error: 'validation.tooLong' }),
  newPassword: password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const requestPasswordResetSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: singleLineText(200),
  newPassword: password,
});

export const updateProfileSchema = z.object({
  displayName: singleLineText(100),
  locale: localeSchema,
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const setUserRolesSchema = z.object({
  userId: z.uuid({ error: 'validation.id' }),
  roles: z.array(z.enum(USER_ROLES, { error: 'validation.choice' })).max(USER_ROLES.length),
});

export const organisationSchema = z
  .object({
    name: singleLineText(200),
    kind: z.enum(ORGANISATION_KINDS, { error: 'validation.choice' }),
    businessId: optionalSingleLineText(9),
    municipalityCode: optionalSingleLineText(3).refine((v) => v === null || isMunicipalityCode(v), {
      error: 'validation.municipality',
    }),
    website: optionalSingleLineText(300).refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), {
      error: 'validation.url',
    }),
    description: optionalMultiLineText(2000),
  })
  .superRefine((org, ctx) => {
    if (org.businessId !== null && !isValidBusinessId(org.businessId)) {
      ctx.addIssue({ code: 'custom', path: ['businessId'], message: 'validation.businessId' });
    }
    if (org.kind === 'COMPANY' && org.businessId === null) {
      ctx.addIssue({ code: 'custom', path: ['businessId'], message: 'validation.businessIdRequired' });
    }
  })
  .transform((org) => ({
    ...org,
    businessId: org.businessId === null ? null : normaliseBusinessId(org.businessId),
  }));
export type OrganisationInput = z.input<typeof organisationSchema>;
export type Organisation = z.output<typeof organisationSchema>;

export const inviteMemberSchema = z.object({
  email,
  role: z.enum(MEMBERSHIP_ROLES, { error: 'validation.choice' }),
});
