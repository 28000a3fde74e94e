import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Page } from '../../../shared/ui';

/** What was cancelled, as the outcome names it. */
export interface CancelledByLink {
  offer: { id: string; title: string };
  session: { startsAt: string; endsAt: string };
}

interface Props {
  /** The texts: the booker's link (the whole booking) or a participant's (their own seat). */
  texts: 'cancelLink' | 'cancelSeatLink';
  /** The token in the link; empty when it has none. */
  token: string;
  cancelled: CancelledByLink | null | undefined;
  fetching: boolean;
  /** Cancels; resolves to the refusal, if any. */
  onCancel: () => Promise<AppError | null>;
}

/**
 * A page that a cancel link in an e-mail opens. Nothing happens on opening it (mail scanners open
 * links too): the cancellation is made only when the reader presses the button.
 */
export function CancelWithToken({ texts, token, cancelled, fetching, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { status } = useSession();
  const [error, setError] = useState<AppError | null>(null);

  const cancel = async () => {
    setError(null);
    setError(await onCancel());
  };

  if (!token) {
    return (
      <Page title={t(`bookings.${texts}.title`)} className="page--narrow">
        <p>{t(`bookings.${texts}.noToken`)}</p>
      </Page>
    );
  }

  return (
    <Page title={cancelled ? t(`bookings.${texts}.doneTitle`) : t(`bookings.${texts}.title`)} className="page--narrow">
      <div className="card stack">
        {cancelled ? (
          <>
            <p role="status">
              {t(`bookings.${texts}.done`, {
                title: cancelled.offer.title,
                time: format.timeRange(cancelled.session.startsAt, cancelled.session.endsAt),
              })}
            </p>
            <p>{t(`bookings.${texts}.doneHelp`)}</p>
            <p>
              <Link to={`/offers/${cancelled.offer.id}`}>{t('bookings.cancelLink.toCourse')}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t(`bookings.${texts}.lead`)}</p>
            <p>{t(`bookings.${texts}.deadlineNote`)}</p>
            <ErrorAlert error={error} />
            {error?.code === 'CANCELLATION_CLOSED' && typeof error.params?.deadline === 'string' ? (
              <p>{t('bookings.cancelLink.deadlinePassed', { date: format.dateTime(error.params.deadline) })}</p>
            ) : null}
            <div className="button-row">
              <Button className="button button--danger" isPending={fetching} onPress={() => void cancel()}>
                {t(`bookings.${texts}.submit`)}
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
