import type { SignInInput, SignUpInput } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import { SESSION_USER_FIELDS, type AuthPayload } from '../../../shared/session';

const AUTH_PAYLOAD = `accessToken expiresIn user { ${SESSION_USER_FIELDS} }`;

/** Always answers true: the link in the e-mail confirms the address and signs in. */
export const SignUpMutation = gql<{ signUp: boolean }, { input: SignUpInput }>(
  `mutation SignUp($input: SignUpInput!) { signUp(input: $input) }`,
);

export const SignInMutation = gql<{ signIn: AuthPayload }, { input: SignInInput }>(
  `mutation SignIn($input: SignInInput!) { signIn(input: $input) { ${AUTH_PAYLOAD} } }`,
);

export const RequestPasswordResetMutation = gql<{ requestPasswordReset: boolean }, { email: string }>(
  `mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`,
);

export const ResetPasswordMutation = gql<{ resetPassword: boolean }, { input: { token: string; newPassword: string } }>(
  `mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }`,
);

/** Confirms the address and signs in. */
export const VerifyEmailMutation = gql<{ verifyEmail: AuthPayload }, { token: string }>(
  `mutation VerifyEmail($token: String!) { verifyEmail(token: $token) { ${AUTH_PAYLOAD} } }`,
);
