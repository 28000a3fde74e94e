import { isPlacementKind, municipalityName, NEED_STATES, type NeedState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
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
      <CursorPagedList
        resetKey={state ?? 'all'}
        countText={(count) => t('needs.mine.count', { count })}
        renderPage={(page) => <MyNeedsPageItems state={state} page={page} />}
      />
    </Page>
  );
}

function MyNeedsPageItems({ state, page }: { state: NeedState | null; page: CursorPage }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: MyNeedsQuery,
    variables: { state, first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.myNeeds}
      empty={
        <li className="card">
          {state ? (
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
      }
      renderItem={(need) => (
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
      )}
    />
  );
}
