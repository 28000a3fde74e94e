import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters, useLocale } from '../../../shared/i18n';
import type { MembershipItem } from '../operations';
import { VerifiedBadge } from './VerifiedBadge';

export function MembershipList({ memberships }: { memberships: MembershipItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  if (memberships.length === 0) return <p>{t('organisations.mine.empty')}</p>;
  return (
    <ul className="card-list">
      {memberships.map(({ organisation, role, joinedAt }) => (
        <li key={organisation.id} className="card card--link">
          <h3 className="card__title">
            <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
          </h3>
          <p className="card__meta">
            {t(`organisationKinds.${organisation.kind}`)}
            {organisation.municipalityCode ? ` · ${municipalityName(organisation.municipalityCode, locale)}` : ''}
          </p>
          <p className="card__meta">
            <span className="badge badge--info">{t(`membershipRoles.${role}`)}</span>{' '}
            <VerifiedBadge verified={organisation.verified} />
          </p>
          <p className="card__meta muted">{t('organisations.mine.joined', { date: format.date(joinedAt) })}</p>
        </li>
      ))}
    </ul>
  );
}
