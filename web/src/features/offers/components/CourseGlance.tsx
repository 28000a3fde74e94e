import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale, usePriceText } from '../../../shared/i18n';
import { BookSession } from '../../bookings';
import type { Offer } from '../operations';
import { useSeatsText } from './seatsText';

/**
 * The course at a glance, first on its page: its next session (when, where, the price, the seats
 * left) and the booking button, so that a phone's first screen answers "when, where, how much, can
 * I still get in" before the description. The other sessions are in the schedule below it.
 */
export function CourseGlance({ offer, onBooked }: { offer: Offer; onBooked: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const price = usePriceText();
  const seats = useSeatsText();
  const open = offer.sessions.filter((session) => !session.cancelledAt);
  const next = open.find((session) => session.takingRegistrations) ?? open[0];
  if (!next) return null;
  const place = [next.place, next.municipalityCode ? municipalityName(next.municipalityCode, locale) : null]
    .filter((part, index, parts) => part && parts.indexOf(part) === index)
    .join(', ');
  return (
    <section className="card course-glance" aria-labelledby="course-glance-heading">
      <h2 id="course-glance-heading" className="visually-hidden">
        {t('offers.details.glance')}
      </h2>
      <dl className="details details--compact">
        <div>
          <dt>{t('offers.details.nextSession')}</dt>
          <dd className="course-glance__time">{format.timeRange(next.startsAt, next.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('offers.details.place')}</dt>
          <dd>{place || t('offers.details.online')}</dd>
        </div>
        <div>
          <dt>{t('offers.details.price')}</dt>
          <dd>{price(next.priceCents)}</dd>
        </div>
        <div>
          <dt>{t('offers.details.seats')}</dt>
          <dd>{seats(next)}</dd>
        </div>
      </dl>
      <div className="button-row">
        {offer.state === 'PUBLISHED' ? (
          <BookSession
            session={next}
            offer={{ id: offer.id, title: offer.title, claimWindowHours: offer.claimWindowHours }}
            onBooked={onBooked}
          />
        ) : null}
        {offer.sessions.length > 1 ? (
          <a href="#offer-sessions-heading">{t('offers.details.allSessions', { count: offer.sessions.length })}</a>
        ) : null}
      </div>
    </section>
  );
}
