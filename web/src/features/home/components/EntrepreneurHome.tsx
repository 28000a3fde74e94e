import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { MyNeedsQuery } from '../../needs/operations';
import { ReceivedApplicationsQuery } from '../operations';
import { HomeCard } from './HomeCard';
import { UpcomingBookings } from './UpcomingBookings';

const SHOWN = 5;

/** An entrepreneur's: new applicants, their open needs with suggestions, their bookings to come. */
export function EntrepreneurHome() {
  return (
    <>
      <NewApplicants />
      <OpenNeeds />
      <UpcomingBookings />
    </>
  );
}

function NewApplicants() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: ReceivedApplicationsQuery,
    variables: { state: 'SUBMITTED', first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const list = result.data?.receivedApplications;
  return (
    <HomeCard
      title={t('home.entrepreneur.applicants')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.entrepreneur.applicantsEmpty')}
      renderItem={(application) => (
        <li key={application.id}>
          <Link to={`/applications/${application.id}`}>{application.studentName}</Link>
          <span className="home-card__meta">
            {t('home.entrepreneur.appliedTo', { date: format.date(application.createdAt) })}{' '}
            <Link to={`/needs/${application.need.id}/applicants`}>{application.need.title}</Link>
          </span>
        </li>
      )}
    />
  );
}

function OpenNeeds() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: MyNeedsQuery,
    variables: { state: 'OPEN', first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const list = result.data?.myNeeds;
  return (
    <HomeCard
      title={t('home.entrepreneur.needs')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.entrepreneur.needsEmpty')}
      more={{ to: '/my/needs', label: t('home.entrepreneur.allNeeds') }}
      renderItem={(need) => (
        <li key={need.id}>
          <Link to={`/needs/${need.id}`}>{need.title}</Link>
          <span className="home-card__meta">
            {need.kind === 'COURSE' ? null : (
              <>{t('home.entrepreneur.applications', { count: need.applicationCount ?? 0 })} · </>
            )}
            <Link to={`/needs/${need.id}#need-suggestions-heading`}>{t('home.entrepreneur.suggestions')}</Link>
          </span>
        </li>
      )}
    />
  );
}
