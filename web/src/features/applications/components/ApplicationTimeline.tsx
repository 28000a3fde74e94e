import { NEED_FILLED_REASON } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import type { ApplicationEvent } from '../operations';

/** The reason of a step as the reader should see it: the system's own reason is worded here. */
export function useReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  return (reason) => (reason === NEED_FILLED_REASON ? t('applications.needFilledReason') : reason);
}

/**
 * An application's status timeline, oldest first: what happened, who did it (the applicant, the
 * company or the system), when in Helsinki time, and the reason given.
 */
export function ApplicationTimeline({ events, label }: { events: ApplicationEvent[]; label?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reasonText = useReasonText();
  return (
    <ol className="timeline" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className={`timeline__item timeline__item--${event.toState.toLowerCase()}`}>
          <p className="timeline__title">{t(`applications.events.${event.toState}`)}</p>
          <p className="timeline__meta">
            {t(`applications.actors.${event.actor}`)} · <time dateTime={event.at}>{format.dateTime(event.at)}</time>
          </p>
          {event.reason ? (
            <p className="timeline__reason">{t('applications.reason', { reason: reasonText(event.reason) })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
