import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { ApplicationActions } from '../../applications/components/ApplicationActions';
import { matchHref } from '../../matching/components/MatchList';
import { PlacementsForMeQuery } from '../../matching/operations';
import { OfferedApplicationsQuery } from '../operations';
import { HomeCard, useOneStepAction } from './HomeCard';
import { SeatsToClaim, SessionsThisWeek } from './UpcomingBookings';

const SHOWN = 3;

/** A student's: placements for them, job offers waiting for their answer, seats to claim, this week. */
export function StudentHome() {
  return (
    <>
      <OffersToAnswer />
      <SeatsToClaim />
      <Placements />
      <SessionsThisWeek />
    </>
  );
}

function Placements() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: PlacementsForMeQuery,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  return (
    <HomeCard
      title={t('home.student.placements')}
      result={result}
      items={result.data?.placementsForMe}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.student.placementsEmpty')}
      more={{ to: '/my/placements', label: t('home.student.allPlacements') }}
      renderItem={(match) => {
        const href = matchHref(match);
        return (
          <li key={`${match.kind}:${match.id}`}>
            {href ? <Link to={href}>{match.title}</Link> : match.title}
            <span className="home-card__meta">{match.explanation}</span>
          </li>
        );
      }}
    />
  );
}

/**
 * Applications where the company offered the place: the student accepts or declines here, each
 * confirmed first (accepting fills the place and withdraws their other applications to it).
 */
function OffersToAnswer() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: OfferedApplicationsQuery,
    variables: { first: 5 },
    requestPolicy: 'cache-and-network',
  });
  const action = useOneStepAction();
  const list = result.data?.myApplications;
  return (
    <HomeCard
      title={t('home.student.offers')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      action={action}
      empty={t('home.student.offersEmpty')}
      more={{ to: '/my/applications', label: t('home.student.allApplications') }}
      renderItem={(application) => (
        <li key={application.id}>
          <Link to={`/my/applications/${application.id}`}>{application.need.title}</Link>
          <span className="home-card__meta">
            {[
              application.need.organisation?.name,
              t('home.student.offeredOn', { date: format.date(application.updatedAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <ApplicationActions
            application={{ ...application, actions: application.actions.filter((a) => a !== 'WITHDRAW') }}
            onChanged={(_updated, message) => action.announce(message)}
            context={application.need.title}
          />
        </li>
      )}
    />
  );
}
