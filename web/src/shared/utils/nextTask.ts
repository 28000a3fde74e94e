/**
 * Resolves in a new task: the work after `await nextTask()` runs once the browser has had its turn
 * (input, rendering). A long start split this way is several short tasks instead of one long one,
 * which on a slow phone would hold every tap until it ends.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
