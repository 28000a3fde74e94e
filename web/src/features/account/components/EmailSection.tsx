import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import type { SessionUser } from '../../../shared/session';
import { ErrorAlert, StatusMessage } from '../../../shared/ui';
import { RequestEmailVerificationMutation } from '../operations';

export function EmailSection({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [{ fetching }, requestVerification] = useMutation(RequestEmailVerificationMutation);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const resend = async () => {
    setError(null);
    setSent(false);
    const result = await requestVerification({});
    if (result.error) setError(toAppError(result.error));
    else setSent(true);
  };

  return (
    <section className="section" aria-labelledby="email-heading">
      <h2 id="email-heading">{t('account.email.heading')}</h2>
      <p className="email-line">
        <span className="email-line__address">{user.email}</span>{' '}
        <span className={user.emailVerified ? 'badge badge--success' : 'badge badge--warning'}>
          {user.emailVerified ? t('account.email.verified') : t('account.email.notVerified')}
        </span>
      </p>
      {user.emailVerified ? null : (
        <>
          <p>{t('account.email.verifyHelp')}</p>
          <ErrorAlert error={error} />
          <StatusMessage>{sent ? t('account.email.sent', { email: user.email }) : null}</StatusMessage>
          <Button className="button button--secondary" isPending={fetching} onPress={() => void resend()}>
            {t('account.email.resend')}
          </Button>
        </>
      )}
    </section>
  );
}
