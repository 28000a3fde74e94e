import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { NeedWizard } from '../components/NeedWizard';
import { useCompanies } from '../components/useCompanies';

export function NewNeedPage() {
  const { t } = useTranslation();
  const { companies, error } = useCompanies();
  return (
    <Page title={t('needs.new.title')} lead={t('needs.new.lead')} className="page--medium">
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {companies ? <NeedWizard companies={companies} /> : error ? null : <Loading shape="form" />}
    </Page>
  );
}
