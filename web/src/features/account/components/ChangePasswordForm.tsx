import { zodResolver } from '@hookform/resolvers/zod';
import { changePasswordSchema } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { StatusMessage } from '../../../shared/ui';
import { ChangePasswordMutation } from '../operations';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { signIn, user } = useSession();
  const form = useForm({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const submission = useSubmitError(form);
  const [changed, setChanged] = useState(false);
  const [, changePassword] = useMutation(ChangePasswordMutation);

  const onSubmit = form.handleSubmit(async (values) => {
    submission.clear();
    setChanged(false);
    const result = await changePassword({ input: values });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      // The server ended every other session and gave this one a new token.
      signIn(result.data.changePassword);
      form.reset();
      setChanged(true);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.password.heading')}</h2>
      <FormErrorSummary submission={submission} />
      <StatusMessage>{changed ? t('account.password.changed') : null}</StatusMessage>
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
      <FormTextField
        control={form.control}
        name="currentPassword"
        type="password"
        label={t('fields.currentPassword')}
        autoComplete="current-password"
        isRequired
      />
      <FormTextField
        control={form.control}
        name="newPassword"
        type="password"
        label={t('fields.newPassword')}
        description={t('fields.passwordHint')}
        autoComplete="new-password"
        isRequired
      />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('account.password.submit')}
        </Button>
      </div>
    </form>
  );
}
