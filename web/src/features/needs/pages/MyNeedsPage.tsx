import { isPlacementKind, municipalityName, NEED_STATES, type NeedState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { NeedStateBadge } from '../components/NeedStateBadge';
import { MyNeedsQuery } from '../operations';

const PAGE_SIZE = 20;

const readState = (value: string | null): NeedState | null =>
  (NEED_STATES as readonly string[]).includes(value ?? '') ? (value as NeedState) : null;

/** The needs the user manages (their own and their companies'), newest first. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));
  const paging = useCursorPages(state ?? 'all');

  return (
    <Page title={t('needs.mine.title')} lead={t('needs.mine.lead')}>
      <div className="toolbar">
        <Link className="button button--primary" to="/needs/new">
          {t('nav.postNeed')}
        </Link>
        <SelectField
          className="field toolbar__filter"
          label={t('needs.mine.stateFilter')}
          value={state ?? ''}
          onChange={(value) => setParams(value ? { state: value } : {})}
          options={[
            { id: '', label: t('needs.mine.allStates') },
            ...NEED_STATES.map((s) => ({ id: s, label: t(`needStates.${s}`) })),
          ]}
        />
      </div>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('needs.mine.count', { count: paging.totalCount })}
      </p>
      <ul className="card-list" key={state ?? 'all'}>
        {paging.cursors.map((after, index) => (
          <MyNeedsPageItems
            key={after ?? 'first'}
            state={state}
            after={after}
            filtered={state !== null}
            onPage={(pageInfo, totalCount) => paging.reportPage(index, pageInfo, totalCount)}
          />
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

interface PageItemsProps {
  state: NeedState | null;
  after: string | null;
  filtered: boolean;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}

function MyNeedsPageItems({ state, after, filtered, onPage }: PageItemsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [{ data, fetching, error }] = useQuery({
    query: MyNeedsQuery,
    variables: { state, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.myNeeds;
  useReportPage(connection, onPage);

  if (error)
    return (
      <li>
        <ErrorAlert error={toAppError(error)} />
      </li>
    );
  if (!connection)
    return fetching ? (
      <li>
        <Loading />
      </li>
    ) : null;
  if (connection.nodes.length === 0 && !after)
    return (
      <li className="card">
        {filtered ? (
          <EmptyState title={t('needs.mine.emptyFiltered')} />
        ) : (
          <EmptyState
            title={t('needs.mine.empty')}
            action={
              <Link className="button button--primary" to="/needs/new">
                {t('needs.mine.emptyAction')}
              </Link>
            }
          >
            <p>{t('needs.mine.emptyHelp')}</p>
          </EmptyState>
        )}
      </li>
    );
  return (
    <>
      {connection.nodes.map((need) => (
        <li key={need.id} className="card">
          <h2 className="card__title">
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
          </h2>
          <p className="card__meta">
            <NeedStateBadge state={need.state} /> {t(`needKinds.${need.kind}`)}
            {need.organisation ? ` · ${need.organisation.name}` : ''}
          </p>
          <p className="card__meta">
            {format.dayRange(need.periodStart, need.periodEnd)}
            {need.municipalityCode ? ` · ${municipalityName(need.municipalityCode, locale)}` : ''}
            {need.remote ? ` · ${t('needs.details.remote')}` : ''}
          </p>
          <p className="card__meta muted">{t('needs.mine.updated', { date: format.date(need.updatedAt) })}</p>
          {isPlacementKind(need.kind) && need.applicationCount !== null && need.state !== 'DRAFT' ? (
            <p className="card__meta">
              <Link to={`/needs/${need.id}/applicants`}>
                {t('needs.mine.applicants', { count: need.applicationCount })}
                <span className="visually-hidden">: {need.title}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </>
  );
}
