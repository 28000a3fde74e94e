import type { SearchSort } from '@keskusvaraamo/shared';
import { useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { ErrorAlert, Loading, LoadMoreButton } from '../../../shared/ui';
import { useCursorPages } from '../../../shared/utils/cursorPages';
import { SearchResultsQuery, type SearchVariables } from '../operations';
import type { SearchFilter } from '../searchParams';
import { MoreResults } from './MoreResults';
import { ResultCard } from './ResultCard';

interface ResultListProps {
  filter: SearchFilter;
  sort: SearchSort;
  /** How many items the list shows first, and adds with each "load more". */
  pageSize: number;
  /** Offer "load more" while there are more; without it the list shows its first page only. */
  loadMore?: boolean;
  /** What the list says when nothing is published. */
  empty: ReactNode;
  /** The list's accessible name. */
  label: string;
}

/**
 * Published items outside the search page, as the search shows them: an organisation's own. The
 * first page comes with the server-rendered page, "load more" included, so nothing moves when the
 * app takes over.
 */
export function ResultList({ filter, sort, pageSize, loadMore = false, empty, label }: ResultListProps) {
  const variables = useMemo<SearchVariables>(
    () => ({ filter, sort, first: pageSize, after: null }),
    [filter, sort, pageSize],
  );
  const key = JSON.stringify(variables);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SearchResultsQuery, variables });
  const connection = data?.search;
  const paging = useCursorPages(key, connection?.pageInfo);

  if (!connection)
    return error ? (
      <ErrorAlert error={toAppError(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    ) : fetching ? (
      <Loading shape="list" />
    ) : null;
  if (connection.totalCount === 0) return <p>{empty}</p>;
  return (
    <>
      <ol className="card-list results" aria-label={label} key={key}>
        {connection.nodes.map((result) => (
          <ResultCard key={`${result.kind}-${result.id}`} result={result} />
        ))}
        {loadMore
          ? paging.cursors
              .slice(1)
              .map((after, index) => (
                <MoreResults
                  key={after ?? index}
                  variables={{ ...variables, after }}
                  onPage={(pageInfo, totalCount) => paging.reportPage(index + 1, pageInfo, totalCount)}
                />
              ))
          : null}
      </ol>
      {loadMore && paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </>
  );
}
