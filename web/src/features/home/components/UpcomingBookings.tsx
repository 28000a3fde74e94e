import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { BookingStateBadge } from '../../bookings/components/BookingStateBadge';
import { claimNeedsBilling } from '../../bookings/claim';
import { ClaimBookingMutation } from '../../bookings/operations';
import { UpcomingBookingsQuery, type UpcomingBooking } from '../operations';
import { HomeCard, useOneStepAction } from './HomeCard';
import { useSessionLine, withinWeek } from './homeFormat';

const SHOWN = 10;

function useUpcomingBookings() {
  const [result, reexecute] = useQuery({
    query: UpcomingBookingsQuery,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  return { result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

/** The person's bookings still to come, soonest first, with their state when not yet confirmed. */
export function UpcomingBookings() {
  const { t } = useTranslation();
  const { result, retry } = useUpcomingBookings();
  const sessionLine = useSessionLine();
  return (
    <HomeCard
      title={t('home.bookings.upcoming')}
      result={result}
      items={result.data?.upcomingBookings}
      retry={retry}
      empty={t('home.bookings.upcomingEmpty')}
      more={{ to: '/my/bookings', label: t('home.bookings.all') }}
      renderItem={(booking) => (
        <li key={booking.id}>
          <Link to={`/offers/${booking.offer.id}`}>{booking.offer.title}</Link>
          <span className="home-card__meta">
            {booking.state === 'CONFIRMED' ? null : (
              <>
                <BookingStateBadge state={booking.state} />{' '}
              </>
            )}
            {sessionLine(booking.session)}
          </span>
        </li>
      )}
    />
  );
}

/** A freed seat held for the person: claim it here before it lapses. */
export function SeatsToClaim() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { result, retry } = useUpcomingBookings();
  const [, claim] = useMutation(ClaimBookingMutation);
  const action = useOneStepAction();
  const offered = result.data?.upcomingBookings.filter((booking) => booking.state === 'OFFERED');
  return (
    <HomeCard
      title={t('home.bookings.toClaim')}
      result={result}
      items={offered}
      retry={retry}
      action={action}
      empty={t('home.bookings.toClaimEmpty')}
      renderItem={(booking: UpcomingBooking) => (
        <li key={booking.id}>
          <Link to={`/offers/${booking.offer.id}`}>{booking.offer.title}</Link>
          <span className="home-card__meta">
            {booking.offeredUntil
              ? t('home.bookings.claimBy', { date: format.dateTime(booking.offeredUntil), count: booking.seats })
              : null}
          </span>
          <span className="button-row">
            {claimNeedsBilling(booking) ? (
              // Paid seats invoiced to an organisation: who is invoiced is asked on the bookings page.
              <Link className="button button--primary" to="/my/bookings">
                {t('bookings.claim.onBookings')}
                <span className="visually-hidden">: {booking.offer.title}</span>
              </Link>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={action.busy === booking.id}
                onClick={() =>
                  void action.run(
                    booking.id,
                    () => claim({ id: booking.id }),
                    t('home.bookings.claimed', { title: booking.offer.title }),
                  )
                }
              >
                {t('home.bookings.claim')}
                <span className="visually-hidden">: {booking.offer.title}</span>
              </button>
            )}
          </span>
        </li>
      )}
    />
  );
}

/** The person's confirmed sessions in the next seven days. */
export function SessionsThisWeek() {
  const { t } = useTranslation();
  const { result, retry } = useUpcomingBookings();
  const sessionLine = useSessionLine();
  const soon = result.data?.upcomingBookings.filter(
    (booking) => booking.state === 'CONFIRMED' && withinWeek(booking.session.startsAt),
  );
  return (
    <HomeCard
      title={t('home.bookings.thisWeek')}
      result={result}
      items={soon}
      retry={retry}
      empty={t('home.bookings.thisWeekEmpty')}
      more={{ to: '/my/bookings', label: t('home.bookings.all') }}
      renderItem={(booking) => (
        <li key={booking.id}>
          <Link to={`/offers/${booking.offer.id}`}>{booking.offer.title}</Link>
          <span className="home-card__meta">{sessionLine(booking.session)}</span>
        </li>
      )}
    />
  );
}
