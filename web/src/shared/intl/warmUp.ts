/**
 * Intl's first use on a page initialises the browser's ICU data: here 40-65 ms of the main thread
 * in Chromium (numbers alone 20-40 ms), in whichever task formats first; on a slow phone several
 * times that, holding every tap. A worker does it instead (warmUp.worker.ts): the data is the
 * renderer's, shared by its threads, and the page's first formats then take a millisecond or two
 * (measured in Chromium: 17/33/7 ms for subtags, a price and a date on the main thread, against
 * 0.2/0.4/2 ms after the worker).
 *
 * Resolves when the worker has done what a public page formats while it starts, or at once where
 * workers are missing or refused, or after `timeoutMs` (never an error: the page formats anyway,
 * only more slowly).
 */
export function warmUpIntl(locale: string, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./warmUp.worker.ts', import.meta.url));
    } catch {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      worker.terminate();
      resolve();
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    worker.onmessage = done;
    worker.onerror = () => {
      worker.terminate();
      done();
    };
    worker.postMessage(locale);
  });
}
