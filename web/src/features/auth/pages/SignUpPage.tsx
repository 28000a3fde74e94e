import { zodResolver } from '@hookform/resolvers/zod';
import { SELF_SERVICE_ROLES, signUpSchema } from '@keskusvaraamo/shared';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormRadioGroup, FormTextField, useSubmitError } from '../../../shared/forms';
import { LOCALE_NAMES, useLocale } from '../../../shared/i18n';
import { PrivacyNoticeSentence } from '../../legal';
import { useSession } from '../../../shared/session';
import { Page, StatusMessage } from '../../../shared/ui';
import { safeReturnTo, withReturnTo } from '../../../shared/utils/returnTo';
import { SignUpMutation } from '../operations';

// The account's language is the one the reader is using now, so the form does not ask for it.
const signUpFormSchema = signUpSchema.omit({ locale: true });

export function SignUpPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const form = useForm({
    resolver: zodResolver(signUpFormSchema),
    defaultValues: { displayName: '', email: '', password: '', role: undefined },
  });
  const submission = useSubmitError(form);
  const [, signUp] = useMutation(SignUpMutation);
  // The address the confirmation link went to. The answer is the same whether or not the address
  // already had an account (its owner is e-mailed instead), so the page says the same too.
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (session.user) return <Navigate to={returnTo ?? '/home'} replace />;

  if (sentTo) {
    return (
      <Page title={t('signUp.checkEmailTitle')} className="page--narrow">
        <StatusMessage>{t('signUp.checkEmail', { email: sentTo })}</StatusMessage>
        <p>{t('signUp.checkEmailHelp')}</p>
      </Page>
    );
  }

  const onSubmit = form.handleSubmit(async (values) => {
    submission.clear();
    const result = await signUp({ input: { ...values, locale } });
    if (result.data?.signUp) setSentTo(values.email);
    else if (result.error) submission.report(result.error);
  });

  const roleOptions = SELF_SERVICE_ROLES.map((role) => ({
    id: role,
    label: t(`roles.${role}`),
    description: t(`signUp.roleDescriptions.${role}`),
  }));

  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')} className="page--narrow">
      <form className="form card" noValidate onSubmit={onSubmit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="displayName"
          label={t('fields.displayName')}
          description={t('signUp.displayNameHint')}
          autoComplete="name"
          isRequired
        />
        <FormTextField
          control={form.control}
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          inputMode="email"
          isRequired
        />
        <FormTextField
          control={form.control}
          name="password"
          type="password"
          label={t('fields.password')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          isRequired
        />
        <FormRadioGroup
          control={form.control}
          name="role"
          label={t('signUp.roleLabel')}
          options={roleOptions}
          isRequired
        />
        <p className="form__note">{t('signUp.languageNote', { language: LOCALE_NAMES[locale] })}</p>
        <PrivacyNoticeSentence className="form__note" />
        <div className="form__actions">
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      <p className="page__aside">
        {t('signUp.haveAccount')}{' '}
        <Link to={returnTo ? withReturnTo('/sign-in', returnTo) : '/sign-in'}>{t('signUp.signInLink')}</Link>
      </p>
    </Page>
  );
}
