import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useLocale } from '../../../shared/i18n';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { StudentProfileForm } from '../components/StudentProfileForm';
import { MyStudentProfileQuery } from '../operations';

export function StudentProfilePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [{ data, error, fetching }] = useQuery({ query: MyStudentProfileQuery, requestPolicy: 'network-only' });
  return (
    <Page
      title={t('profile.title')}
      lead={data && !data.myStudentProfile ? t('profile.leadNew') : t('profile.lead')}
      className="page--medium"
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {data ? (
        <StudentProfileForm profile={data.myStudentProfile} locale={locale} />
      ) : fetching ? (
        <Loading shape="form" />
      ) : null}
    </Page>
  );
}
