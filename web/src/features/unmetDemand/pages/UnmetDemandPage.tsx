import { REPORT_TEXTS } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { Page } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { UnmetDemandList } from '../components/UnmetDemandList';
import { UNMET_DEMAND_MAX } from '../operations';

/**
 * Unmet demand for educators (leads for new courses and student pools) and coordinators. Hiding it
 * from others is a courtesy: the server answers FORBIDDEN to anyone else.
 */
export function UnmetDemandPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const { label, definition } = REPORT_TEXTS[locale].unmetDemand;
  if (!hasRole(user, 'EDUCATOR') && !hasRole(user, 'COORDINATOR')) {
    return (
      <Page title={t('forbidden.title')} lead={t('unmetDemand.forbidden')}>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={label} lead={t('unmetDemand.lead')}>
      <section className="section card" aria-labelledby="unmet-definition-heading">
        <h2 id="unmet-definition-heading">{t('unmetDemand.definitionHeading')}</h2>
        <p>{definition}</p>
      </section>
      <section className="section" aria-labelledby="unmet-list-heading">
        <h2 id="unmet-list-heading">{t('unmetDemand.listHeading')}</h2>
        <UnmetDemandList limit={UNMET_DEMAND_MAX} />
      </section>
    </Page>
  );
}
