import { Fragment, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, LoadMoreButton, Loading } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { useErased } from '../../../shared/utils/erased';
import {
  ACCESS_LOG_PAGE_SIZE,
  DataAccessLogQuery,
  DataAccessLogRetentionQuery,
  type DataAccessEvent,
} from '../operations';

/**
 * "Who has looked at your data": the views log of the signed-in person, newest first, a page at
 * a time. Shown to everyone: students are the ones it concerns, and an empty log says so plainly.
 */
export function DataAccessLog() {
  const { t } = useTranslation();
  const [retention] = useQuery({ query: DataAccessLogRetentionQuery, variables: {} });
  const paging = useCursorPages('all');
  const months = retention.data?.legalInfo.dataAccessLogMonths;
  return (
    <section className="section" aria-labelledby="your-data-log-heading">
      <h3 id="your-data-log-heading">{t('privacy.accessLog.heading')}</h3>
      <p>
        {t('privacy.accessLog.help')}
        {months === undefined ? null : <> {t('privacy.accessLog.retention', { count: months })}</>}
      </p>
      <ul className="access-log" aria-label={t('privacy.accessLog.listLabel')}>
        {paging.cursors.map((after, index) => (
          <Fragment key={after ?? 'first'}>
            <AccessLogPage after={after} onPage={(pageInfo) => paging.reportPage(index, pageInfo, 0)} />
          </Fragment>
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </section>
  );
}

interface AccessLogPageProps {
  /** The cursor this page starts after: null for the first page. */
  after: string | null;
  onPage: (pageInfo: PageInfo) => void;
}

function AccessLogPage({ after, onPage }: AccessLogPageProps) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: DataAccessLogQuery,
    variables: { first: ACCESS_LOG_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.dataAccessLog;
  // Tells the list where the next page starts once this one has arrived (the log has no count).
  const reported = useMemo(
    () => (connection ? { pageInfo: connection.pageInfo, totalCount: 0 } : undefined),
    [connection],
  );
  useReportPage(reported, onPage);

  if (result.error)
    return (
      <li>
        <ErrorAlert error={toAppError(result.error)} />
        <Button className="button button--secondary" onPress={() => refetch({ requestPolicy: 'network-only' })}>
          {t('common.retry')}
        </Button>
      </li>
    );
  if (!connection)
    return result.fetching ? (
      <li>
        <Loading shape="list" />
      </li>
    ) : null;
  if (connection.nodes.length === 0 && !after)
    return <li className="access-log__empty">{t('privacy.accessLog.empty')}</li>;
  return (
    <>
      {connection.nodes.map((event) => (
        <AccessLogEntry key={event.id} event={event} />
      ))}
    </>
  );
}

function AccessLogEntry({ event }: { event: DataAccessEvent }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const erased = useErased();
  const roles = event.viewerRoles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <li className="access-log__entry">
      <dl className="details details--compact access-log__details">
        <div>
          <dt>{t('privacy.accessLog.when')}</dt>
          <dd>
            <time dateTime={event.at}>{format.dateTime(event.at)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('privacy.accessLog.who')}</dt>
          <dd>{erased.name(event.viewerName)}</dd>
        </div>
        {roles ? (
          <div>
            <dt>{t('privacy.accessLog.role')}</dt>
            <dd>{roles}</dd>
          </div>
        ) : null}
        {event.organisationName ? (
          <div>
            <dt>{t('privacy.accessLog.organisation')}</dt>
            <dd>{event.organisationName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('privacy.accessLog.what')}</dt>
          <dd>{t(`privacy.kinds.${event.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('privacy.accessLog.where')}</dt>
          <dd>{t(`privacy.sources.${event.source}`)}</dd>
        </div>
      </dl>
    </li>
  );
}
