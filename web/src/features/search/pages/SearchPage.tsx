import { SEARCH_SORTS, type SearchSort } from '@keskusvaraamo/shared';
import { lazy, Suspense, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useHref, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useLocale } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { EmptyState, ErrorAlert, Loading, LoadMoreButton, Page, SearchForm } from '../../../shared/ui';
import { useCursorPages } from '../../../shared/utils/cursorPages';
import { hasRole } from '../../../shared/utils/roles';
import { SaveSearch } from '../../savedSearches';
import { ResultCard } from '../components/ResultCard';
import { MoreResults } from '../components/MoreResults';
import { SearchQuery, type SearchFacets, type SearchVariables } from '../operations';
import { searchDraft } from '../savedSearchDraft';
import {
  activeFilterCount,
  EMPTY_SEARCH,
  isIndexableSearch,
  readSearch,
  toFilter,
  writeSearch,
  type SearchChange,
  type SearchState,
} from '../searchParams';

const PAGE_SIZE = 20;

/**
 * The filter panel (react-aria's checkboxes, date pickers and selects for every topic, municipality
 * and language) is loaded and rendered only when shown: beside the results on a wide screen, or when
 * opened on a phone. A phone's first view, server-rendered, is the results, light to hydrate.
 */
const SearchFilters = lazy(async () => ({ default: (await import('../components/SearchFilters')).SearchFilters }));
const WIDE = '(min-width: 56rem)';

/**
 * True on screens wide enough to show the filters beside the results. Before hydration (the server's
 * render, and the browser's first) it is false: a phone, most of the search's visitors, then
 * hydrates with nothing to render again; a wide screen renders its filters once it knows.
 */
function useWideScreen(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(WIDE);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(WIDE).matches,
    () => false,
  );
}

/**
 * Public search over published courses, student pools and open placements. The words, every
 * filter and the order live in the URL: a search is a link to share, and the back button
 * returns to the previous search.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const searchHref = useHref('/search');
  const state = useMemo(() => readSearch(params), [params]);
  // What "Save this search" saves: this very search, named after its words and filters.
  const draft = useMemo(
    () =>
      searchDraft(state, {
        locale,
        kind: (kind) => t(`searchKinds.${kind}`),
        remote: (remote) => t(remote ? 'search.filters.remoteOptions.remote' : 'search.filters.remoteOptions.onsite'),
        everything: t('savedSearches.save.everything'),
      }),
    [state, locale, t],
  );
  const key = writeSearch(state).toString();
  const sortId = useId();

  // A new entry in the history for every change, so that the back button undoes it. The URL
  // changes at once and this page's state a moment later (React Router renders a navigation as a
  // transition), so each change applies to the search in the URL: quick changes all hold.
  const update: SearchChange = (change) =>
    setParams(writeSearch(change(readSearch(new URLSearchParams(window.location.search)))));

  // A change made by a button that then goes (clear the filters, clear the words) puts focus on the
  // result count, which says what the search now finds, rather than leaving it nowhere.
  const countRef = useRef<HTMLParagraphElement>(null);
  const updateAndShowCount: SearchChange = (change) => {
    update(change);
    requestAnimationFrame(() => countRef.current?.focus());
  };

  const variables = useMemo<SearchVariables>(
    () => ({ filter: toFilter(state), sort: state.sort, first: PAGE_SIZE, after: null }),
    [state],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SearchQuery, variables });
  // While a changed search loads, urql keeps the previous results: they stay, dimmed and marked
  // busy, instead of an empty list and a spinner, so the page does not jump and the reader keeps
  // their place; their "load more" (the previous search's) is not offered.
  const connection = data?.search;
  const stale = fetching && connection !== undefined;
  const paging = useCursorPages(key, stale ? null : connection?.pageInfo);

  const sortOptions = SEARCH_SORTS.filter((sort) => sort !== 'NEAREST' || state.near).map((sort) => ({
    id: sort,
    label: t(`searchSorts.${sort}`),
  }));

  return (
    <Page
      title={state.q ? t('search.titleWithWords', { words: state.q }) : t('search.title')}
      heading={t('search.title')}
      lead={t('search.lead')}
      className="search-page"
      // A search's words and filters are its content; only the plain search and words alone are indexed.
      meta={{ keepQuery: true, noindex: !isIndexableSearch(params) }}
    >
      <SearchForm
        label={t('search.words')}
        initialValue={state.q}
        onSearch={(q) => update((current) => ({ ...current, q }))}
        native={{ action: searchHref, name: 'q', keep: [...params].filter(([key]) => key !== 'q') }}
      />
      <SaveSearch search={draft} />
      <div className="search-layout">
        <FiltersPanel
          state={state}
          facets={connection?.facets ?? null}
          onChange={update}
          onClear={updateAndShowCount}
        />

        <section className="search-layout__results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            {t('search.results')}
          </h2>
          <div className="results-toolbar">
            <p role="status" aria-live="polite" className="result-count" ref={countRef} tabIndex={-1}>
              {stale || (!connection && fetching)
                ? t('search.searching')
                : connection
                  ? t('search.count', { count: connection.totalCount })
                  : ''}
            </p>
            {/* The browser's own select: a phone shows its native picker, and it costs no script. */}
            <div className="field results-toolbar__sort">
              <label htmlFor={sortId} className="field__label">
                {t('search.sort')}
              </label>
              <select
                id={sortId}
                className="native-select"
                value={state.sort}
                onChange={(event) => update((current) => ({ ...current, sort: event.target.value as SearchSort }))}
              >
                {sortOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {error ? (
            <ErrorAlert error={toAppError(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : null}
          {!connection && fetching ? <Loading shape="list" /> : null}
          {connection && connection.totalCount === 0 ? (
            <NoResults state={state} onChange={updateAndShowCount} />
          ) : connection ? (
            <ol className={`card-list results${stale ? ' results--stale' : ''}`} key={key} aria-busy={stale}>
              {connection.nodes.map((result) => (
                <ResultCard key={`${result.kind}-${result.id}`} result={result} />
              ))}
              {paging.cursors.slice(1).map((after, index) => (
                <MoreResults
                  key={after ?? index}
                  variables={{ ...variables, after }}
                  onPage={(pageInfo, totalCount) => paging.reportPage(index + 1, pageInfo, totalCount)}
                />
              ))}
            </ol>
          ) : null}
          {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
        </section>
      </div>
    </Page>
  );
}

/**
 * The filters: beside the results on a wide screen, behind a disclosure on a narrow one. Both are
 * always in the page and the stylesheet shows the one that fits, so nothing in the page changes when
 * the app learns the width; the filters themselves (their code loaded on demand) render in the one
 * that shows: beside the results once the screen is known to be wide, in the disclosure once opened.
 */
function FiltersPanel({
  state,
  facets,
  onChange: update,
  onClear,
}: {
  state: SearchState;
  facets: SearchFacets | null;
  onChange: SearchChange;
  /** Clearing the filters, whose button then goes. */
  onClear: SearchChange;
}) {
  const { t } = useTranslation();
  const wide = useWideScreen();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const filtersInUse = activeFilterCount(state);
  const filters = (
    <Suspense fallback={<Loading shape="form" />}>
      <SearchFilters state={state} facets={facets} onChange={update} />
    </Suspense>
  );
  return (
    <>
      <aside
        className="search-layout__filters search-layout__filters--wide card only-wide"
        aria-labelledby="filters-heading"
      >
        <h2 id="filters-heading" className="search-layout__filters-heading">
          {t('search.filters.heading')}
        </h2>
        {filtersInUse > 0 ? <ClearFilters onChange={onClear} /> : null}
        {wide ? filters : <Loading shape="form" />}
      </aside>
      {/* A plain button and panel (what react-aria's Disclosure renders): the page hydrates without it. */}
      <div className="card disclosure search-layout__filters only-narrow" data-expanded={filtersOpen || undefined}>
        <h2 className="disclosure__heading">
          <button
            type="button"
            className="disclosure__trigger"
            aria-expanded={filtersOpen}
            aria-controls={panelId}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            <span className="disclosure__chevron" aria-hidden="true">
              ▸
            </span>
            {t('search.filters.heading')}
            {filtersInUse > 0 ? (
              <span className="badge badge--info">{t('search.filters.inUse', { count: filtersInUse })}</span>
            ) : null}
          </button>
        </h2>
        <div id={panelId} className="disclosure__panel" hidden={!filtersOpen}>
          {filtersOpen && !wide ? (
            <>
              {filtersInUse > 0 ? <ClearFilters onChange={onClear} /> : null}
              {filters}
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The same words and order, no filter: what both "clear the filters" buttons do. */
const withoutFilters = (current: SearchState): SearchState => ({ ...EMPTY_SEARCH, q: current.q, sort: current.sort });

function ClearFilters({ onChange }: { onChange: SearchChange }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--ghost clear-filters" onClick={() => onChange(withoutFilters)}>
      {t('search.clearFilters')}
    </button>
  );
}

/** Nothing found: say so plainly, and offer the most likely way forward. */
function NoResults({ state, onChange }: { state: SearchState; onChange: SearchChange }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const filtered = activeFilterCount(state) > 0;
  return (
    <div className="card">
      <EmptyState
        title={t('search.empty.title')}
        action={
          <>
            {filtered ? (
              <button type="button" className="button button--primary" onClick={() => onChange(withoutFilters)}>
                {t('search.clearFilters')}
              </button>
            ) : null}
            {state.q ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange((current) => ({ ...current, q: '' }))}
              >
                {t('search.empty.clearWords')}
              </button>
            ) : null}
            {hasRole(user, 'ENTREPRENEUR') ? (
              <Link className="button button--secondary" to="/needs/new">
                {t('search.empty.postNeed')}
              </Link>
            ) : null}
          </>
        }
      >
        <p>{t(filtered ? 'search.empty.filtered' : state.q ? 'search.empty.words' : 'search.empty.nothing')}</p>
      </EmptyState>
    </div>
  );
}
