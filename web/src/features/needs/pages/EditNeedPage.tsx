import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { NeedWizard } from '../components/NeedWizard';
import { useCompanies } from '../components/useCompanies';
import { NeedQuery } from '../operations';

/** The guided form again, filled in with the need; only drafts and open needs can be edited. */
export function EditNeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Network-only: the form must start from the need as it is now.
  const [{ data, error, fetching }] = useQuery({ query: NeedQuery, variables: { id }, requestPolicy: 'network-only' });
  const { companies, error: companiesError } = useCompanies();
  const need = data?.need;
  const editable = need && need.canEdit && (need.state === 'DRAFT' || need.state === 'OPEN');
  const anyError = error ?? companiesError;

  return (
    <Page
      title={need ? t('needs.edit.title', { title: need.title }) : t('needs.edit.titleShort')}
      className="page--medium"
    >
      {anyError ? <ErrorAlert error={toAppError(anyError)} /> : null}
      {need && companies ? (
        editable ? (
          <NeedWizard key={need.id} need={need} companies={withOwnCompany(companies, need.organisation)} />
        ) : (
          <p>
            {t('needs.edit.notEditable')} <Link to={`/needs/${need.id}`}>{t('needs.edit.backToNeed')}</Link>
          </p>
        )
      ) : data && !need ? (
        <p>{t('needs.details.notFoundHelp')}</p>
      ) : fetching || !companies ? (
        <Loading shape="form" />
      ) : null}
    </Page>
  );
}

/** A coordinator editing another company's need still sees that company as the choice made. */
function withOwnCompany(companies: { id: string; name: string }[], own: { id: string; name: string } | null) {
  if (!own || companies.some((c) => c.id === own.id)) return companies;
  return [own, ...companies];
}
