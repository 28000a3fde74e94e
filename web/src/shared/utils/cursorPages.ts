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

/**
 * Cursor pagination as a growing list of pages: each "load more" renders one more page with the
 * previous page's end cursor, so the pages already shown keep their place. A new `key` (new
 * filters) starts again from the first page.
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<PagingState>({ key, cursors: [null], last: null, totalCount: null });
  const current = state.key === key ? state : { key, cursors: [null], last: null, totalCount: null };

  const reportPage = useCallback(
    (index: number, pageInfo: PageInfo, totalCount: number) => {
      setState((previous) => {
        const base = previous.key === key ? previous : { key, cursors: [null], last: null, totalCount: null };
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
    setState((previous) => {
      const cursor = previous.key === key ? previous.last?.endCursor : null;
      if (!cursor || previous.key !== key) return previous;
      return { ...previous, cursors: [...previous.cursors, cursor], last: null };
    });
  }, [key]);

  return {
    cursors: current.cursors,
    totalCount: current.totalCount,
    nextCursor: current.last?.hasNextPage ? current.last.endCursor : null,
    reportPage,
    loadMore,
  };
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
