/**
 * Resolves in a new task: the work after `await nextTask()` runs once the browser has had its turn
 * (input, rendering). A long start split this way is several short tasks instead of one long one,
 * which on a slow phone would hold every tap until it ends.
 *
 * In a hidden page (a link opened in a background tab) it resolves at once: nobody can tap it, and
 * the browser runs a hidden page's timers at most once a second, which would keep its start waiting
 * for seconds at every step.
 */
export function nextTask(): Promise<void> {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
