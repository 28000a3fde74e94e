import { municipalityName, topicById } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useLocale } from '../../../shared/i18n';
import { UnmetDemandQuery } from '../../unmetDemand/operations';
import { OrganisedSessionsQuery } from '../operations';
import { HomeCard } from './HomeCard';
import { useSessionLine } from './homeFormat';

/** An educator's: this week's sessions with their seats and waitlists, and demand no course meets. */
export function EducatorHome() {
  return (
    <>
      <SessionsToRun />
      <Leads />
    </>
  );
}

function SessionsToRun() {
  const { t } = useTranslation();
  const sessionLine = useSessionLine();
  const [result, reexecute] = useQuery({
    query: OrganisedSessionsQuery,
    variables: { days: 7 },
    requestPolicy: 'cache-and-network',
  });
  return (
    <HomeCard
      title={t('home.educator.sessions')}
      result={result}
      items={result.data?.organisedSessions}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.educator.sessionsEmpty')}
      more={{ to: '/my/offers', label: t('home.educator.allOffers') }}
      renderItem={({ offer, session }) => (
        <li key={session.id}>
          <Link to={`/sessions/${session.id}/manage`}>{offer.title}</Link>
          <span className="home-card__meta">{sessionLine(session)}</span>
          <span className="home-card__meta">
            {t('home.educator.seats', { taken: session.seatsTaken, count: session.seats })}
            {session.waitlistCount ? ` · ${t('home.educator.waiting', { count: session.waitlistCount })}` : ''}
          </span>
        </li>
      )}
    />
  );
}

function Leads() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [result, reexecute] = useQuery({
    query: UnmetDemandQuery,
    variables: { limit: 3 },
    requestPolicy: 'cache-and-network',
  });
  return (
    <HomeCard
      title={t('home.educator.leads')}
      result={result}
      items={result.data?.unmetDemand}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.educator.leadsEmpty')}
      more={{ to: '/unmet-demand', label: t('home.educator.allLeads') }}
      renderItem={(row) => (
        <li key={`${row.kind}:${row.topic}:${row.municipalityCode ?? ''}`}>
          <Link to={`/unmet-demand`}>
            {t('home.educator.lead', {
              topic: topicById(row.topic)?.labels[locale] ?? row.topic,
              place: row.municipalityCode ? municipalityName(row.municipalityCode, locale) : t('unmetDemand.remote'),
            })}
          </Link>
          <span className="home-card__meta">
            {t(`needKinds.${row.kind}`)} · {t('home.educator.people', { count: row.people })} ·{' '}
            {t('home.educator.companies', { count: row.companies })}
          </span>
        </li>
      )}
    />
  );
}
