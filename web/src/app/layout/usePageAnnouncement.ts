import { useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long after a navigation a page's later title (its item, once loaded) is still announced. */
const SETTLE_MS = 10_000;

/** Focuses the page's heading, or the main region when a page has none yet. */
export function focusMainHeading(main: HTMLElement | null): void {
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}

/**
 * After a client-side navigation: the new page's h1 takes focus and its title is announced, as a
 * full page load would do for screen reader and keyboard users. A page that loads its item (a need,
 * a course) first has a loading title; the item's title, when it comes, is announced too, and the
 * heading takes focus again if focus was lost as the page filled in. Returns what to announce.
 */
export function usePageAnnouncement(main: RefObject<HTMLElement | null>): string {
  const { pathname } = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMainHeading(main.current);
    // Pages set document.title in their own effects, which run before this parent's effect.
    setAnnouncement(document.title);
    const observer = new MutationObserver(() => {
      setAnnouncement(document.title);
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) focusMainHeading(main.current);
    });
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    const settle = setTimeout(() => observer.disconnect(), SETTLE_MS);
    return () => {
      observer.disconnect();
      clearTimeout(settle);
    };
  }, [pathname, main]);
  return announcement;
}
