/**
 * The entry: the stylesheet, `csp.ts`, and then the app (start.tsx: React, the router, the texts,
 * hydration). A server-rendered page is whole in its HTML and stylesheet, so on one the app is
 * asked for only once the browser has painted the page: its scripts (some 130 KB compressed on the
 * landing page) no longer share a slow connection with the stylesheet, and running them no longer
 * holds the first paint back. The shell (a page the server does not render) has nothing to paint:
 * it asks for the app at once.
 *
 * The app starts in steps, each a task of its own (see `nextTask`): React (with the browser's Intl
 * initialised meanwhile by a worker, shared/intl/warmUp.ts), then the app's modules, then its
 * texts, then hydration (itself in slices). All in one, the start was one task of some 170 ms here,
 * which on a slow phone holds every tap for most of a second; between the steps the browser handles
 * input and paints.
 */
import './csp';
import './styles.css';
import type { Locale } from '@keskusvaraamo/shared';
import { INTL_LOCALES } from './shared/intl/locales';
import { warmUpIntl } from './shared/intl/warmUp';
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

const serverRendered = (document.getElementById('root')?.childElementCount ?? 0) > 0;
// No top-level await (see start.tsx): a promise chain.
void (serverRendered ? afterFirstPaint() : Promise.resolve())
  // Intl's initialisation, in a worker, while React's chunk is on its way (after the first paint:
  // asked for sooner, the worker's script would share the connection with the page's stylesheet).
  .then(() =>
    Promise.all([
      import('react-dom/client'),
      warmUpIntl(INTL_LOCALES[document.documentElement.lang as Locale] ?? INTL_LOCALES.fi),
    ]),
  )
  .then(nextTask)
  .then(() => import('./start'))
  .then(async ({ start }) => {
    await nextTask();
    await start();
  });
