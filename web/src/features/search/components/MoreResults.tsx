import { useQuery } from 'urql';
import { CursorPageItems } from '../../../shared/ui';
import type { PageInfo } from '../../../shared/utils/cursorPages';
import { SearchResultsQuery, type SearchVariables } from '../operations';
import { ResultCard } from './ResultCard';

/** One more page of results, after `variables.after`: its items go into the list above it. */
export function MoreResults({
  variables,
  onPage,
}: {
  variables: SearchVariables;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const [more, reexecute] = useQuery({ query: SearchResultsQuery, variables });
  return (
    <CursorPageItems
      page={{ after: variables.after, onPage }}
      result={more}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={more.data?.search}
      renderItem={(result) => <ResultCard key={`${result.kind}-${result.id}`} result={result} />}
    />
  );
}
