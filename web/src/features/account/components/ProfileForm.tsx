import { zodResolver } from '@hookform/resolvers/zod';
import { LOCALES, updateProfileSchema } from '@keskusvaraamo/shared';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary, FormSelect, FormTextField, useSubmitError } from '../../../shared/forms';
import { LOCALE_NAMES } from '../../../shared/i18n';
import { useSession, type SessionUser } from '../../../shared/session';
import { StatusMessage } from '../../../shared/ui';
import { UpdateProfileMutation } from '../operations';

const LOCALE_OPTIONS = LOCALES.map((locale) => ({ id: locale, label: LOCALE_NAMES[locale], lang: locale }));

export function ProfileForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { updateUser } = useSession();
  const form = useForm({
    resolver: zodResolver(updateProfileSchema),
    defaultValues: { displayName: user.displayName, locale: user.locale },
  });
  const submission = useSubmitError(form);
  const [saved, setSaved] = useState(false);
  const [, updateProfile] = useMutation(UpdateProfileMutation);

  // The header's language switcher also saves the account's language; follow it unless edited here.
  const { getFieldState, setValue } = form;
  useEffect(() => {
    if (!getFieldState('locale').isDirty) setValue('locale', user.locale);
  }, [user.locale, getFieldState, setValue]);

  const onSubmit = form.handleSubmit(async (values) => {
    submission.clear();
    setSaved(false);
    const result = await updateProfile({ input: values });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      const updated = result.data.updateProfile;
      updateUser(updated);
      form.reset({ displayName: updated.displayName, locale: updated.locale });
      setSaved(true);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile.heading')}</h2>
      <FormErrorSummary submission={submission} />
      <StatusMessage>{saved ? t('account.profile.saved') : null}</StatusMessage>
      <FormTextField
        control={form.control}
        name="displayName"
        label={t('fields.displayName')}
        autoComplete="name"
        isRequired
      />
      <FormSelect
        control={form.control}
        name="locale"
        label={t('account.profile.locale')}
        description={t('account.profile.localeHint')}
        options={LOCALE_OPTIONS}
        isRequired
      />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
