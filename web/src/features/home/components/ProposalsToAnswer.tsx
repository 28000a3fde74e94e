import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useErased } from '../../../shared/utils/erased';
import { ProposalActions } from '../../matching/components/ProposalActions';
import { MyProposalsQuery, targetTitleOf, type Proposal } from '../../matching/operations';
import { HomeCard, useOneStepAction } from './HomeCard';

const SHOWN = 20;

function useOpenProposals() {
  const [result, reexecute] = useQuery({
    query: MyProposalsQuery,
    variables: { state: 'OPEN', first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  return { result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

function useProposalTitle(): (proposal: Proposal) => string {
  const { t } = useTranslation();
  const erased = useErased();
  return (proposal) =>
    t('proposals.mine.itemTitle', {
      need: proposal.need.title,
      target: erased.name(targetTitleOf(proposal.target, t)),
    });
}

/**
 * Matches proposed to the person's side that wait for their answer: accept or decline here (each
 * confirmed first, as on the proposal's page), or open it to read the note.
 */
export function ProposalsToAnswer() {
  const { t } = useTranslation();
  const { result, retry } = useOpenProposals();
  const title = useProposalTitle();
  const erased = useErased();
  const action = useOneStepAction();
  const waiting = result.data?.myProposals.nodes.filter((proposal) => proposal.actions.includes('ACCEPT'));
  return (
    <HomeCard
      title={t('home.proposals.toAnswer')}
      result={result}
      items={waiting}
      retry={retry}
      action={action}
      empty={t('home.proposals.toAnswerEmpty')}
      more={{ to: '/my/proposals', label: t('home.proposals.all') }}
      renderItem={(proposal) => (
        <li key={proposal.id}>
          <Link to={`/proposals/${proposal.id}`}>{title(proposal)}</Link>
          <span className="home-card__meta">
            {t('home.proposals.by', { name: erased.name(proposal.proposerName) })}
          </span>
          <ProposalActions
            proposal={{ ...proposal, actions: proposal.actions.filter((a) => a !== 'WITHDRAW') }}
            onChanged={(_updated, message) => action.announce(message)}
            context={title(proposal)}
          />
        </li>
      )}
    />
  );
}

/** The coordinator's proposals not yet answered by both sides. */
export function ProposalsInProgress() {
  const { t } = useTranslation();
  const { result, retry } = useOpenProposals();
  const title = useProposalTitle();
  const list = result.data?.myProposals;
  return (
    <HomeCard
      title={t('home.proposals.inProgress')}
      result={result}
      items={list?.nodes.slice(0, 5)}
      total={list?.totalCount}
      retry={retry}
      empty={t('home.proposals.inProgressEmpty')}
      more={{ to: '/my/proposals', label: t('home.proposals.all') }}
      renderItem={(proposal) => (
        <li key={proposal.id}>
          <Link to={`/proposals/${proposal.id}`}>{title(proposal)}</Link>
          <span className="home-card__meta">
            {t('home.proposals.answers', {
              need: t(`home.proposals.answer.${proposal.needAnswer.answer ?? 'WAITING'}`),
              target: t(`home.proposals.answer.${proposal.targetAnswer.answer ?? 'WAITING'}`),
            })}
          </span>
        </li>
      )}
    />
  );
}
