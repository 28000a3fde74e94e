import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpIntl } from './warmUp';

/** A stand-in for the browser's Worker: records what the page does with it. */
class FakeWorker {
  static last: FakeWorker | undefined;
  readonly url: string;
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(url: URL | string) {
    this.url = String(url);
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

/** Starts the warm-up with `Worker` as given; tells whether it has resolved. */
function start(worker: unknown, timeoutMs?: number): () => boolean {
  vi.stubGlobal('Worker', worker);
  let done = false;
  void warmUpIntl('sv-FI', timeoutMs).then(() => (done = true));
  return () => done;
}

const settle = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

describe('warmUpIntl', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    FakeWorker.last = undefined;
  });

  it("starts the worker with the page's locale and waits for its answer", async () => {
    const done = start(FakeWorker);
    const worker = FakeWorker.last!;
    expect(worker.url).toMatch(/warmUp\.worker\.ts$/);
    expect(worker.posted).toEqual(['sv-FI']);
    await settle();
    expect(done()).toBe(false);
    worker.onmessage?.(new MessageEvent('message', { data: 'ready' }));
    await settle();
    expect(done()).toBe(true);
    // The worker finishes the rest of its warm-up and ends itself.
    expect(worker.terminated).toBe(false);
  });

  it('resolves at once where workers are missing or refused', async () => {
    const missing = start(undefined);
    await settle();
    expect(missing()).toBe(true);
    const refused = start(
      class {
        constructor() {
          throw new DOMException('Refused by the content security policy', 'SecurityError');
        }
      },
    );
    await settle();
    expect(refused()).toBe(true);
  });

  it('resolves and ends the worker when its script fails', async () => {
    const done = start(FakeWorker);
    FakeWorker.last!.onerror?.(new Event('error'));
    await settle();
    expect(done()).toBe(true);
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('gives up after the time limit and ends the worker', async () => {
    vi.useFakeTimers();
    const done = start(FakeWorker, 500);
    await vi.advanceTimersByTimeAsync(499);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
    expect(FakeWorker.last!.terminated).toBe(true);
  });
});
