import { presetPeriod } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { helsinkiToday, useFormatters } from '../../../shared/i18n';
import { ErrorAlert } from '../../../shared/ui';
import { toAppError } from '../../../shared/graphql';
import { BrokeringQueueQuery } from '../../matching/operations';
import { OrganisationsQuery, VerifyOrganisationMutation } from '../../organisations/operations';
import { HeadlineFiguresQuery } from '../operations';
import { CardPlaceholder, HomeCard, useOneStepAction } from './HomeCard';
import { ProposalsInProgress } from './ProposalsToAnswer';

/** A coordinator's: the brokering queue, proposals in progress, organisations to verify, this year's figures. */
export function CoordinatorHome() {
  return (
    <>
      <Queue />
      <ProposalsInProgress />
      <OrganisationsToVerify />
      <Figures />
    </>
  );
}

function Queue() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: BrokeringQueueQuery,
    variables: { first: 5 },
    requestPolicy: 'cache-and-network',
  });
  const list = result.data?.brokeringQueue;
  return (
    <HomeCard
      title={t('home.coordinator.queue')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.coordinator.queueEmpty')}
      more={{ to: '/coordinator/queue', label: t('home.coordinator.allQueue') }}
      renderItem={(item) => (
        <li key={item.need.id}>
          <Link to={`/needs/${item.need.id}`}>{item.need.title}</Link>
          <span className="home-card__meta">
            {[
              item.need.organisation?.name,
              t('home.coordinator.waiting', { count: item.daysWaiting }),
              t('home.coordinator.proposals', { count: item.openProposals }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      )}
    />
  );
}

function OrganisationsToVerify() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: OrganisationsQuery,
    variables: { verified: false, first: 5 },
    requestPolicy: 'cache-and-network',
  });
  const [, verify] = useMutation(VerifyOrganisationMutation);
  const action = useOneStepAction();
  const list = result.data?.organisations;
  return (
    <HomeCard
      title={t('home.coordinator.verify')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      action={action}
      empty={t('home.coordinator.verifyEmpty')}
      more={{ to: '/coordinator/organisations', label: t('home.coordinator.allOrganisations') }}
      renderItem={(organisation) => (
        <li key={organisation.id}>
          <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
          <span className="home-card__meta">{t(`organisationKinds.${organisation.kind}`)}</span>
          <span className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={action.busy === organisation.id}
              onClick={() =>
                void action.run(
                  organisation.id,
                  () => verify({ id: organisation.id, verified: true }),
                  t('home.coordinator.verified', { name: organisation.name }),
                )
              }
            >
              {t('home.coordinator.verifyAction')}
              <span className="visually-hidden">: {organisation.name}</span>
            </button>
          </span>
        </li>
      )}
    />
  );
}

/** Four of the report's figures for this year so far, each beside the same days of last year. */
function Figures() {
  const { t } = useTranslation();
  const format = useFormatters();
  const period = presetPeriod('THIS_YEAR', helsinkiToday());
  const [result, reexecute] = useQuery({ query: HeadlineFiguresQuery, variables: period });
  const report = result.data?.clusterReport;
  const figures = report
    ? [
        { key: 'needs' as const, figure: report.needs.posted },
        { key: 'matches' as const, figure: report.matches.made },
        { key: 'seats' as const, figure: report.courses.seatsBooked },
        { key: 'placements' as const, figure: report.placements.filled },
      ]
    : [];
  return (
    <section className="card home-card" aria-labelledby="home-figures-heading" aria-busy={!report && !result.error}>
      <h3 className="home-card__title" id="home-figures-heading">
        {t('home.coordinator.figures')}
      </h3>
      {report ? (
        <>
          <p className="home-card__meta">
            {t('home.coordinator.figuresPeriod', {
              period: format.dayRange(report.period.from, report.period.to),
              previous: format.dayRange(report.previousPeriod.from, report.previousPeriod.to),
            })}
          </p>
          <dl className="home-figures">
            {figures.map(({ key, figure }) => (
              <div key={key}>
                <dt>{t(`home.coordinator.figure.${key}`)}</dt>
                <dd>
                  <span className="home-figures__value">{figure.current}</span>{' '}
                  <span className="muted">{t('home.coordinator.previous', { value: figure.previous })}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p className="home-card__more">
            <Link to="/reports">{t('home.coordinator.report')}</Link>
          </p>
        </>
      ) : result.error ? (
        <ErrorAlert error={toAppError(result.error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <CardPlaceholder />
      )}
    </section>
  );
}
