import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { BrokeringQueueQuery } from '../operations';

const PAGE_SIZE = 20;

/**
 * The coordinator's brokering board: open needs long without a match, the longest waiting first.
 * Each leads to the need's page, where its suggestions and Propose are.
 */
export function BrokeringQueuePage() {
  const { t } = useTranslation();
  const paging = useCursorPages('queue');
  return (
    <Page title={t('brokering.title')} lead={t('brokering.lead')}>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('brokering.count', { count: paging.totalCount })}
      </p>
      <ul className="card-list">
        {paging.cursors.map((after, index) => (
          <QueueItems
            key={after ?? 'first'}
            after={after}
            onPage={(pageInfo, totalCount) => paging.reportPage(index, pageInfo, totalCount)}
          />
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

function QueueItems({
  after,
  onPage,
}: {
  after: string | null;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const [{ data, fetching, error }] = useQuery({
    query: BrokeringQueueQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.brokeringQueue;
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
        <EmptyState title={t('brokering.empty')} />
      </li>
    );
  return (
    <>
      {connection.nodes.map(({ need, daysWaiting, openProposals, publishedAt }) => (
        <li key={need.id} className="card">
          <h2 className="card__title">
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
          </h2>
          <p className="card__meta">
            <span className="badge badge--info">{t(`needKinds.${need.kind}`)}</span>
            {need.organisation ? ` · ${need.organisation.name}` : ''}
            {need.municipalityCode ? ` · ${municipalityName(need.municipalityCode, locale)}` : ''}
          </p>
          <p className="card__meta">
            <strong>{t('brokering.daysWaiting', { count: daysWaiting })}</strong>
            {' · '}
            {t('brokering.openProposals', { count: openProposals })}
            {' · '}
            <span className="muted">{t('needs.details.publishedOn', { date: format.date(publishedAt) })}</span>
          </p>
        </li>
      ))}
    </>
  );
}
