import { municipalityName } from '@keskusvaraamo/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters, useLocale, usePriceText } from '../../../shared/i18n';
import { BookSession, sessionIcsUrl, type BookableOffer } from '../../bookings';
import type { CourseSession } from '../operations';
import { useSeatsText } from './seatsText';

/** The organiser's controls of a session (its forms and dialogs), loaded for the organiser alone. */
const SessionManagement = lazy(async () => ({ default: (await import('./SessionManagement')).SessionManagement }));

interface SessionListProps {
  sessions: CourseSession[];
  /** The course the sessions belong to; its sessions are bookable when it is published. */
  offer: BookableOffer & { published: boolean };
  /** The organisation's members and coordinators change and remove sessions here. */
  canEdit: boolean;
  /** Called when a session was removed or booked, so that the page reloads the course. */
  onChanged: () => void;
}

/** A course's sessions, soonest first, with times in Helsinki, the price with VAT, and booking. */
export function SessionList({ sessions, offer, canEdit, onChanged }: SessionListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const price = usePriceText();
  const seats = useSeatsText();
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
        // "Verkossa · Verkossa": a place written as the word the page would add says it already.
        const onlineToo =
          session.onlineUrl && place.trim().toLowerCase() !== t('offers.details.onlineToo').toLowerCase();
        return (
          <li key={session.id} className="card session">
            <h3 className="session__time">
              {time}{' '}
              {session.cancelledAt ? (
                <span className="badge badge--warning">{t('offers.details.sessionCancelled')}</span>
              ) : null}
            </h3>
            <dl className="details details--compact">
              <div>
                <dt>{t('offers.sessionFields.place')}</dt>
                <dd>
                  {place || null}
                  {place && onlineToo ? ' · ' : null}
                  {onlineToo ? t('offers.details.onlineToo') : null}
                </dd>
              </div>
              <div>
                <dt>{t('offers.details.seats')}</dt>
                <dd>
                  {seats(session)}
                  {canEdit && session.waitlistCount ? (
                    <> · {t('offers.details.waitlisted', { count: session.waitlistCount })}</>
                  ) : null}
                </dd>
              </div>
              <div>
                {/* The price says "incl. VAT" itself: the label does not say it again. */}
                <dt>{t('offers.details.price')}</dt>
                <dd>{price(session.priceCents)}</dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.language')}</dt>
                <dd>{t(`languages.${session.language}`)}</dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.registrationDeadline')}</dt>
                <dd>
                  {format.dateTime(session.registrationDeadline)}{' '}
                  {session.takingRegistrations || session.cancelledAt ? null : (
                    <span className="badge badge--neutral">{t('offers.details.registrationClosed')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('offers.sessionFields.cancellationDeadline')}</dt>
                <dd>{format.dateTime(session.cancellationDeadline)}</dd>
              </div>
              {session.minParticipants !== null && session.decisionAt ? (
                <div>
                  <dt>{t('offers.sessionFields.minParticipants')}</dt>
                  <dd>
                    {t('offers.details.minimum', {
                      count: session.minParticipants,
                      date: format.dateTime(session.decisionAt),
                    })}
                  </dd>
                </div>
              ) : null}
            </dl>
            {!session.cancelledAt ? (
              <div className="button-row">
                {offer.published ? <BookSession session={session} offer={offer} onBooked={onChanged} /> : null}
                {offer.published ? (
                  <a className="button button--secondary" href={sessionIcsUrl(session.id)} download>
                    {t('offers.details.addToCalendar')}
                    <span className="visually-hidden">: {time}</span>
                  </a>
                ) : null}
              </div>
            ) : null}
            {canEdit ? (
              <>
                <p>
                  <Link to={`/sessions/${session.id}/manage`}>
                    {t('offers.sessions.manageBookings')}
                    <span className="visually-hidden">: {time}</span>
                  </Link>
                </p>
                {!session.cancelledAt ? (
                  <Suspense fallback={null}>
                    <SessionManagement session={session} time={time} onRemoved={onChanged} />
                  </Suspense>
                ) : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
