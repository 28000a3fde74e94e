import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { Page, useErrorMessage } from '../../../shared/ui';
import { isNotificationType } from '../components/notificationText';
import { UnsubscribeMutation } from '../operations';

/**
 * The unsubscribe link at the end of a notification e-mail. Nothing happens on opening it (mail
 * scanners open links too): that type's e-mails (or the daily digest) stop only when the reader
 * presses the button. No sign-in is needed: the link itself says whose and which e-mails.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ fetching }, unsubscribe] = useMutation(UnsubscribeMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);

  // The button goes away with the answer: the heading, which now says what happened, takes focus.
  useEffect(() => {
    if (stopped) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [stopped]);

  const stop = async () => {
    setError(null);
    const result = await unsubscribe({ token });
    if (result.data) setStopped(result.data.unsubscribe);
    else if (result.error) setError(toAppError(result.error));
  };

  const preferencesLink = (
    <p>
      <Link to="/account/notifications">{t('unsubscribe.toPreferences')}</Link>
    </p>
  );

  if (!token) {
    return (
      <Page title={t('unsubscribe.title')} className="page--narrow">
        <div className="card stack">
          <p>{t('unsubscribe.noToken')}</p>
          {preferencesLink}
        </div>
      </Page>
    );
  }

  return (
    <Page title={stopped ? t('unsubscribe.doneTitle') : t('unsubscribe.title')} className="page--narrow">
      <div className="card stack">
        {stopped ? (
          <>
            <p role="status">
              {stopped === 'DIGEST'
                ? t('unsubscribe.doneDigest')
                : t('unsubscribe.done', {
                    what: isNotificationType(stopped) ? t(`notifications.typeLabels.${stopped}`) : stopped,
                  })}
            </p>
            <p>{t('unsubscribe.changeLater')}</p>
          </>
        ) : (
          <>
            <p>{t('unsubscribe.lead')}</p>
            <p>{t('unsubscribe.help')}</p>
            <div role="alert" className={error ? 'alert alert--error' : 'live-region'}>
              {error ? <p>{error.code === 'TOKEN_INVALID' ? t('unsubscribe.invalid') : errorMessage(error)}</p> : null}
            </div>
            <div className="button-row">
              <Button className="button button--primary" isPending={fetching} onPress={() => void stop()}>
                {t('unsubscribe.submit')}
              </Button>
            </div>
          </>
        )}
        {preferencesLink}
      </div>
    </Page>
  );
}
