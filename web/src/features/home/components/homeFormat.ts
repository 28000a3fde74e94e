import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { sessionPlace } from '../../bookings/components/bookingFormat';

interface SessionWhenWhere {
  startsAt: string;
  endsAt: string;
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
}

/** When and where a session is, in one line: "to 10.12. klo 9–15 · Tornio". */
export function useSessionLine(): (session: SessionWhenWhere) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  return (session) =>
    [format.timeRange(session.startsAt, session.endsAt), sessionPlace(session, locale, t('offers.details.online'))]
      .filter(Boolean)
      .join(' · ');
}

/** Within the next seven days. */
export function withinWeek(instant: string, now = Date.now()): boolean {
  return new Date(instant).getTime() - now < 7 * 24 * 60 * 60 * 1000;
}
