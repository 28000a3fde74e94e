import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const STORAGE_KEY = 'keskusvaraamo:scroll';

function readPositions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Whether this document was opened afresh (a link, a typed address), not reloaded or returned to:
 * then its first page has no position to return to.
 */
function openedAfresh(): boolean {
  const [entry] = (performance.getEntriesByType?.('navigation') ?? []) as PerformanceNavigationTiming[];
  return entry?.type === 'navigate';
}

/**
 * Scrolling between the app's pages as between documents: a new page starts at its top (or at the
 * address's #fragment), and back, forward and reload return to where the reader was on that entry.
 * Positions are kept per history entry in sessionStorage (this tab only, gone with it). The stored
 * ones are read only when needed (a reload, a return, leaving the page): the first read of
 * sessionStorage costs a few milliseconds, which a page opened afresh spends on hydrating instead.
 */
export function useScrollRestoration(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  /** What sessionStorage held when first needed. */
  const stored = useRef<Record<string, number> | null>(null);
  /** Where the reader was on each entry during this document's life. */
  const recent = useRef<Record<string, number>>({});
  const currentKey = useRef(location.key);
  /** The entry this document opened on. */
  const firstKey = useRef(location.key);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    const remember = () => {
      recent.current[currentKey.current] = window.scrollY;
    };
    const save = () => {
      try {
        stored.current ??= readPositions();
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...stored.current, ...recent.current }));
      } catch {
        // Storage full or refused: positions are kept for this page's life only.
      }
    };
    window.addEventListener('scroll', remember, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('scroll', remember);
      window.removeEventListener('pagehide', save);
    };
  }, []);

  useLayoutEffect(() => {
    currentKey.current = location.key;
    if (navigationType === 'POP') {
      let saved = recent.current[location.key];
      // The entry a document was opened afresh on has nothing stored: what is there is another life's.
      const fresh = location.key === firstKey.current && openedAfresh();
      if (saved === undefined && !fresh) saved = (stored.current ??= readPositions())[location.key];
      if (saved !== undefined) window.scrollTo(0, saved);
      return;
    }
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  }, [location.key, location.hash, navigationType]);
}
