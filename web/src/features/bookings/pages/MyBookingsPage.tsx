import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page, StatusMessage } from '../../../shared/ui';
import { BookingCard } from '../components/BookingCard';
import type { BookingChanged } from '../components/SeatActions';
import { MyBookingsQuery, type Booking } from '../operations';

const PAGE_SIZE = 50;

/**
 * The user's bookings: coming ones soonest first (with what needs doing: claim an offered seat,
 * cancel), then past and cancelled ones, latest first.
 */
export function MyBookingsPage() {
  const { t } = useTranslation();
  const [first, setFirst] = useState(PAGE_SIZE);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyBookingsQuery,
    variables: { first },
    requestPolicy: 'cache-and-network',
  });
  // While a longer list loads, the shorter one stays on screen.
  const [shown, setShown] = useState(data?.myBookings);
  if (data?.myBookings && data.myBookings !== shown) setShown(data.myBookings);
  const [status, setStatus] = useState<string | null>(null);
  // A changed booking may move to the other list (and its buttons go away): once the reloaded list
  // shows the change (by default its new state; a participant gone, for a cancelled seat), its
  // heading takes focus.
  const focusAfterReload = useRef<{ id: string; when: (reloaded: Booking) => boolean } | null>(null);
  const changed: BookingChanged = (booking, message, focusWhen) => {
    setStatus(message);
    focusAfterReload.current =
      focusWhen === false ? null : { id: booking.id, when: focusWhen ?? ((b) => b.state !== booking.state) };
    reexecute({ requestPolicy: 'network-only' });
  };
  useEffect(() => {
    const wanted = focusAfterReload.current;
    const reloaded = wanted && shown?.nodes.find((b) => b.id === wanted.id);
    if (!wanted || !reloaded || !wanted.when(reloaded)) return;
    focusAfterReload.current = null;
    document.getElementById(`booking-${wanted.id}`)?.focus();
  }, [shown]);

  const { upcoming, past } = useMemo(() => splitBookings(shown?.nodes ?? []), [shown]);

  return (
    <Page title={t('bookings.mine.title')} lead={t('bookings.mine.lead')}>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {!shown ? (
        fetching ? (
          <Loading shape="list" />
        ) : null
      ) : shown.nodes.length === 0 ? (
        <div className="card">
          <EmptyState
            title={t('bookings.mine.empty')}
            action={
              <Link className="button button--primary" to="/search?kind=COURSE">
                {t('bookings.mine.findCourses')}
              </Link>
            }
          >
            <p>{t('bookings.mine.emptyHelp')}</p>
          </EmptyState>
        </div>
      ) : (
        <div className="stack">
          <section className="section" aria-labelledby="upcoming-bookings-heading">
            <h2 id="upcoming-bookings-heading">{t('bookings.mine.upcoming', { count: upcoming.length })}</h2>
            {upcoming.length > 0 ? (
              <ul className="card-list">
                {upcoming.map((booking) => (
                  <BookingCard key={booking.id} booking={booking} onChanged={changed} />
                ))}
              </ul>
            ) : (
              <p className="muted">{t('bookings.mine.noUpcoming')}</p>
            )}
          </section>
          {past.length > 0 ? (
            <section className="section" aria-labelledby="past-bookings-heading">
              <h2 id="past-bookings-heading">{t('bookings.mine.past', { count: past.length })}</h2>
              <ul className="card-list">
                {past.map((booking) => (
                  <BookingCard key={booking.id} booking={booking} onChanged={changed} />
                ))}
              </ul>
            </section>
          ) : null}
          {shown.pageInfo.hasNextPage ? <LoadMoreButton onPress={() => setFirst((n) => n + PAGE_SIZE)} /> : null}
        </div>
      )}
    </Page>
  );
}

function splitBookings(bookings: Booking[]): { upcoming: Booking[]; past: Booking[] } {
  const now = Date.now();
  const isUpcoming = (b: Booking) => b.state !== 'CANCELLED' && Date.parse(b.session.endsAt) >= now;
  const start = (b: Booking) => Date.parse(b.session.startsAt);
  return {
    upcoming: bookings.filter(isUpcoming).sort((a, b) => start(a) - start(b)),
    past: bookings.filter((b) => !isUpcoming(b)).sort((a, b) => start(b) - start(a)),
  };
}
