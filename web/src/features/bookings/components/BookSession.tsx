import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../../shared/session';
import { withReturnTo } from '../../../shared/utils/returnTo';
import type { BookedSession } from '../operations';

/** What booking needs to know of a session and its course. */
export type BookableSession = Pick<
  BookedSession,
  | 'id'
  | 'startsAt'
  | 'endsAt'
  | 'startsAtLocal'
  | 'seatsFree'
  | 'priceCents'
  | 'takingRegistrations'
  | 'cancellationDeadline'
> & {
  /** Seats one booker may hold on the session, confirmed and waiting together. */
  maxSeatsPerBooker: number;
  /** Seats the signed-in user already holds on it. */
  viewerSeats: number | null;
};
export interface BookableOffer {
  id: string;
  title: string;
  claimWindowHours: number;
}

interface BookSessionProps {
  session: BookableSession;
  offer: BookableOffer;
  /** Called after a booking was made, so that the page shows the new seat counts. */
  onBooked: () => void;
}

/** The dialog and its form (react-hook-form, zod, react-aria's modal): only for a signed-in person. */
const BookSessionDialog = lazy(async () => ({ default: (await import('./BookSessionDialog')).BookSessionDialog }));

/**
 * The "Book" action of one session: a dialog where a signed-in user names the participants
 * (themselves by default). A visitor is asked to sign in first and brought back to the course.
 * When the page's address names a need of the user's (`?need=ID`, from the need's suggestions),
 * the booking is made for it.
 */
export function BookSession({ session, offer, onBooked }: BookSessionProps) {
  const { t } = useTranslation();
  const { status } = useSession();
  const { search } = useLocation();
  if (!session.takingRegistrations) return null;
  // Until the session is known the reader is taken for a visitor, as on the server-rendered page.
  if (status !== 'signedIn') {
    return (
      <p>
        <Link className="button button--primary" to={withReturnTo('/sign-in', `/offers/${offer.id}${search}`)}>
          {t('bookings.book.signInToBook')}
        </Link>
      </p>
    );
  }
  return (
    <Suspense
      fallback={
        <button type="button" className="button button--primary" disabled>
          {t(session.seatsFree === 0 ? 'bookings.book.openWaitlist' : 'bookings.book.open')}
        </button>
      }
    >
      <BookSessionDialog session={session} offer={offer} onBooked={onBooked} />
    </Suspense>
  );
}
