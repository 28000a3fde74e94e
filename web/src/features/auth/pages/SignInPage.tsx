import { zodResolver } from '@hookform/resolvers/zod';
import { signInSchema } from '@keskusvaraamo/shared';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui';
import { safeReturnTo, withReturnTo } from '../../../shared/utils/returnTo';
import { SignInMutation } from '../operations';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const form = useForm({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const submission = useSubmitError(form);
  const [, signIn] = useMutation(SignInMutation);

  if (session.user) return <Navigate to={returnTo ?? '/home'} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    submission.clear();
    const result = await signIn({ input: values });
    // The page stays in the language its address has: the account's language is its e-mails'.
    if (result.data) session.signIn(result.data.signIn);
    else if (result.error) submission.report(result.error);
  });

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')} className="page--narrow">
      <form className="form card" noValidate onSubmit={onSubmit}>
        <FormErrorSummary submission={submission} />
        {/* The same answer for an unknown address, a wrong password and an account not yet confirmed. */}
        {submission.error?.code === 'INVALID_CREDENTIALS' ? (
          <p className="form__note">{t('signIn.unconfirmedHelp')}</p>
        ) : null}
        {submission.error?.code === 'RATE_LIMITED' ? <p className="form__note">{t('signIn.rateLimitedHelp')}</p> : null}
        <FormTextField
          control={form.control}
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          inputMode="email"
          isRequired
        />
        <FormTextField
          control={form.control}
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          isRequired
        />
        <div className="form__actions">
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('signIn.submit')}
          </Button>
          <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
        </div>
      </form>
      <p className="page__aside">
        {t('signIn.noAccount')}{' '}
        <Link to={returnTo ? withReturnTo('/sign-up', returnTo) : '/sign-up'}>{t('signIn.signUpLink')}</Link>
      </p>
    </Page>
  );
}
