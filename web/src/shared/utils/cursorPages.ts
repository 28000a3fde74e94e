import { useCallback, useEffect, useRef, useState } from 'react';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface PagingState {
  key: string;
  cursors: (string | null)[];
  last: PageInfo | null;
  totalCount: number | null;
}

const firstPageOnly = (key: string): PagingState => ({ key, cursors: [null], last: null, totalCount: null });

/**
 * Cursor pagination as a growing list of pages: each "load more" renders one more page with the
 * previous page's end cursor, so the pages already shown keep their place. A new `key` (new
 * filters) starts again from the first page. `firstPage`, the first page's info as the component
 * has it, counts at once (the first page need not be reported): a server-rendered list has its
 * "load more" in the HTML, and hydrating it is not followed by a render of the whole list again.
 */
export function useCursorPages(key: string, firstPage?: PageInfo | null) {
  const [state, setState] = useState<PagingState>(() => firstPageOnly(key));
  const current = state.key === key ? state : firstPageOnly(key);
  const last = current.last ?? (current.cursors.length === 1 ? (firstPage ?? null) : null);
  const nextCursor = last?.hasNextPage ? last.endCursor : null;

  const reportPage = useCallback(
    (index: number, pageInfo: PageInfo, totalCount: number) => {
      setState((previous) => {
        const base = previous.key === key ? previous : firstPageOnly(key);
        return {
          ...base,
          last: index === base.cursors.length - 1 ? pageInfo : base.last,
          totalCount: index === 0 ? totalCount : base.totalCount,
        };
      });
    },
    [key],
  );

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setState((previous) => {
      const base = previous.key === key ? previous : firstPageOnly(key);
      // A second press before the page has grown asks for the same page: once is enough.
      if (base.cursors.includes(nextCursor)) return base;
      return { ...base, cursors: [...base.cursors, nextCursor], last: null };
    });
  }, [key, nextCursor]);

  return { cursors: current.cursors, totalCount: current.totalCount, nextCursor, reportPage, loadMore };
}

/** Lets a page component report its page info to useCursorPages when its data arrives. */
export function useReportPage(
  connection: { pageInfo: PageInfo; totalCount: number } | undefined,
  onPage: (pageInfo: PageInfo, totalCount: number) => void,
): void {
  const latest = useRef(onPage);
  useEffect(() => {
    latest.current = onPage;
  });
  useEffect(() => {
    if (connection) latest.current(connection.pageInfo, connection.totalCount);
  }, [connection]);
}
