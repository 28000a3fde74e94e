import { isMunicipalityCode, isTopicId } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toAppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading, Page } from '../../../shared/ui';
import { OfferForm } from '../components/OfferForm';
import { useEducationalOrganisations } from '../components/useEducationalOrganisations';

/**
 * Publishing a course (the default) or, with ?kind=STUDENT_POOL, a pool of students; ?topic=<id>
 * starts with that topic chosen (unmet demand's "create a course for this"), ?municipality=<code>
 * with that place (for the course and its first session) and ?online=1 as online too (a demand
 * pool's "new course for this demand"). Unknown values are ignored.
 */
export function NewOfferPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const kind = params.get('kind') === 'STUDENT_POOL' ? 'STUDENT_POOL' : 'COURSE';
  const topic = params.get('topic');
  const municipality = params.get('municipality');
  const initial = {
    topics: topic && isTopicId(topic) ? [topic] : [],
    municipalityCode: municipality && isMunicipalityCode(municipality) ? municipality : '',
    online: params.get('online') === '1',
  };
  const { organisations, error } = useEducationalOrganisations();
  return (
    <Page
      title={t(kind === 'COURSE' ? 'offers.new.titleCourse' : 'offers.new.titlePool')}
      lead={t('offers.new.lead')}
      className="page--medium"
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {organisations === null ? (
        error ? null : (
          <Loading shape="form" />
        )
      ) : organisations.length === 0 ? (
        <div className="card">
          <EmptyState
            title={t('offers.new.noOrganisation')}
            action={
              <Link className="button button--primary" to="/organisations">
                {t('nav.organisations')}
              </Link>
            }
          >
            <p>{t('offers.new.noOrganisationHelp')}</p>
          </EmptyState>
        </div>
      ) : (
        <OfferForm key={kind} organisations={organisations} initialKind={kind} initial={initial} />
      )}
    </Page>
  );
}
