import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page, StatusMessage } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { hasRole } from '../../../shared/utils/roles';
import { ConversationView } from '../../conversations';
import { ProposalActions } from '../components/ProposalActions';
import { ProposalFollowUp } from '../components/ProposalFollowUp';
import { ProposalStateBadge } from '../components/ProposalStateBadge';
import { ProposalQuery, targetTitleOf, type Proposal, type ProposalSideAnswer } from '../operations';

/**
 * One proposal (notifications link here): the need and what it is matched with, the proposer's
 * note, both sides' answers, and the viewer's Accept, Decline or Withdraw; once accepted, what
 * followed the match and the next step (`ProposalFollowUp`).
 */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProposalQuery, variables: { id } });
  const proposal = data?.proposal ?? null;
  const [status, setStatus] = useState<string | null>(null);
  const title = proposal
    ? t('proposals.page.title', { title: proposal.need.title })
    : data || (error && toAppError(error).code === 'NOT_FOUND')
      ? t('proposals.page.notFound')
      : t('proposals.page.titleShort');

  // After a change, the state heading takes focus once the reloaded proposal shows it.
  const focusAfterReload = useRef<string | null>(null);
  useEffect(() => {
    if (!proposal || focusAfterReload.current !== proposal.state + proposal.actions.join()) return;
    focusAfterReload.current = null;
    document.getElementById('proposal-state-heading')?.focus();
  }, [proposal]);

  const changed = (updated: Proposal, message: string) => {
    setStatus(message);
    focusAfterReload.current = updated.state + updated.actions.join();
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={title} className="page--medium">
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {proposal ? (
        <ProposalContent proposal={proposal} onChanged={changed} />
      ) : data ? (
        <p>{t('proposals.page.notFoundHelp')}</p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
      <p>
        <Link to="/my/proposals">{t('proposals.page.backToMine')}</Link>
      </p>
    </Page>
  );
}

function ProposalContent({
  proposal,
  onChanged,
}: {
  proposal: Proposal;
  onChanged: (proposal: Proposal, message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const erased = useErased();
  const { user } = useSession();
  const { need, target } = proposal;
  // The thread's readers: both sides (and the proposer, who is on one or a coordinator) and coordinators.
  const talks = proposal.viewerSides.length > 0 || hasRole(user, 'COORDINATOR');
  const targetHref = target.offer ? `/offers/${target.offer.id}` : null;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="proposal-state-heading">
        <h2 id="proposal-state-heading" tabIndex={-1}>
          {t('proposals.page.stateHeading')}
        </h2>
        <p>
          <ProposalStateBadge state={proposal.state} /> {t(`proposals.stateHelp.${proposal.state}`)}
        </p>
        {proposal.matchMade ? (
          <p className="alert alert--success">
            {t('proposals.page.matchMade', { date: format.date(proposal.matchMade.matchedAt) })}
          </p>
        ) : null}
        <dl className="details">
          <dt>{t('proposals.page.needSide')}</dt>
          <dd>
            <AnswerText answer={proposal.needAnswer} />
          </dd>
          <dt>{t('proposals.page.targetSide')}</dt>
          <dd>
            <AnswerText answer={proposal.targetAnswer} />
          </dd>
        </dl>
        <ProposalActions proposal={proposal} onChanged={onChanged} />
      </section>

      <ProposalFollowUp proposal={proposal} />

      <section className="card" aria-labelledby="proposal-match-heading">
        <h2 id="proposal-match-heading">{t('proposals.page.matchHeading')}</h2>
        <dl className="details">
          <dt>{t('proposals.page.need')}</dt>
          <dd>
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
            {need.organisation ? ` · ${need.organisation.name}` : ''}
          </dd>
          <dt>{t(`proposals.targetKinds.${target.kind}`)}</dt>
          <dd>
            {targetHref ? <Link to={targetHref}>{target.title}</Link> : erased.name(targetTitleOf(target, t))}
            {target.organisationName ? ` · ${target.organisationName}` : ''}
            {target.session ? ` · ${format.dateTime(target.session.startsAt)}` : ''}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="proposal-note-heading">
        <h2 id="proposal-note-heading">{t('proposals.page.noteHeading')}</h2>
        <p className="muted">
          {t(`proposals.origins.${proposal.origin}`, {
            name: erased.name(proposal.proposerName),
            date: format.date(proposal.createdAt),
          })}
        </p>
        <p className="prewrap">{erased.text(proposal.note)}</p>
      </section>

      {talks ? (
        <section className="card" aria-labelledby="proposal-messages-heading">
          <h2 id="proposal-messages-heading">{t('proposals.page.messagesHeading')}</h2>
          <p className="muted">{t('proposals.page.messagesHelp')}</p>
          <ConversationView subject={{ kind: 'PROPOSAL', id: proposal.id }} />
        </section>
      ) : null}
    </div>
  );
}

function AnswerText({ answer }: { answer: ProposalSideAnswer }) {
  const { t } = useTranslation();
  const erased = useErased();
  const format = useFormatters();
  if (!answer.answer || !answer.answeredAt) return <>{t('proposals.answers.none')}</>;
  return (
    <>
      {t(`proposals.answers.${answer.answer}`, {
        name: erased.name(answer.answeredByName),
        date: format.date(answer.answeredAt),
      })}
    </>
  );
}
