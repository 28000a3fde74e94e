import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale } from '../../../shared/i18n';
import type { CourseSession } from '../operations';
import { SessionManagement } from './SessionManagement';

interface SessionListProps {
  sessions: CourseSession[];
  /** The organisation's members and coordinators change and remove sessions here. */
  canEdit: boolean;
  /** Called when a session was removed, so that the page reloads the course. */
  onChanged: () => void;
}

/** A course's sessions, soonest first, with times in Helsinki and the price with VAT. */
export function SessionList({ sessions, canEdit, onChanged }: SessionListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  return (
    <ol className="session-list">
      {sessions.map((session) => {
        const time = format.timeRange(session.startsAt, session.endsAt);
        const place = [
          session.place,
          session.municipalityCode ? municipalityName(session.municipalityCode, locale) : null,
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={session.id} className="card session">
            <h3 className="session__time">{time}</h3>
            <dl className="details details--compact">
              <div>
                <dt>{t('offers.sessionFields.place')}</dt>
                <dd>
                  {place || null}
                  {place && session.onlineUrl ? ' · ' : null}
                  {session.onlineUrl ? t('offers.details.onlineToo') : null}
                </dd>
              </div>
              <div>
                <dt>{t('offers.details.seats')}</dt>
                <dd>
                  {session.seatsFree > 0
                    ? t('offers.details.seatsFree', { count: session.seatsFree, seats: session.seats })
                    : t('offers.details.full')}
                </dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.price')}</dt>
                <dd>
                  {session.priceCents === 0
                    ? t('offers.details.free')
                    : t('offers.details.priceInclVat', { price: format.money(session.priceCents) })}
                </dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.language')}</dt>
                <dd>{t(`languages.${session.language}`)}</dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.registrationDeadline')}</dt>
                <dd>
                  {format.dateTime(session.registrationDeadline)}{' '}
                  {session.takingRegistrations ? null : (
                    <span className="badge badge--neutral">{t('offers.details.registrationClosed')}</span>
                  )}
                </dd>
              </div>
            </dl>
            {canEdit ? <SessionManagement session={session} time={time} onRemoved={onChanged} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
