import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ErasurePreview } from '../operations';

/** What the preview counts, each with its sentence (only what applies is said). */
const COUNTS = [
  ['bookingsToCancel', 'bookings'],
  ['applicationsToWithdraw', 'applications'],
  ['needsToClose', 'needs'],
  ['organisationsToLeave', 'organisations'],
  ['messagesToErase', 'messages'],
] as const;

/** What deleting the account will do, and what must be resolved first, with a way to each. */
export function ErasurePreviewDetails({ preview }: { preview: ErasurePreview }) {
  const { t } = useTranslation();
  return (
    <>
      {preview.blockers.length > 0 ? (
        <section className="alert alert--error" aria-labelledby="erasure-blockers-heading">
          <h3 id="erasure-blockers-heading">{t('privacy.delete.blockersHeading')}</h3>
          <p>{t('privacy.delete.blockersIntro')}</p>
          <ul>
            {preview.blockers.map((blocker) => (
              <li key={`${blocker.reason}-${blocker.organisationId}`}>
                {t(`privacy.delete.blockers.${blocker.reason}`, { name: blocker.organisationName })}{' '}
                <Link to={`/organisations/${blocker.organisationId}#members-heading`}>
                  {t('privacy.delete.blockerLink', { name: blocker.organisationName })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>{t('privacy.delete.previewIntro')}</p>
      <ul>
        {COUNTS.filter(([field]) => preview[field] > 0).map(([field, key]) => (
          <li key={key}>{t(`privacy.delete.${key}`, { count: preview[field] })}</li>
        ))}
        <li>{t('privacy.delete.always')}</li>
      </ul>
    </>
  );
}
