/**
 * The entry: the stylesheet, `csp.ts`, and then the app (start.tsx: React, the router, the texts,
 * hydration). A server-rendered page is whole in its HTML and stylesheet, so on one the app is
 * asked for only once the browser has painted the page: its scripts (some 130 KB compressed on the
 * landing page) no longer share a slow connection with the stylesheet, and running them no longer
 * holds the first paint back. The shell (a page the server does not render) has nothing to paint:
 * it asks for the app at once.
 *
 * The app starts in steps, each a task of its own (see `nextTask`): the browser's Intl and React,
 * then the app's modules, then its texts, then hydration (itself in slices). All in one, the
 * start was one task of some 170 ms here, which on a slow phone holds every tap for most of a
 * second; between the steps the browser handles input and paints.
 */
import './csp';
import './styles.css';
import { nextTask } from './shared/utils/nextTask';

/** Longest wait for the first paint: a page in a background tab is not painted until it is shown. */
const PAINT_WAIT_MS = 1000;

/**
 * Resolves once the page's first contentful paint has been presented (the Paint Timing entry), or
 * where that is not reported, after the next frame. A hidden page does not wait.
 */
function afterFirstPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, PAINT_WAIT_MS);
    if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      observer = new PerformanceObserver((entries) => {
        if (entries.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

/**
 * Intl's first use initialises the browser's ICU data: 40-65 ms here in one task, whichever asks
 * first (react-aria asks while its modules load). The same work in four steps, each a task of its
 * own, is four tasks of 4-25 ms: the locale's subtags, collation, numbers, then dates (measured in
 * Chromium; after them, the app's own formats take under 3 ms each).
 */
const INTL_STEPS: ((locale: string) => unknown)[] = [
  (locale) => new Intl.Locale(locale).maximize(),
  (locale) => 'a'.localeCompare('b', locale),
  (locale) => new Intl.NumberFormat(locale).format(1),
  (locale) => new Intl.DateTimeFormat(locale).format(0),
];

async function initialiseIntl(): Promise<void> {
  const locale = document.documentElement.lang || 'fi';
  for (const step of INTL_STEPS) {
    await nextTask();
    try {
      step(locale);
    } catch {
      // An older browser without Intl.Locale, or a locale it lacks: only a warm-up, the app starts.
    }
  }
}

const serverRendered = (document.getElementById('root')?.childElementCount ?? 0) > 0;
// No top-level await (see start.tsx): a promise chain.
void (serverRendered ? afterFirstPaint() : Promise.resolve())
  // Intl's steps while React's chunk is on its way (a phone waits for the network).
  .then(() => Promise.all([import('react-dom/client'), initialiseIntl()]))
  .then(nextTask)
  .then(() => import('./start'))
  .then(async ({ start }) => {
    await nextTask();
    await start();
  });
