import { isPlacementKind, type SearchSort } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters, usePriceText } from '../../../shared/i18n';
import { SearchResultsQuery, type SearchResult, type SearchVariables } from '../../search/operations';
import { resultPath, useResultPlace } from '../../search/resultText';

/** How many of each the front page shows: a glance, the search has the rest. */
const SHOWN = 3;

/** Courses with a seat left, the next to start first. */
const UPCOMING_COURSES: SearchVariables = {
  filter: { kinds: ['COURSE'], freeSeats: true },
  sort: 'SOONEST',
  first: SHOWN,
  after: null,
};
/** Internships, summer jobs and theses open for applications, the newest first. */
const OPEN_PLACEMENTS: SearchVariables = {
  filter: { kinds: ['INTERNSHIP', 'SUMMER_JOB', 'THESIS'] },
  sort: 'NEWEST',
  first: SHOWN,
  after: null,
};

/** The search page with the same filters, for "see them all". */
function searchPath(variables: SearchVariables, sort: SearchSort): string {
  const params = new URLSearchParams();
  variables.filter.kinds?.forEach((kind) => params.append('kind', kind));
  if (variables.filter.freeSeats) params.set('free', 'true');
  params.set('sort', sort);
  return `/search?${params}`;
}

/**
 * What is on offer now, on the front page: the next courses with seats left and the newest open
 * placements, each with a link to all of them in the search. Rendered on the server with the page.
 */
export function LiveListings() {
  const { t } = useTranslation();
  return (
    <div className="live-listings">
      <Listing
        id="upcoming-courses"
        heading={t('landing.live.courses')}
        variables={UPCOMING_COURSES}
        all={t('landing.live.allCourses')}
        none={t('landing.live.noCourses')}
      />
      <Listing
        id="open-placements"
        heading={t('landing.live.placements')}
        variables={OPEN_PLACEMENTS}
        all={t('landing.live.allPlacements')}
        none={t('landing.live.noPlacements')}
      />
    </div>
  );
}

function Listing({
  id,
  heading,
  variables,
  all,
  none,
}: {
  id: string;
  heading: string;
  variables: SearchVariables;
  all: string;
  none: string;
}) {
  const [{ data, error }] = useQuery({ query: SearchResultsQuery, variables });
  const connection = data?.search;
  return (
    <section className="section live-listing" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {connection && connection.nodes.length > 0 ? (
        <ul className="live-listing__items">
          {connection.nodes.map((item) => (
            <LiveItem key={item.id} item={item} />
          ))}
        </ul>
      ) : connection || error ? (
        // A failed load says nothing worse than an empty one here: the search is one link away.
        <p>{none}</p>
      ) : null}
      <p>
        <Link to={searchPath(variables, variables.sort)}>{all}</Link>
      </p>
    </section>
  );
}

function LiveItem({ item }: { item: SearchResult }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const price = usePriceText();
  const placeOf = useResultPlace();
  const placement = isPlacementKind(item.kind);
  const when = item.nextStartsAt
    ? format.dateTime(item.nextStartsAt)
    : item.periodStart && item.periodEnd
      ? format.dayRange(item.periodStart, item.periodEnd)
      : null;
  const facts = placement
    ? [
        t(`searchKinds.${item.kind}`),
        item.applicationDeadline ? t('landing.live.applyBy', { day: format.day(item.applicationDeadline) }) : null,
      ]
    : [
        item.seatsFree !== null ? t('landing.live.seatsLeft', { count: item.seatsFree }) : null,
        item.priceCents !== null ? price(item.priceCents) : null,
      ];
  return (
    <li className="card live-item">
      {when ? <p className="live-item__when">{when}</p> : null}
      <h3 className="card__title live-item__title">
        <Link to={resultPath(item)} lang={item.language}>
          {item.title}
        </Link>
      </h3>
      <p className="card__meta">{[item.organisationName, placeOf(item)].filter(Boolean).join(' · ')}</p>
      <p className="live-item__facts">{facts.filter(Boolean).join(' · ')}</p>
    </li>
  );
}
