/**
 * Initialises the browser's Intl off the main thread (see warmUp.ts). The first use of each of
 * Intl's services loads ICU's data for it: the set of locales it has, the language's bundle, the
 * time zone. That is tens of milliseconds, and in Chromium (and Firefox) the loaded data is the
 * renderer's, shared by its threads: done here, the page's own first formats take a millisecond or
 * two instead of holding its main thread.
 *
 * First what every public page formats while it starts (answered with 'ready'), then what forms and
 * lists use later; then the worker ends.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
const TIME_ZONE = 'Europe/Helsinki';

/** Each step on its own: one a browser lacks (an older Intl) does not stop the others. */
function run(steps: (() => unknown)[]): void {
  for (const step of steps) {
    try {
      step();
    } catch {
      // Only a warm-up: the page formats what it needs itself.
    }
  }
}

scope.onmessage = (event) => {
  const locale = typeof event.data === 'string' ? event.data : 'fi-FI';
  run([
    () => new Intl.Locale(locale).maximize(),
    () => new Intl.PluralRules(locale).select(1),
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(1),
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(0),
  ]);
  scope.postMessage('ready');
  run([
    () => new Intl.Collator(locale).compare('a', 'b'),
    () => new Intl.ListFormat(locale).format(['a', 'b']),
    () => new Intl.DisplayNames(locale, { type: 'dateTimeField' }).of('year'),
  ]);
  scope.close();
};

// A module of its own (its names stay its own); Vite bundles it as a classic worker script.
export {};
