import type { NeedState } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { hasCode, toAppError } from '../../../shared/graphql';
import { formatDateTime, useLocale } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { EmptyState, ErrorAlert, Loading } from '../../../shared/ui';
import { hasRole } from '../../../shared/utils/roles';
import { bookForNeedPath } from '../../bookings';
import { NeedMatchesQuery, type Match } from '../operations';
import { MatchList } from './MatchList';
import { ProposeButton, targetOfMatch } from './ProposeDialog';

/** How many suggestions the need page shows. */
export const SUGGESTION_COUNT = 5;

/** The course a suggestion books: a course, or a session's course; null for anything else. */
const courseToBook = (match: Match): string | null =>
  match.kind === 'OFFER' && match.itemKind === 'COURSE' ? match.id : match.kind === 'SESSION' ? match.offerId : null;

/**
 * "Suggested for you" on a need's page, for those who may manage the need (its company side) and
 * coordinators: the best courses, sessions, student pools or students, with why they fit. A
 * coordinator proposes one of them to both sides; the need's company books a suggested course for
 * its open COURSE need ("Book for this need" opens the course with the need attached).
 */
export function NeedSuggestions({ need }: { need: { id: string; title: string; state: NeedState; canEdit: boolean } }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const locale = useLocale();
  const coordinator = hasRole(user, 'COORDINATOR');
  // Suggestions help while the need can still be met: not once it is filled, closed or expired.
  const show = (need.canEdit || coordinator) && (need.state === 'DRAFT' || need.state === 'OPEN');
  const [{ data, fetching, error }] = useQuery({
    query: NeedMatchesQuery,
    variables: { id: need.id, first: SUGGESTION_COUNT },
    pause: !show,
  });
  if (!show) return null;
  const appError = error ? toAppError(error) : null;
  // Someone outside the need's side (a stale role) sees nothing here rather than an error.
  if (hasCode(appError, 'FORBIDDEN')) return null;
  const matches = data?.need?.matches ?? null;
  const canPropose = coordinator && need.state === 'OPEN';
  const canBook = data?.need?.canBookCourse === true && need.state === 'OPEN';

  return (
    <section className="card" aria-labelledby="need-suggestions-heading">
      <h2 id="need-suggestions-heading">{t('matching.suggestions.heading')}</h2>
      <p className="muted">{t('matching.suggestions.lead')}</p>
      {appError ? <ErrorAlert error={appError} /> : null}
      {matches ? (
        matches.length === 0 ? (
          <EmptyState title={t('matching.suggestions.empty')}>
            <p>{t('matching.suggestions.emptyHelp')}</p>
          </EmptyState>
        ) : (
          <MatchList
            matches={matches}
            action={
              canPropose || canBook
                ? (match) => {
                    const target = canPropose ? targetOfMatch(need.id, need.title, match) : null;
                    const course = canBook ? courseToBook(match) : null;
                    const which = [match.title, match.startsAt ? formatDateTime(match.startsAt, locale) : null]
                      .filter(Boolean)
                      .join(', ');
                    return target || course ? (
                      <div className="button-row">
                        {course ? (
                          <Link className="button button--primary" to={bookForNeedPath(course, need.id)}>
                            {t('matching.suggestions.bookForNeed')}
                            <span className="visually-hidden">: {which}</span>
                          </Link>
                        ) : null}
                        {target ? <ProposeButton target={target} label={t('proposals.propose.button')} /> : null}
                      </div>
                    ) : null;
                  }
                : undefined
            }
          />
        )
      ) : fetching ? (
        <Loading shape="list" />
      ) : null}
    </section>
  );
}
