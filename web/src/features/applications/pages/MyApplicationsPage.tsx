import { APPLICATION_STATES, type ApplicationState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
import { ApplicationStateBadge } from '../components/ApplicationStateBadge';
import { MyApplicationsQuery } from '../operations';

const PAGE_SIZE = 20;

const readState = (value: string | null): ApplicationState | null =>
  (APPLICATION_STATES as readonly string[]).includes(value ?? '') ? (value as ApplicationState) : null;

/** The student's applications, newest first, with their states; filtered by state in the URL. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));

  return (
    <Page title={t('applications.mine.title')} lead={t('applications.mine.lead')}>
      <div className="toolbar">
        <Link className="button button--secondary" to="/search?kind=INTERNSHIP&kind=SUMMER_JOB&kind=THESIS">
          {t('applications.mine.findPlacements')}
        </Link>
        <SelectField
          className="field toolbar__filter"
          label={t('applications.mine.stateFilter')}
          value={state ?? ''}
          onChange={(value) => setParams(value ? { state: value } : {})}
          options={[
            { id: '', label: t('applications.mine.allStates') },
            ...APPLICATION_STATES.map((s) => ({ id: s, label: t(`applicationStates.${s}`) })),
          ]}
        />
      </div>
      <CursorPagedList
        resetKey={state ?? 'all'}
        countText={(count) => t('applications.mine.count', { count })}
        renderPage={(page) => <MyApplicationsPageItems state={state} page={page} />}
      />
    </Page>
  );
}

function MyApplicationsPageItems({ state, page }: { state: ApplicationState | null; page: CursorPage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: MyApplicationsQuery,
    variables: { state, first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.myApplications}
      empty={
        <li className="card">
          {state ? (
            <EmptyState title={t('applications.mine.emptyFiltered')} />
          ) : (
            <EmptyState
              title={t('applications.mine.empty')}
              action={
                <Link className="button button--primary" to="/search?kind=INTERNSHIP&kind=SUMMER_JOB&kind=THESIS">
                  {t('applications.mine.findPlacements')}
                </Link>
              }
            >
              <p>{t('applications.mine.emptyHelp')}</p>
            </EmptyState>
          )}
        </li>
      }
      renderItem={(application) => (
        <li key={application.id} className="card">
          <h2 className="card__title">
            <Link to={`/my/applications/${application.id}`}>{application.need.title}</Link>
          </h2>
          <p className="card__meta">
            <ApplicationStateBadge state={application.state} /> {t(`needKinds.${application.need.kind}`)}
            {application.need.organisation ? ` · ${application.need.organisation.name}` : ''}
          </p>
          <p className="card__meta muted">
            {t('applications.appliedOn', { date: format.date(application.createdAt) })}
            {application.updatedAt !== application.createdAt
              ? ` · ${t('applications.mine.updated', { date: format.date(application.updatedAt) })}`
              : ''}
          </p>
        </li>
      )}
    />
  );
}
