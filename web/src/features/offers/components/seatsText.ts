import { useTranslation } from 'react-i18next';
import type { CourseSession } from '../operations';

/** A session's seats as its course page says them: how many are free of how many, or full. */
export function useSeatsText(): (session: Pick<CourseSession, 'seatsFree' | 'seats'>) => string {
  const { t } = useTranslation();
  return (session) =>
    session.seatsFree > 0
      ? t('offers.details.seatsFree', { count: session.seatsFree, seats: session.seats })
      : t('offers.details.full');
}
