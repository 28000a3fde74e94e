import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, EmptyState, Page, type CursorPage } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { ProposalStateBadge } from '../components/ProposalStateBadge';
import { MyProposalsQuery, targetTitleOf } from '../operations';

const PAGE_SIZE = 20;

/** Proposals concerning the viewer, newest first: for their needs, their offers, themselves, or made by them. */
export function MyProposalsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('proposals.mine.title')} lead={t('proposals.mine.lead')}>
      <CursorPagedList
        countText={(count) => t('proposals.mine.count', { count })}
        renderPage={(page) => <MyProposalsPageItems page={page} />}
      />
    </Page>
  );
}

function MyProposalsPageItems({ page }: { page: CursorPage }) {
  const { t } = useTranslation();
  const erased = useErased();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: MyProposalsQuery,
    variables: { first: PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.myProposals}
      empty={
        <li className="card">
          <EmptyState title={t('proposals.mine.empty')}>
            <p>{t('proposals.mine.emptyHelp')}</p>
          </EmptyState>
        </li>
      }
      renderItem={(proposal) => (
        <li key={proposal.id} className="card">
          <h2 className="card__title">
            <Link to={`/proposals/${proposal.id}`}>
              {t('proposals.mine.itemTitle', {
                need: proposal.need.title,
                target: erased.name(targetTitleOf(proposal.target, t)),
              })}
            </Link>
          </h2>
          <p className="card__meta">
            <ProposalStateBadge state={proposal.state} />
            {proposal.actions.includes('ACCEPT') ? ` ${t('proposals.mine.awaitingYou')}` : ''}
          </p>
          <p className="card__meta muted">
            {t('proposals.mine.proposedOn', {
              name: erased.name(proposal.proposerName),
              date: format.date(proposal.createdAt),
            })}
          </p>
        </li>
      )}
    />
  );
}
