import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { EmptyState, ErrorAlert, Loading, Page } from '../../../shared/ui';
import { MatchList } from '../components/MatchList';
import { PlacementsForMeQuery } from '../operations';

const COUNT = 20;

/** Open placements that fit the signed-in student's profile, best first, with why. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: PlacementsForMeQuery,
    variables: { first: COUNT },
    requestPolicy: 'cache-and-network',
  });
  const placements = data?.placementsForMe ?? null;
  return (
    <Page title={t('matching.placements.title')} lead={t('matching.placements.lead')}>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {placements ? (
        placements.length === 0 ? (
          <div className="card">
            <EmptyState
              title={t('matching.placements.empty')}
              action={
                <Link className="button button--primary" to="/my/profile">
                  {t('matching.placements.editProfile')}
                </Link>
              }
            >
              <p>{t('matching.placements.emptyHelp')}</p>
            </EmptyState>
          </div>
        ) : (
          <MatchList matches={placements} headingLevel={2} />
        )
      ) : fetching ? (
        <Loading shape="list" />
      ) : null}
    </Page>
  );
}
