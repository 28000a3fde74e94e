import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { TIME_ZONE } from '../../../shared/i18n';
import { PublicCountValue, PublicResultsQuery, type PublicFigure, type PublicResults } from '../../results';

/** The few figures the front page shows: what a visitor most wants to know the cluster did. */
export const BAND_FIGURES = [
  'matchesMade',
  'participantsAttended',
  'companiesServed',
] as const satisfies PublicFigure[];

/** Until the end of March this year has too little to show: the band shows last year instead. */
const YOUNG_YEAR_MONTHS = 3;

/** Which year the band shows on `now`: this year, or last year while this one is young. */
export function bandYear(results: PublicResults, now: Date): PublicResults['thisYear'] {
  const month = Number(new Intl.DateTimeFormat('en-GB', { month: 'numeric', timeZone: TIME_ZONE }).format(now));
  return month <= YOUNG_YEAR_MONTHS ? results.lastYear : results.thisYear;
}

/**
 * A compact band of headline figures linking to the results page. Without figures (loading, a
 * failed query, nothing yet) it is just the link, so the front page looks right whatever happens.
 */
export function ResultsBand({ now = new Date() }: { now?: Date }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: PublicResultsQuery, variables: {} });
  const results = data?.publicResults ?? null;
  const year = results ? bandYear(results, now) : null;
  // A zero says nothing good about anyone: the band leaves it out (the results page shows it).
  const shown = year ? BAND_FIGURES.filter((figure) => year[figure].suppressed || (year[figure].value ?? 0) > 0) : [];
  const thisYear = year !== null && results !== null && year.year === results.thisYear.year;
  return (
    <section className="section card results-band" aria-labelledby="results-band-heading">
      <h2 id="results-band-heading">{t('landing.figures.heading')}</h2>
      {year && shown.length > 0 ? (
        <>
          <p className="results-band__year">
            {t(thisYear ? 'landing.figures.thisYear' : 'landing.figures.lastYear', { year: year.year })}
          </p>
          <ul className="results-band__list">
            {shown.map((figure) => (
              <li key={figure} className="results-band__item">
                <PublicCountValue count={year[figure]} className="results-band__value" />
                <span className="results-band__label">{t(`landing.figures.labels.${figure}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/results">{t('landing.figures.more')}</Link>
      </p>
    </section>
  );
}
