import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { bookForNeedPath } from '../../bookings';
import type { Proposal } from '../operations';

/**
 * What followed an accepted proposal, and the next step: a student match's application (made by
 * the match, or the student's own) with its conversation, where the company and the student talk;
 * a course session match's seats held for the need's poster, with their claim deadline and where
 * to claim them; a course matched without a session, booking it for the need. Nothing for other
 * proposals, or before the match.
 */
export function ProposalFollowUp({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (proposal.state !== 'ACCEPTED') return null;
  const { need, target } = proposal;
  const needSide = proposal.viewerSides.includes('NEED');
  const bookHref = target.offer && need.kind === 'COURSE' ? bookForNeedPath(target.offer.id, need.id) : null;

  let body: ReactNode = null;
  if (target.kind === 'STUDENT') {
    const application = proposal.application ?? null;
    if (application) {
      const student = proposal.viewerSides.includes('TARGET');
      const href = student ? `/my/applications/${application.id}` : `/applications/${application.id}`;
      body = (
        <>
          <p>
            {application.proposalId === proposal.id
              ? t(student ? 'proposals.followUp.applicationMadeStudent' : 'proposals.followUp.applicationMade')
              : t('proposals.followUp.applicationExisting')}
          </p>
          <p>
            <Link className="button button--primary" to={href}>
              {t('proposals.followUp.openApplication')}
            </Link>{' '}
            <Link className="button" to={`${href}#application-messages-heading`}>
              {t('proposals.followUp.openConversation')}
            </Link>
          </p>
        </>
      );
    } else body = <p>{t('proposals.followUp.noApplication')}</p>;
  } else if (target.kind === 'SESSION') {
    const hold = proposal.seatHold ?? null;
    if (!hold) {
      body = (
        <>
          <p>{t('proposals.followUp.noSeatsHeld')}</p>
          {needSide && bookHref ? <BookLink href={bookHref} /> : null}
        </>
      );
    } else if (hold.state === 'OFFERED') {
      const until = hold.offeredUntil ? format.dateTime(hold.offeredUntil) : '';
      body = hold.mine ? (
        <>
          <p>{t('proposals.followUp.seatsHeldMine', { count: hold.seats, until })}</p>
          <p>
            <Link className="button button--primary" to="/my/bookings">
              {t('proposals.followUp.claim', { count: hold.seats })}
            </Link>
          </p>
        </>
      ) : (
        <p>{t('proposals.followUp.seatsHeld', { count: hold.seats, until })}</p>
      );
    } else if (hold.state === 'CONFIRMED') {
      body = <p>{t('proposals.followUp.seatsClaimed', { count: hold.seats })}</p>;
    } else {
      body = (
        <>
          <p>{t('proposals.followUp.seatsLapsed', { count: hold.seats })}</p>
          {needSide && bookHref ? <BookLink href={bookHref} /> : null}
        </>
      );
    }
  } else if (bookHref) {
    body = (
      <>
        <p>{t('proposals.followUp.bookCourse')}</p>
        {needSide ? <BookLink href={bookHref} /> : null}
      </>
    );
  }
  if (!body) return null;
  return (
    <section className="card" aria-labelledby="proposal-follow-up-heading">
      <h2 id="proposal-follow-up-heading">{t('proposals.followUp.heading')}</h2>
      {body}
    </section>
  );
}

function BookLink({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="button" to={href}>
        {t('proposals.followUp.bookLink')}
      </Link>
    </p>
  );
}
