import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Page } from '../../../shared/ui';
import { CancelBookingWithTokenMutation } from '../operations';

/**
 * The link in a booking confirmation e-mail. Nothing happens on opening it (mail scanners open
 * links too): the booking is cancelled only when the reader presses the button.
 */
export function CancelBookingWithTokenPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ data, fetching }, cancelWithToken] = useMutation(CancelBookingWithTokenMutation);
  const [error, setError] = useState<AppError | null>(null);
  const cancelled = data?.cancelBookingWithToken;

  const cancel = async () => {
    setError(null);
    const result = await cancelWithToken({ token });
    if (result.error) setError(toAppError(result.error));
  };

  if (!token) {
    return (
      <Page title={t('bookings.cancelLink.title')} className="page--narrow">
        <p>{t('bookings.cancelLink.noToken')}</p>
      </Page>
    );
  }

  return (
    <Page
      title={cancelled ? t('bookings.cancelLink.doneTitle') : t('bookings.cancelLink.title')}
      className="page--narrow"
    >
      <div className="card stack">
        {cancelled ? (
          <>
            <p role="status">
              {t('bookings.cancelLink.done', {
                title: cancelled.offer.title,
                time: format.timeRange(cancelled.session.startsAt, cancelled.session.endsAt),
              })}
            </p>
            <p>{t('bookings.cancelLink.doneHelp')}</p>
            <p>
              <Link to={`/offers/${cancelled.offer.id}`}>{t('bookings.cancelLink.toCourse')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('bookings.cancelLink.lead')}</p>
            <p>{t('bookings.cancelLink.deadlineNote')}</p>
            <ErrorAlert error={error} />
            {error?.code === 'CANCELLATION_CLOSED' && typeof error.params?.deadline === 'string' ? (
              <p>{t('bookings.cancelLink.deadlinePassed', { date: format.dateTime(error.params.deadline) })}</p>
            ) : null}
            <div className="button-row">
              <Button className="button button--danger" isPending={fetching} onPress={() => void cancel()}>
                {t('bookings.cancelLink.submit')}
              </Button>
            </div>
          </>
        )}
        {status === 'signedIn' ? (
          <p>
            <Link to="/my/bookings">{t('bookings.book.toMyBookings')}</Link>
          </p>
        ) : null}
      </div>
    </Page>
  );
}
