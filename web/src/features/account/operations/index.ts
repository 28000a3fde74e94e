import type { ChangePasswordInput, Locale, UpdateProfileInput } from '@keskusvaraamo/shared';
import { useCallback, useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import { gql } from '../../../shared/graphql/document';
import { SESSION_USER_FIELDS, useSession, type AuthPayload, type SessionUser } from '../../../shared/session';

export const UpdateProfileMutation = gql<{ updateProfile: SessionUser }, { input: UpdateProfileInput }>(
  `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { ${SESSION_USER_FIELDS} } }`,
);

export const RequestEmailVerificationMutation = gql<{ requestEmailVerification: boolean }, Record<string, never>>(
  `mutation RequestEmailVerification { requestEmailVerification }`,
);

export const ChangePasswordMutation = gql<{ changePassword: AuthPayload }, { input: ChangePasswordInput }>(
  `mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken expiresIn user { ${SESSION_USER_FIELDS} } } }`,
);

/**
 * Saves a newly chosen UI language to the signed-in user's account, so that it follows them to
 * other devices. For a visitor it does nothing: the browser remembers the choice anyway.
 * Saves run one at a time and only the latest choice is sent, so that quick switching cannot
 * leave the account with an older choice than the screen.
 */
export function useSaveAccountLocale(): (locale: Locale) => Promise<void> {
  const { user, updateUser } = useSession();
  const [, updateProfile] = useMutation(UpdateProfileMutation);
  const latestUser = useRef(user);
  const wanted = useRef<Locale | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    latestUser.current = user;
  }, [user]);

  return useCallback(
    (locale: Locale) => {
      wanted.current = locale;
      const save = async () => {
        const current = latestUser.current;
        if (!current || wanted.current !== locale || current.locale === locale) return;
        const result = await updateProfile({ input: { displayName: current.displayName, locale } });
        // On failure the language still changes here; the account keeps the old one until next time.
        if (result.data) {
          latestUser.current = result.data.updateProfile;
          updateUser(result.data.updateProfile);
        }
      };
      queue.current = queue.current.then(save, save);
      return queue.current;
    },
    [updateProfile, updateUser],
  );
}
