// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from './nextTask';

/** Awaits `nextTask()` on a page with this visibility, under fake timers; tells whether it has resolved. */
function startOn(visibility: DocumentVisibilityState): () => boolean {
  vi.useFakeTimers();
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  let done = false;
  void nextTask().then(() => (done = true));
  return () => done;
}

describe('nextTask', () => {
  afterEach(() => {
    vi.useRealTimers();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });

  it('resolves only after a timer, in a task of its own, on a visible page', async () => {
    const done = startOn('visible');
    await Promise.resolve();
    await Promise.resolve();
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('resolves at once on a hidden page, whose timers the browser slows to one a second', async () => {
    const done = startOn('hidden');
    await Promise.resolve();
    expect(done()).toBe(true);
  });
});
