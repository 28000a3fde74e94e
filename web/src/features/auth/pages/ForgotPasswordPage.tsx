import { zodResolver } from '@hookform/resolvers/zod';
import { requestPasswordResetSchema } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { Page, StatusMessage } from '../../../shared/ui';
import { RequestPasswordResetMutation } from '../operations';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(requestPasswordResetSchema), defaultValues: { email: '' } });
  const submission = useSubmitError(form);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [, requestReset] = useMutation(RequestPasswordResetMutation);

  const onSubmit = form.handleSubmit(async ({ email }) => {
    submission.clear();
    setSentTo(null);
    const result = await requestReset({ email });
    // The answer is the same whether or not the address has an account, so it reveals nothing.
    if (result.error) submission.report(result.error);
    else setSentTo(email);
  });

  return (
    <Page title={t('forgotPassword.title')} lead={t('forgotPassword.lead')} className="page--narrow">
      <form className="form card" noValidate onSubmit={onSubmit}>
        <FormErrorSummary submission={submission} />
        <StatusMessage>{sentTo ? t('forgotPassword.sent', { email: sentTo }) : null}</StatusMessage>
        <FormTextField
          control={form.control}
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          inputMode="email"
          isRequired
        />
        <div className="form__actions">
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('forgotPassword.submit')}
          </Button>
          <Link to="/sign-in">{t('forgotPassword.backToSignIn')}</Link>
        </div>
      </form>
    </Page>
  );
}
