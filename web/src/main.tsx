/**
 * The entry. A server-rendered page is whole in its HTML and stylesheet; the app (start.tsx: React,
 * the router, the texts, hydration) is fetched at once (the build preloads its chunks:
 * `preloadStart` in vite.config.ts) but run only after the browser has painted the page. Hydrating
 * is one long task: run first, it held the first paint back until it was done (most of a second on
 * a slow phone), and made every script count as render-blocking.
 */
import './csp';
import './styles.css';

/** Resolves after the next paint: the next frame's callback, then a task after it. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

await afterNextPaint();
await import('./start');
