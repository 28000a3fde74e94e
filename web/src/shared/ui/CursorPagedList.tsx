import { Fragment, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { toAppError } from '../graphql';
import { useCursorPages, useReportPage, type PageInfo } from '../utils/cursorPages';
import { ErrorAlert } from './ErrorAlert';
import { LoadMoreButton } from './LoadMoreButton';
import { Loading } from './Loading';

/** What CursorPagedList gives each page it shows. */
export interface CursorPage {
  /** The cursor this page starts after: null for the first page. */
  after: string | null;
  /** The page's place in the list (0 for the first), and how many pages the list shows now. */
  index: number;
  pageCount: number;
  /** Tells the list what this page found: the next cursor and the total count. */
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}

interface CursorPagedListProps {
  /** A new key (new filters) starts again from the first page; a list without filters needs none. */
  resetKey?: string;
  /** The live count line's text, once the first page has told the total. */
  countText: (totalCount: number) => string;
  /** One page of list items: a component of the caller's that runs its query (see CursorPageItems). */
  renderPage: (page: CursorPage) => ReactNode;
  className?: string;
  'aria-label'?: string;
}

/**
 * A list loaded a page at a time: the count line (a live status region), the list with one page
 * of items per cursor, and "load more" while there is a next page. Earlier pages keep their place.
 */
export function CursorPagedList({
  resetKey = 'all',
  countText,
  renderPage,
  className = 'card-list',
  'aria-label': ariaLabel,
}: CursorPagedListProps) {
  const paging = useCursorPages(resetKey);
  const pageCount = paging.cursors.length;
  return (
    <>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : countText(paging.totalCount)}
      </p>
      <ul className={className} aria-label={ariaLabel} key={resetKey}>
        {paging.cursors.map((after, index) => (
          <Fragment key={after ?? 'first'}>
            {renderPage({
              after,
              index,
              pageCount,
              onPage: (pageInfo, totalCount) => paging.reportPage(index, pageInfo, totalCount),
            })}
          </Fragment>
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </>
  );
}

interface CursorPageItemsProps<Node> {
  page: Pick<CursorPage, 'after' | 'onPage'>;
  /** The page's query result, as urql's useQuery gives it. */
  result: { fetching: boolean; error?: CombinedError };
  connection: { nodes: Node[]; pageInfo: PageInfo; totalCount: number } | undefined;
  /** The list item shown when the first page has nothing. */
  empty?: ReactNode;
  /** One list item (with its key). */
  renderItem: (node: Node) => ReactNode;
  /** Asks for the page again (a "try again" button under its error). */
  retry?: () => void;
}

/**
 * One page's list items: its error, its loading, the empty state on the first page, or its
 * items. Reports the page to the list when the connection arrives.
 */
export function CursorPageItems<Node>({
  page,
  result,
  connection,
  empty,
  renderItem,
  retry,
}: CursorPageItemsProps<Node>) {
  useReportPage(connection, page.onPage);
  if (result.error)
    return (
      <li>
        <ErrorAlert error={toAppError(result.error)} onRetry={retry} />
      </li>
    );
  if (!connection)
    return result.fetching ? (
      <li>
        <Loading shape="list" />
      </li>
    ) : null;
  if (connection.nodes.length === 0 && !page.after) return empty ?? null;
  return <>{connection.nodes.map((node) => renderItem(node))}</>;
}
