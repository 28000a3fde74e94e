// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from './nextTask';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

describe('nextTask', () => {
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('resolves only after a timer, in a task of its own, on a visible page', async () => {
    vi.useFakeTimers();
    setVisibility('visible');
    let done = false;
    void nextTask().then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('resolves at once on a hidden page, whose timers the browser slows to one a second', async () => {
    vi.useFakeTimers();
    setVisibility('hidden');
    let done = false;
    void nextTask().then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
