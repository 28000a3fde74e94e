import { municipalityName, type Locale } from '@keskusvaraamo/shared';
import type { BookedSession } from '../operations';

/** Where a session takes place: "Jokiväylä 11, Rovaniemi", with the online address when it has one. */
export function sessionPlace(
  session: Pick<BookedSession, 'place' | 'municipalityCode' | 'onlineUrl'>,
  locale: Locale,
  onlineLabel: string,
): string {
  const where = [session.place, session.municipalityCode ? municipalityName(session.municipalityCode, locale) : null]
    .filter(Boolean)
    .join(', ');
  return [where, session.onlineUrl ? onlineLabel : null].filter(Boolean).join(' · ');
}

/** The Helsinki date of the session's start (YYYY-MM-DD), for file names such as kurssi-2026-12-14.ics. */
export function sessionDay(session: Pick<BookedSession, 'startsAtLocal'>): string {
  return session.startsAtLocal.slice(0, 10);
}
