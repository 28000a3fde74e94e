import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { ProposalStateBadge } from '../components/ProposalStateBadge';
import { MyProposalsQuery } from '../operations';

const PAGE_SIZE = 20;

/** Proposals concerning the viewer, newest first: for their needs, their offers, themselves, or made by them. */
export function MyProposalsPage() {
  const { t } = useTranslation();
  const paging = useCursorPages('all');
  return (
    <Page title={t('proposals.mine.title')} lead={t('proposals.mine.lead')}>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('proposals.mine.count', { count: paging.totalCount })}
      </p>
      <ul className="card-list">
        {paging.cursors.map((after, index) => (
          <MyProposalsPageItems
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

function MyProposalsPageItems({
  after,
  onPage,
}: {
  after: string | null;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [{ data, fetching, error }] = useQuery({
    query: MyProposalsQuery,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.myProposals;
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
        <EmptyState title={t('proposals.mine.empty')}>
          <p>{t('proposals.mine.emptyHelp')}</p>
        </EmptyState>
      </li>
    );
  return (
    <>
      {connection.nodes.map((proposal) => (
        <li key={proposal.id} className="card">
          <h2 className="card__title">
            <Link to={`/proposals/${proposal.id}`}>
              {t('proposals.mine.itemTitle', { need: proposal.need.title, target: proposal.target.title })}
            </Link>
          </h2>
          <p className="card__meta">
            <ProposalStateBadge state={proposal.state} />
            {proposal.actions.includes('ACCEPT') ? ` ${t('proposals.mine.awaitingYou')}` : ''}
          </p>
          <p className="card__meta muted">
            {t('proposals.mine.proposedOn', { name: proposal.proposerName, date: format.date(proposal.createdAt) })}
          </p>
        </li>
      ))}
    </>
  );
}
