import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../../shared/session';
import { BookingNeedQuery, type BookingNeed } from '../operations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The need a booking is made for, from the page's address (`?need=ID`, see `bookForNeedPath`). */
export interface NeedToBookFor {
  /** The address names a need. */
  requested: boolean;
  /** The need, when the signed-in user may book a course for it (the server's rule); else null. */
  need: BookingNeed | null;
  /** The need is still being looked up: the booking waits for it. */
  fetching: boolean;
}

/**
 * The need named in the address, when the signed-in user may book for it. A course's sessions
 * each ask, and share one request (urql's cache).
 */
export function useNeedToBookFor(): NeedToBookFor {
  const [params] = useSearchParams();
  const { status } = useSession();
  const raw = params.get('need');
  const id = raw && UUID.test(raw) ? raw : null;
  const [{ data, fetching }] = useQuery({
    query: BookingNeedQuery,
    variables: { id: id ?? '' },
    pause: !id || status !== 'signedIn',
  });
  const need = id && data?.need?.canBookCourse ? data.need : null;
  return { requested: raw !== null, need, fetching: !!id && status === 'signedIn' && fetching && !data };
}
