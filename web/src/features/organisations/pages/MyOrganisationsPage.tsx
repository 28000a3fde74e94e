import { organisationKindsFor } from '@keskusvaraamo/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { MembershipList } from '../components/MembershipList';
import { OrganisationForm } from '../components/OrganisationForm';
import { CreateOrganisationMutation, MyMembershipsQuery, type OrganisationInput } from '../operations';

export function MyOrganisationsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: MyMembershipsQuery });
  const [, createOrganisation] = useMutation(CreateOrganisationMutation);
  const kinds = useMemo(() => organisationKindsFor(user?.roles ?? []), [user?.roles]);

  const create = async (input: OrganisationInput) => {
    const result = await createOrganisation({ input });
    if (result.data) await navigate(`/organisations/${result.data.createOrganisation.id}`);
    return result.error;
  };

  return (
    <Page title={t('organisations.mine.title')} lead={t('organisations.mine.lead')}>
      <section className="section" aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t('organisations.mine.heading')}</h2>
        {error ? <ErrorAlert error={toAppError(error)} /> : null}
        {data?.me ? <MembershipList memberships={data.me.memberships} /> : fetching ? <Loading shape="list" /> : null}
      </section>
      <section className="section card" aria-labelledby="create-heading">
        <h2 id="create-heading">{t('organisations.create.heading')}</h2>
        {kinds.length > 0 ? (
          <>
            <p>{t('organisations.create.help')}</p>
            <OrganisationForm kinds={kinds} submitLabel={t('organisations.create.submit')} onSubmit={create} />
          </>
        ) : (
          <p>{t('organisations.create.notAllowed')}</p>
        )}
      </section>
    </Page>
  );
}
