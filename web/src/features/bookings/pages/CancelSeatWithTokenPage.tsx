import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Page } from '../../../shared/ui';
import { CancelParticipantWithTokenMutation } from '../operations';

/**
 * The link in a named participant's own confirmation e-mail: cancels their seat only, not the
 * others' on the same booking. As with the booker's link (CancelBookingWithTokenPage), nothing
 * happens on opening it (mail scanners open links too): only when the reader presses the button.
 */
export function CancelSeatWithTokenPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { status } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [{ data, fetching }, cancelWithToken] = useMutation(CancelParticipantWithTokenMutation);
  const [error, setError] = useState<AppError | null>(null);
  const cancelled = data?.cancelParticipantWithToken;

  const cancel = async () => {
    setError(null);
    const result = await cancelWithToken({ token });
    if (result.error) setError(toAppError(result.error));
  };

  if (!token) {
    return (
      <Page title={t('bookings.cancelSeatLink.title')} className="page--narrow">
        <p>{t('bookings.cancelSeatLink.noToken')}</p>
      </Page>
    );
  }

  return (
    <Page
      title={cancelled ? t('bookings.cancelSeatLink.doneTitle') : t('bookings.cancelSeatLink.title')}
      className="page--narrow"
    >
      <div className="card stack">
        {cancelled ? (
          <>
            <p role="status">
              {t('bookings.cancelSeatLink.done', {
                title: cancelled.offer.title,
                time: format.timeRange(cancelled.session.startsAt, cancelled.session.endsAt),
              })}
            </p>
            <p>{t('bookings.cancelSeatLink.doneHelp')}</p>
            <p>
              <Link to={`/offers/${cancelled.offer.id}`}>{t('bookings.cancelLink.toCourse')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('bookings.cancelSeatLink.lead')}</p>
            <p>{t('bookings.cancelSeatLink.deadlineNote')}</p>
            <ErrorAlert error={error} />
            {error?.code === 'CANCELLATION_CLOSED' && typeof error.params?.deadline === 'string' ? (
              <p>{t('bookings.cancelLink.deadlinePassed', { date: format.dateTime(error.params.deadline) })}</p>
            ) : null}
            <div className="button-row">
              <Button className="button button--danger" isPending={fetching} onPress={() => void cancel()}>
                {t('bookings.cancelSeatLink.submit')}
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
