import { municipalityName } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
import { BrokeringQueueQuery } from '../operations';

const PAGE_SIZE = 20;

/**
 * The coordinator's brokering board: open needs long without a match, the longest waiting first.
 * Each leads to the need's page, where its suggestions and Propose are.
 */
export function BrokeringQueuePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('brokering.title')} lead={t('brokering.lead')}>
      <CursorPagedList
        countText={(count) => t('brokering.count', { count })}
        renderPage={(page) => <QueueItems page={page} />}
      />
    </Page>
  );
}

function QueueItems({ page }: { page: CursorPage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const [result, reexecute] = useQuery({
    query: BrokeringQueueQuery,
    variables: { first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.brokeringQueue}
      empty={
        <li className="card">
          <EmptyState title={t('brokering.empty')} />
        </li>
      }
      renderItem={({ need, daysWaiting, openProposals, publishedAt }) => (
        <li key={need.id} className="card">
          <h2 className="card__title">
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
          </h2>
          <p className="card__meta">
            <span className="badge badge--info">{t(`needKinds.${need.kind}`)}</span>
            {need.organisation ? ` · ${need.organisation.name}` : ''}
            {need.municipalityCode ? ` · ${municipalityName(need.municipalityCode, locale)}` : ''}
            {need.remote ? ` · ${t('needs.details.remote')}` : ''}
          </p>
          <p className="card__meta">
            <strong>{t('brokering.daysWaiting', { count: daysWaiting })}</strong>
            {' · '}
            {t('brokering.openProposals', { count: openProposals })}
            {' · '}
            <span className="muted">{t('needs.details.publishedOn', { date: format.date(publishedAt) })}</span>
          </p>
        </li>
      )}
    />
  );
}
