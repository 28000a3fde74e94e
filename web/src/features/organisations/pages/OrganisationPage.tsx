import { organisationKindsFor, type OrganisationKind } from '@keskusvaraamo/shared';
import { useMemo, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { ResultList } from '../../search';
import { InvitationsSection } from '../components/InvitationsSection';
import { InviteMemberForm } from '../components/InviteMemberForm';
import { LeaveOrganisation } from '../components/LeaveOrganisation';
import { MembersSection } from '../components/MembersSection';
import { OrganisationDetailsList } from '../components/OrganisationDetailsList';
import { OrganisationForm } from '../components/OrganisationForm';
import { VerifyControl } from '../components/VerifyControl';
import {
  OrganisationQuery,
  UpdateOrganisationMutation,
  type OrganisationDetails,
  type OrganisationInput,
} from '../operations';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OrganisationQuery, variables: { id } });
  const organisation = data?.organisation;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  // One Page for every state, so the focused heading stays the same element while data arrives.
  const title =
    organisation?.name ??
    (data && !organisation ? t('organisations.details.notFound') : t('organisations.details.title'));
  return (
    <Page
      title={title}
      meta={{
        description: organisation?.description,
        type: organisation ? 'article' : 'website',
        notFound: Boolean(data && !organisation),
      }}
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {organisation ? (
        <OrganisationContent organisation={organisation} onChanged={refresh} />
      ) : data ? (
        <p>
          {t('organisations.details.notFoundHelp')} <Link to="/organisations">{t('organisations.mine.title')}</Link>
        </p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
    </Page>
  );
}

function OrganisationContent({
  organisation,
  onChanged,
}: {
  organisation: OrganisationDetails;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isOwner = organisation.myRole === 'OWNER';
  const isCoordinator = hasRole(user, 'COORDINATOR');

  return (
    <div className="stack">
      <section className="card" aria-labelledby="card-heading">
        <h2 id="card-heading" className="visually-hidden">
          {t('organisations.details.cardHeading')}
        </h2>
        <OrganisationDetailsList organisation={organisation} />
        {isCoordinator ? (
          <VerifyControl
            organisationId={organisation.id}
            organisationName={organisation.name}
            verified={organisation.verified}
            onChanged={onChanged}
          />
        ) : null}
      </section>
      <PublishedItems organisationId={organisation.id} />
      {isOwner || isCoordinator ? <EditOrganisation organisation={organisation} onChanged={onChanged} /> : null}
      {organisation.members ? (
        <div className="card">
          <MembersSection
            organisationId={organisation.id}
            members={organisation.members}
            canManage={isOwner}
            currentUserId={user?.id ?? null}
            onChanged={onChanged}
          />
        </div>
      ) : null}
      {isOwner ? (
        <div className="card">
          <InviteMemberForm organisationId={organisation.id} onInvited={onChanged} />
        </div>
      ) : null}
      {organisation.invitations ? (
        <div className="card">
          <InvitationsSection invitations={organisation.invitations} canRevoke={isOwner} onChanged={onChanged} />
        </div>
      ) : null}
      {organisation.myRole && user ? (
        <div className="card">
          <LeaveOrganisation organisationId={organisation.id} organisationName={organisation.name} userId={user.id} />
        </div>
      ) : null}
    </div>
  );
}

/** What the organisation has published: its courses and student pools, and its open placements. */
function PublishedItems({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const filter = useMemo(() => ({ organisationId }), [organisationId]);
  return (
    <section aria-labelledby="published-heading">
      <h2 id="published-heading">{t('organisations.published.heading')}</h2>
      <ResultList
        filter={filter}
        sort="SOONEST"
        pageSize={10}
        loadMore
        label={t('organisations.published.list')}
        empty={t('organisations.published.none')}
      />
    </section>
  );
}

function EditOrganisation({ organisation, onChanged }: { organisation: OrganisationDetails; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [, update] = useMutation(UpdateOrganisationMutation);
  const [saved, setSaved] = useState(false);
  const [expanded, setExpanded] = useState(false);
  // The organisation's own kind stays selectable even if the editor could not found that kind.
  const kinds: OrganisationKind[] = Array.from(
    new Set([organisation.kind, ...organisationKindsFor(user?.roles ?? [])]),
  );

  const save = async (input: OrganisationInput) => {
    setSaved(false);
    const result = await update({ id: organisation.id, input });
    if (result.error) return result.error;
    setSaved(true);
    setExpanded(false);
    onChanged();
    return undefined;
  };

  return (
    <Disclosure className="card disclosure" isExpanded={expanded} onExpandedChange={setExpanded}>
      <Heading level={2} className="disclosure__heading">
        <Button slot="trigger" className="disclosure__trigger">
          <span className="disclosure__chevron" aria-hidden="true">
            ▸
          </span>
          {t('organisations.edit.heading')}
        </Button>
      </Heading>
      <StatusMessage>{saved ? t('organisations.edit.saved') : null}</StatusMessage>
      <DisclosurePanel className="disclosure__panel">
        <OrganisationForm kinds={kinds} initial={organisation} submitLabel={t('common.save')} onSubmit={save} />
      </DisclosurePanel>
    </Disclosure>
  );
}
