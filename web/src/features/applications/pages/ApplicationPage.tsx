import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, Loading, Page, StatusMessage, TopicList } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { ConversationView } from '../../conversations';
import { ApplicationActions } from '../components/ApplicationActions';
import { ApplicationStateBadge } from '../components/ApplicationStateBadge';
import { ApplicationTimeline, useReasonText } from '../components/ApplicationTimeline';
import { FromProposal } from '../components/FromProposal';
import { ProfileSummary } from '../components/ProfileSummary';
import { ApplicationQuery, type Application } from '../operations';

/**
 * One application: its state and timeline, the cover letter, what the viewer may do now (the
 * student answers an offer or withdraws; the company moves it on), and the conversation between
 * the student and the company. The student reaches it at /my/applications/:id, the company from
 * the applicant board at /applications/:id.
 */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const asStudent = useMatch('/my/applications/:id') !== null;
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ApplicationQuery, variables: { id } });
  const application = data?.application ?? null;
  const [status, setStatus] = useState<string | null>(null);
  const title = application
    ? t('applications.page.title', { title: application.need.title })
    : data
      ? t('applications.page.notFound')
      : t('applications.page.titleShort');

  // After a change, the state heading takes focus once the reloaded application shows it.
  const focusAfterReload = useRef<string | null>(null);
  useEffect(() => {
    if (!application || focusAfterReload.current !== application.state) return;
    focusAfterReload.current = null;
    document.getElementById('application-state-heading')?.focus();
  }, [application]);

  const changed = (updated: Application, message: string) => {
    setStatus(message);
    focusAfterReload.current = updated.state;
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={title} className="page--medium">
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {application ? (
        <ApplicationContent application={application} asStudent={asStudent} onChanged={changed} />
      ) : data ? (
        <p>{t('applications.page.notFoundHelp')}</p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
      <p>
        {asStudent ? (
          <Link to="/my/applications">{t('applications.page.backToMine')}</Link>
        ) : application ? (
          <Link to={`/needs/${application.need.id}/applicants`}>{t('applications.page.backToBoard')}</Link>
        ) : null}
      </p>
    </Page>
  );
}

interface ApplicationContentProps {
  application: Application;
  asStudent: boolean;
  onChanged: (application: Application, message: string) => void;
}

function ApplicationContent({ application, asStudent, onChanged }: ApplicationContentProps) {
  const { t } = useTranslation();
  const erased = useErased();
  const studentName = erased.name(application.studentName);
  const format = useFormatters();
  const reasonText = useReasonText();
  const { need } = application;
  const answerOffer = application.actions.includes('ACCEPT');

  return (
    <div className="stack">
      <p className="detail__meta">
        <span className="badge badge--info">{t(`needKinds.${need.kind}`)}</span>{' '}
        <Link to={`/needs/${need.id}`}>{need.title}</Link>
        {need.organisation ? (
          <>
            {' · '}
            <Link to={`/organisations/${need.organisation.id}`}>{need.organisation.name}</Link>
          </>
        ) : null}
      </p>

      <section className="card" aria-labelledby="application-state-heading">
        <h2 id="application-state-heading" tabIndex={-1}>
          {t('applications.page.stateHeading')}
        </h2>
        <p>
          <ApplicationStateBadge state={application.state} />{' '}
          {asStudent
            ? t(`applications.studentHelp.${application.state}`)
            : t('applications.page.applicant', { name: studentName })}
        </p>
        {application.rejectReason ? (
          <p>{t('applications.reason', { reason: reasonText(application.rejectReason) })}</p>
        ) : null}
        {answerOffer ? (
          <div className="alert alert--warning">
            <p>
              <strong>{t('applications.page.offerTitle')}</strong>
            </p>
            <p>{t('applications.page.offerBody', { company: need.organisation?.name ?? '' })}</p>
          </div>
        ) : null}
        <ApplicationActions application={application} onChanged={onChanged} />
        <h3 id="application-timeline-heading">{t('applications.page.timelineHeading')}</h3>
        <ApplicationTimeline events={application.events} />
      </section>

      <section className="card" aria-labelledby="application-letter-heading">
        <h2 id="application-letter-heading">{t('applications.coverLetter')}</h2>
        <p className="muted">{t('applications.appliedOn', { date: format.date(application.createdAt) })}</p>
        {application.proposalId && !application.coverLetter ? (
          <FromProposal proposalId={application.proposalId} />
        ) : (
          <p className="prewrap">{erased.text(application.coverLetter)}</p>
        )}
      </section>

      <section className="card" aria-labelledby="application-profile-heading">
        <h2 id="application-profile-heading">
          {asStudent ? t('applications.page.sharedProfile') : t('applications.page.profile')}
        </h2>
        {application.profile ? (
          <>
            <ProfileSummary profile={application.profile} />
            <TopicList topics={application.profile.topics} label={t('profile.fields.topics')} />
          </>
        ) : (
          <p className="muted">{asStudent ? t('applications.page.noSharedProfile') : t('applications.noProfile')}</p>
        )}
        {asStudent ? (
          <p>
            <Link to="/my/profile">{t('applications.apply.editProfile')}</Link>
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="application-messages-heading">
        <h2 id="application-messages-heading">
          {asStudent
            ? t('applications.page.messagesWithCompany')
            : t('applications.board.messagesWith', { name: studentName })}
        </h2>
        <ConversationView subject={{ kind: 'APPLICATION', id: application.id }} />
      </section>
    </div>
  );
}
