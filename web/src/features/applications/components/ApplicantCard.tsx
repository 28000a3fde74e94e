import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../shared/i18n';
import { TopicList } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { ConversationDialog } from '../../conversations';
import type { Application } from '../operations';
import { ApplicationActions } from './ApplicationActions';
import { ApplicationStateBadge } from './ApplicationStateBadge';
import { FromProposal } from './FromProposal';
import { ProfileSummary } from './ProfileSummary';
import { useReasonText } from './ApplicationTimeline';

/** How much of a cover letter a card shows before "Show the whole letter". */
const EXCERPT_LENGTH = 280;

interface ApplicantCardProps {
  application: Application;
  onChanged: (application: Application, message: string) => void;
}

/**
 * One applicant on the board: name, state, profile summary, the start of the cover letter (the
 * whole of it on request), the company's actions and the conversation with the applicant. On a
 * phone (styles.css) only the name, the state, the conversation and the link to the application.
 */
export function ApplicantCard({ application, onChanged }: ApplicantCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reasonText = useReasonText();
  const erased = useErased();
  const [expanded, setExpanded] = useState(false);
  const letterId = useId();
  const headingId = `applicant-${application.id}`;
  const name = erased.name(application.studentName);
  const letter = erased.text(application.coverLetter);
  const long = letter.length > EXCERPT_LENGTH;

  return (
    <li className="card applicant" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId} tabIndex={-1}>
        {name}
      </h3>
      <p className="card__meta">
        <ApplicationStateBadge state={application.state} />{' '}
        {t('applications.appliedOn', { date: format.date(application.createdAt) })}
      </p>
      {application.profile ? (
        <ProfileSummary profile={application.profile} compact />
      ) : (
        <p className="muted">{t('applications.noProfile')}</p>
      )}
      {application.profile ? (
        <TopicList topics={application.profile.topics} label={t('profile.fields.topics')} />
      ) : null}
      {application.proposalId && !application.coverLetter ? (
        <FromProposal proposalId={application.proposalId} />
      ) : (
        <div className="applicant__letter">
          <h4 className="applicant__letter-heading">{t('applications.coverLetter')}</h4>
          <p className="prewrap" id={letterId}>
            {expanded || !long ? letter : `${letter.slice(0, EXCERPT_LENGTH).trimEnd()}…`}
          </p>
          {long ? (
            <Button
              className="button button--ghost"
              aria-expanded={expanded}
              aria-controls={letterId}
              onPress={() => setExpanded((open) => !open)}
            >
              {expanded ? t('applications.board.showLess') : t('applications.board.showMore')}
              <span className="visually-hidden">: {name}</span>
            </Button>
          ) : null}
        </div>
      )}
      {application.rejectReason ? (
        <p className="muted">{t('applications.reason', { reason: reasonText(application.rejectReason) })}</p>
      ) : null}
      <ApplicationActions application={application} onChanged={onChanged} context={name} />
      <div className="button-row">
        <ConversationDialog
          subject={{ kind: 'APPLICATION', id: application.id }}
          title={t('applications.board.messagesWith', { name })}
          context={name}
        />
        <Link className="button button--ghost applicant__open" to={`/applications/${application.id}`}>
          {t('applications.board.openApplication')}
          <span className="visually-hidden">: {name}</span>
        </Link>
      </div>
    </li>
  );
}
