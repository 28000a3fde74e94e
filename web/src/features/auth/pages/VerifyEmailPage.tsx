import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { VerifyEmailMutation } from '../operations';

type Outcome = { state: 'pending' } | { state: 'verified' } | { state: 'failed'; error: AppError };

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const session = useSession();
  const { user } = session;
  const [, verifyEmail] = useMutation(VerifyEmailMutation);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'pending' });
  // A token works once: StrictMode's second effect run must not spend it again.
  const attempted = useRef<string | null>(null);

  useEffect(() => {
    // Wait until the session this browser may have is restored: a restore that ends after the
    // link signed in would otherwise sign out again.
    if (!token || session.status === 'loading' || attempted.current === token) return;
    attempted.current = token;
    void verifyEmail({ token }).then((result) => {
      if (result.data?.verifyEmail) {
        // The link confirms the address and signs in; the page keeps its address's language.
        session.signIn(result.data.verifyEmail);
        setOutcome({ state: 'verified' });
      } else
        setOutcome({
          state: 'failed',
          error: result.error ? toAppError(result.error) : { code: 'TOKEN_INVALID', fields: [] },
        });
    });
  }, [token, verifyEmail, session]);

  const next = user ? (
    <Link to="/account">{t('verifyEmail.toAccount')}</Link>
  ) : (
    <Link to="/sign-in">{t('verifyEmail.toSignIn')}</Link>
  );

  return (
    <Page title={t('verifyEmail.title')} className="page--narrow">
      {!token ? (
        <ErrorAlert error={{ code: 'TOKEN_INVALID', fields: [] }} />
      ) : outcome.state === 'pending' ? (
        <Loading label={t('verifyEmail.pending')} shape="inline" />
      ) : outcome.state === 'verified' ? (
        <StatusMessage>{t('verifyEmail.verified')}</StatusMessage>
      ) : (
        <>
          <ErrorAlert error={outcome.error} />
          {outcome.error.code === 'TOKEN_INVALID' ? <p>{t('verifyEmail.invalidHelp')}</p> : null}
        </>
      )}
      <p>{next}</p>
    </Page>
  );
}
