import { zodResolver } from '@hookform/resolvers/zod';
import { resetPasswordSchema } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { Page, StatusMessage } from '../../../shared/ui';
import { ResetPasswordMutation } from '../operations';

// The token comes from the link, not from the reader.
const resetFormSchema = resetPasswordSchema.omit({ token: true });

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const form = useForm({ resolver: zodResolver(resetFormSchema), defaultValues: { newPassword: '' } });
  const submission = useSubmitError(form);
  const [done, setDone] = useState(false);
  const [, resetPassword] = useMutation(ResetPasswordMutation);

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    submission.clear();
    const result = await resetPassword({ input: { token, newPassword } });
    if (result.data?.resetPassword) setDone(true);
    else if (result.error) submission.report(result.error);
  });

  if (!token || submission.error?.code === 'TOKEN_INVALID') {
    return (
      <Page title={t('resetPassword.title')} className="page--narrow">
        <div className="alert alert--error" role="alert">
          <p>{t('resetPassword.invalidLink')}</p>
        </div>
        <p>
          <Link to="/forgot-password">{t('resetPassword.requestNew')}</Link>
        </p>
      </Page>
    );
  }

  if (done) {
    return (
      <Page title={t('resetPassword.title')} className="page--narrow">
        <StatusMessage>{t('resetPassword.done')}</StatusMessage>
        <p>
          <Link to="/sign-in" className="button button--primary">
            {t('resetPassword.signIn')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('resetPassword.title')} lead={t('resetPassword.lead')} className="page--narrow">
      <form className="form card" noValidate onSubmit={onSubmit}>
        <FormErrorSummary submission={submission} />
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
            {t('resetPassword.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
