import { isCancelReason, isErased } from '@keskusvaraamo/shared';
import { lazy, Suspense, useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { ConfirmDialog, DownloadButton, ErrorAlert } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { ConversationDialog } from '../../conversations';
import { bookingIcsUrl, CancelBookingMutation, ClaimBookingMutation, type Booking } from '../operations';
import { claimNeedsBilling } from '../claim';
import { sessionDay, sessionPlace } from './bookingFormat';
import { BookingStateBadge } from './BookingStateBadge';
import { NameSeat, SeatActions, type BookingChanged } from './SeatActions';

/** The claim's billing form, with its select and radio groups: loaded only for seats that need it. */
const ClaimWithBillingDialog = lazy(async () => ({
  default: (await import('./ClaimWithBillingDialog')).ClaimWithBillingDialog,
}));

interface BookingCardProps {
  booking: Booking;
  /** Called after a change with what happened: the page reloads the list and announces it. */
  onChanged: BookingChanged;
}

/** One of the user's bookings: its session, participants and state, and what can be done now. */
export function BookingCard({ booking, onChanged }: BookingCardProps) {
  const { t } = useTranslation();
  const erased = useErased();
  const locale = useLocale();
  const format = useFormatters();
  const [, cancelBooking] = useMutation(CancelBookingMutation);
  const [{ fetching: claiming }, claimBooking] = useMutation(ClaimBookingMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  const { session, offer } = booking;
  const time = format.timeRange(session.startsAt, session.endsAt);
  const place = sessionPlace(session, locale, t('offers.details.online'));
  const headingId = `booking-${booking.id}`;
  // Each of several participants' seats may be cancelled or given to someone else while the
  // booking is live and the session has not started: by the booker until the cancellation deadline
  // (canCancel). The last one's seat goes with the booking ("Cancel booking").
  const live =
    (booking.state === 'CONFIRMED' || booking.state === 'WAITLISTED' || booking.state === 'OFFERED') &&
    !session.cancelledAt &&
    new Date(session.startsAt) > new Date();
  const seatsChangeable = live && booking.participants.length > 1;
  const seatActions = seatsChangeable && booking.canCancel;

  const cancel = async () => {
    setCancelError(null);
    const result = await cancelBooking({ id: booking.id });
    if (result.error) {
      setCancelError(toAppError(result.error));
      return false;
    }
    onChanged(booking, t(booking.state === 'OFFERED' ? 'bookings.mine.declined' : 'bookings.mine.cancelled'));
    return true;
  };

  const claimLabel = booking.offeredUntil
    ? t('bookings.mine.claimBy', { date: format.dateTime(booking.offeredUntil) })
    : t('bookings.mine.claim');
  const claim = async () => {
    setError(null);
    const result = await claimBooking({ id: booking.id });
    if (result.error) setError(toAppError(result.error));
    else onChanged(booking, t('bookings.mine.claimed'));
  };

  return (
    <li className="card booking" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId} tabIndex={-1}>
        <Link to={`/offers/${offer.id}`}>{offer.title}</Link>
      </h2>
      <p className="card__meta">
        <BookingStateBadge state={booking.state} /> {offer.organisation.name}
      </p>
      <dl className="details details--compact">
        <div>
          <dt>{t('bookings.fields.time')}</dt>
          <dd>{time}</dd>
        </div>
        {booking.need ? (
          <div>
            <dt>{t('bookings.fields.need')}</dt>
            <dd>
              <Link to={`/needs/${booking.need.id}`}>{booking.need.title}</Link>
            </dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>{t('offers.sessionFields.place')}</dt>
            <dd>
              {place}
              {session.onlineUrl && booking.state === 'CONFIRMED' ? (
                <>
                  {' '}
                  <a href={session.onlineUrl} target="_blank" rel="noreferrer">
                    {session.onlineUrl}
                    <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('bookings.fields.participants', { count: booking.participants.length })}</dt>
          <dd>
            <ul className={seatActions ? 'participant-names participant-names--actions' : 'participant-names'}>
              {booking.participants.map((p) => (
                <li key={p.id}>
                  <span>
                    {erased.name(p.name)} <span className="muted">({erased.text(p.email)})</span>
                  </span>
                  {seatActions && !isErased(p.name) ? (
                    <SeatActions
                      booking={booking}
                      participant={p}
                      name={erased.name(p.name)}
                      time={time}
                      onChanged={onChanged}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            {live && booking.participants.length < booking.seats ? (
              <NameSeat booking={booking} onChanged={onChanged} />
            ) : null}
            {seatsChangeable && !booking.canCancel ? (
              <p className="muted">
                {t('bookings.seats.closed', { date: format.dateTime(session.cancellationDeadline) })}
              </p>
            ) : null}
          </dd>
        </div>
        {booking.state === 'WAITLISTED' && booking.waitlistPosition !== null ? (
          <div>
            <dt>{t('bookings.fields.waitlistPosition')}</dt>
            <dd>{t('bookings.mine.position', { position: booking.waitlistPosition })}</dd>
          </div>
        ) : null}
        {booking.state === 'CONFIRMED' || booking.state === 'WAITLISTED' ? (
          <div>
            <dt>{t('bookings.fields.cancellationDeadline')}</dt>
            <dd>{format.dateTime(session.cancellationDeadline)}</dd>
          </div>
        ) : null}
        {booking.state === 'CANCELLED' && booking.cancelledAt ? (
          <div>
            <dt>{t('bookings.fields.cancelledAt')}</dt>
            <dd>{format.dateTime(booking.cancelledAt)}</dd>
          </div>
        ) : null}
      </dl>

      {booking.state === 'CANCELLED' ? (
        <p>
          {isCancelReason(booking.cancelReason)
            ? t(`bookings.cancelReasons.${booking.cancelReason}`)
            : t('bookings.cancelReasons.unknown')}
        </p>
      ) : null}
      {booking.state === 'WAITLISTED' ? (
        <p className="muted">
          {session.priceCents === 0
            ? t('bookings.waitlist.free')
            : t('bookings.waitlist.paid', { count: offer.claimWindowHours })}
        </p>
      ) : null}
      {booking.state === 'OFFERED' && booking.offeredUntil ? (
        <div className="alert alert--warning">
          <p>
            <strong>{t('bookings.mine.offeredTitle')}</strong>
          </p>
          <p>{t('bookings.mine.offeredBody', { date: format.dateTime(booking.offeredUntil), count: booking.seats })}</p>
        </div>
      ) : null}

      <div className="button-row">
        {booking.state === 'OFFERED' ? (
          <>
            {claimNeedsBilling(booking) ? (
              <Suspense
                fallback={
                  <Button className="button button--primary" isDisabled>
                    {claimLabel}
                  </Button>
                }
              >
                <ClaimWithBillingDialog
                  booking={booking}
                  label={claimLabel}
                  onClaimed={() => onChanged(booking, t('bookings.mine.claimed'))}
                />
              </Suspense>
            ) : (
              <Button className="button button--primary" isPending={claiming} onPress={() => void claim()}>
                {claimLabel}
              </Button>
            )}
            <DialogTrigger>
              <Button className="button button--danger-outline">{t('bookings.mine.decline')}</Button>
              <ConfirmDialog
                title={t('bookings.mine.declineTitle')}
                confirmLabel={t('bookings.mine.decline')}
                onConfirm={cancel}
                footer={<ErrorAlert error={cancelError} />}
              >
                <p>{t('bookings.mine.declineBody', { title: offer.title, time })}</p>
              </ConfirmDialog>
            </DialogTrigger>
          </>
        ) : null}
        {booking.state === 'CONFIRMED' ? (
          <DownloadButton
            url={bookingIcsUrl(booking.id)}
            filename={t('bookings.icsFileName', { date: sessionDay(session) })}
          >
            {t('bookings.addToCalendar')}
          </DownloadButton>
        ) : null}
        {booking.state === 'CONFIRMED' || booking.state === 'WAITLISTED' ? (
          booking.canCancel ? (
            <DialogTrigger>
              <Button className="button button--danger-outline">
                {booking.state === 'WAITLISTED' ? t('bookings.mine.leaveWaitlist') : t('bookings.mine.cancel')}
              </Button>
              <ConfirmDialog
                title={
                  booking.state === 'WAITLISTED'
                    ? t('bookings.mine.leaveWaitlistTitle')
                    : t('bookings.mine.cancelTitle')
                }
                confirmLabel={
                  booking.state === 'WAITLISTED' ? t('bookings.mine.leaveWaitlist') : t('bookings.mine.cancel')
                }
                onConfirm={cancel}
                footer={<ErrorAlert error={cancelError} />}
              >
                <p>{t('bookings.mine.cancelBody', { title: offer.title, time, count: booking.seats })}</p>
              </ConfirmDialog>
            </DialogTrigger>
          ) : (
            <>
              <Button className="button button--danger-outline" isDisabled aria-describedby={`${headingId}-no-cancel`}>
                {t('bookings.mine.cancel')}
              </Button>
              <p className="muted" id={`${headingId}-no-cancel`}>
                {t('bookings.mine.cannotCancel', { date: format.dateTime(session.cancellationDeadline) })}
              </p>
            </>
          )
        ) : null}
        <ConversationDialog
          subject={{ kind: 'BOOKING', id: booking.id }}
          title={t('bookings.messages.withOrganiser', { title: offer.title })}
          buttonLabel={t('bookings.messages.open')}
          context={offer.title}
        />
      </div>
      <ErrorAlert error={error} />
    </li>
  );
}
