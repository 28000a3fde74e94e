import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Hyphenated } from '../../../shared/hyphenation';
import { useFormatters, usePriceText } from '../../../shared/i18n';
import { TopicList } from '../../../shared/ui';
import type { SearchResult } from '../operations';
import { resultPath, useResultPlace } from '../resultText';

/** One search result: what it is, who offers it, where and when, and what it costs. */
export function ResultCard({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const placeOf = useResultPlace();
  const place = placeOf(result);
  const price = usePriceText();

  const facts: { label: string; value: string }[] = [];
  if (result.nextStartsAt)
    facts.push({ label: t('search.result.nextStart'), value: format.dateTime(result.nextStartsAt) });
  else if (result.periodStart && result.periodEnd)
    facts.push({ label: t('search.result.period'), value: format.dayRange(result.periodStart, result.periodEnd) });
  if (result.applicationDeadline)
    facts.push({ label: t('search.result.deadline'), value: format.day(result.applicationDeadline) });
  if (result.priceCents !== null)
    facts.push({
      label: t('search.result.price'),
      value: price(result.priceCents),
    });
  if (result.seatsFree !== null)
    facts.push({
      label: t('search.result.seats'),
      value:
        result.seatsFree > 0 ? t('search.result.seatsFree', { count: result.seatsFree }) : t('offers.details.full'),
    });
  // Remote and online items show where they are ('Online') instead of a distance of 0 km.
  if (result.distanceKm !== null && !result.remote)
    facts.push({ label: t('search.result.distance'), value: format.km(result.distanceKm) });

  return (
    <li className="card result">
      <p className="result__kind">
        <span className={`badge result__badge result__badge--${result.kind.toLowerCase()}`}>
          {t(`searchKinds.${result.kind}`)}
        </span>
      </p>
      <h3 className="card__title result__title">
        <Link to={resultPath(result)} lang={result.language}>
          <Hyphenated text={result.title} lang={result.language} />
        </Link>
      </h3>
      <p className="card__meta">{[result.organisationName, place].filter(Boolean).join(' · ')}</p>
      {result.excerpt ? (
        <p className="result__excerpt" lang={result.language}>
          {result.excerpt}
        </p>
      ) : null}
      {facts.length > 0 ? (
        <dl className="result__facts">
          {facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <TopicList topics={result.topics.slice(0, 5)} label={t('search.result.topics')} />
    </li>
  );
}
