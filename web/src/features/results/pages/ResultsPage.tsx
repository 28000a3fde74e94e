import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { useFigureText } from '../components/figureText';
import { PublicCountValue } from '../components/PublicCountValue';
import { PUBLIC_FIGURES, PublicResultsQuery, type PublicFigure, type PublicResults } from '../operations';

/**
 * The cluster's results for anyone, signed in or not: each headline figure of this year so far
 * beside last year's, with its definition. The server suppresses counts of 1–4; this page says
 * so once and shows them as "fewer than 5". No personal data.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: PublicResultsQuery, variables: {} });
  const results = data?.publicResults ?? null;
  return (
    <Page title={t('results.title')} lead={t('results.lead')} className="results">
      <div className="results__notes">
        <p>{t('results.period')}</p>
        <p className="results__privacy">{t('results.privacy')}</p>
      </div>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {results ? <ResultsFigures results={results} /> : fetching ? <Loading shape="detail" /> : null}
    </Page>
  );
}

function ResultsFigures({ results }: { results: PublicResults }) {
  return (
    <ul className="results-figures">
      {PUBLIC_FIGURES.map((figure) => (
        <ResultsFigure key={figure} figure={figure} results={results} />
      ))}
    </ul>
  );
}

function ResultsFigure({ figure, results }: { figure: PublicFigure; results: PublicResults }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const { label, definition } = text(figure);
  const headingId = `results-figure-${figure}`;
  const years = [
    { key: 'this', label: t('results.thisYear', { year: results.thisYear.year }), count: results.thisYear[figure] },
    { key: 'last', label: String(results.lastYear.year), count: results.lastYear[figure] },
  ];
  return (
    <li className="card results-figure" aria-labelledby={headingId}>
      <h2 id={headingId} className="results-figure__label">
        {label}
      </h2>
      <dl className="results-figure__years">
        {years.map((year) => (
          <div key={year.key} className="results-figure__year">
            <dt>{year.label}</dt>
            <dd>
              <PublicCountValue count={year.count} className="results-figure__value" />
            </dd>
          </div>
        ))}
      </dl>
      <p className="results-figure__definition">{definition}</p>
    </li>
  );
}
