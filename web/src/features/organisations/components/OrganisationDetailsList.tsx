import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters, useLocale } from '../../../shared/i18n';
import type { OrganisationSummary } from '../operations';
import { VerifiedBadge } from './VerifiedBadge';

/** The public card of an organisation as a description list. */
export function OrganisationDetailsList({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const missing = t('organisations.details.notGiven');
  return (
    <dl className="details">
      <div>
        <dt>{t('organisations.fields.kind')}</dt>
        <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
      </div>
      <div>
        <dt>{t('organisations.details.status')}</dt>
        <dd>
          <VerifiedBadge verified={organisation.verified} />
          {organisation.verified && organisation.verifiedAt ? (
            <span className="muted">
              {' '}
              {t('organisations.details.verifiedOn', { date: format.date(organisation.verifiedAt) })}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('organisations.fields.businessId')}</dt>
        <dd>{organisation.businessId ?? missing}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.municipality')}</dt>
        <dd>{organisation.municipalityCode ? municipalityName(organisation.municipalityCode, locale) : missing}</dd>
      </div>
      <div>
        <dt>{t('organisations.fields.website')}</dt>
        <dd>
          {organisation.website ? (
            <a href={organisation.website} rel="noopener noreferrer nofollow" target="_blank">
              {organisation.website}
              <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
            </a>
          ) : (
            missing
          )}
        </dd>
      </div>
      {organisation.description ? (
        <div className="details__wide">
          <dt>{t('organisations.fields.description')}</dt>
          <dd className="prewrap">{organisation.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}
