import { municipalityName, ORGANISATION_KINDS, type OrganisationKind } from '@keskusvaraamo/shared';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, Page, SearchForm, type CursorPage } from '../../../shared/ui';
import { VerifiedBadge } from '../components/VerifiedBadge';
import { VerifyControl } from '../components/VerifyControl';
import { OrganisationsQuery, type OrganisationsFilter } from '../operations';

const PAGE_SIZE = 25;
const VERIFIED_FILTERS = ['all', 'unverified', 'verified'] as const;
type VerifiedFilter = (typeof VERIFIED_FILTERS)[number];

function readFilters(params: URLSearchParams) {
  const verified = params.get('verified');
  const kind = params.get('kind');
  return {
    verified: (VERIFIED_FILTERS as readonly string[]).includes(verified ?? '') ? (verified as VerifiedFilter) : 'all',
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as OrganisationKind) : null,
    search: params.get('search') ?? '',
  };
}

/** Coordinators verify that organisations belong to the cluster; filters live in the URL. */
export function CoordinatorOrganisationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filterKey = params.toString();

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '' || value === 'all') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  const variables: OrganisationsFilter = {
    kind: filters.kind,
    verified: filters.verified === 'all' ? null : filters.verified === 'verified',
    search: filters.search || null,
    first: PAGE_SIZE,
  };

  return (
    <Page title={t('coordinator.title')} lead={t('coordinator.lead')}>
      <div className="card filters">
        <SearchForm
          label={t('coordinator.search')}
          initialValue={filters.search}
          onSearch={(value) => setFilter('search', value.trim())}
        />
        <RadioGroup
          className="field radio-group radio-group--inline"
          value={filters.verified}
          onChange={(value) => setFilter('verified', value)}
        >
          <Label className="field__label">{t('coordinator.verifiedFilter')}</Label>
          <div className="radio-group__options">
            {VERIFIED_FILTERS.map((value) => (
              <Radio key={value} value={value} className="radio">
                <span className="radio__indicator" aria-hidden="true" />
                <span className="radio__label">{t(`coordinator.verifiedOptions.${value}`)}</span>
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <SelectField
          label={t('organisations.fields.kind')}
          value={filters.kind ?? ''}
          onChange={(value) => setFilter('kind', value)}
          options={[
            { id: '', label: t('coordinator.allKinds') },
            ...ORGANISATION_KINDS.map((kind) => ({ id: kind, label: t(`organisationKinds.${kind}`) })),
          ]}
        />
      </div>
      <CursorPagedList
        resetKey={filterKey}
        countText={(count) => t('coordinator.count', { count })}
        renderPage={(page) => <OrganisationsPageItems variables={{ ...variables, after: page.after }} page={page} />}
      />
    </Page>
  );
}

/** One page of results; each "load more" adds another, so earlier pages stay put. */
function OrganisationsPageItems({ variables, page }: { variables: OrganisationsFilter; page: CursorPage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [result, reexecute] = useQuery({ query: OrganisationsQuery, variables });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.organisations}
      empty={<li>{t('coordinator.empty')}</li>}
      renderItem={(organisation) => (
        <li key={organisation.id} className="card org-row">
          <div className="org-row__main">
            <h2 className="card__title">
              <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
            </h2>
            <p className="card__meta">
              {t(`organisationKinds.${organisation.kind}`)}
              {organisation.businessId ? ` · ${organisation.businessId}` : ''}
              {organisation.municipalityCode ? ` · ${municipalityName(organisation.municipalityCode, locale)}` : ''}
            </p>
            <p className="card__meta">
              <VerifiedBadge verified={organisation.verified} />{' '}
              <span className="muted">{t('coordinator.created', { date: format.date(organisation.createdAt) })}</span>
            </p>
          </div>
          <VerifyControl
            organisationId={organisation.id}
            organisationName={organisation.name}
            verified={organisation.verified}
            nameInLabel
          />
        </li>
      )}
    />
  );
}
