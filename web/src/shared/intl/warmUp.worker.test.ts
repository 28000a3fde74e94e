import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the Intl warm-up worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  /** Loads the worker's script with `self` as given, and sends it a locale. */
  async function run(locale: unknown) {
    const scope = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage: vi.fn(),
      close: vi.fn(),
    };
    vi.stubGlobal('self', scope);
    await import('./warmUp.worker');
    scope.onmessage?.({ data: locale });
    return scope;
  }

  it('answers ready once the formats a page starts with are initialised, then ends itself', async () => {
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const scope = await run('fi-FI');
    expect(numbers).toHaveBeenCalledWith('fi-FI', expect.objectContaining({ currency: 'EUR' }));
    expect(dates).toHaveBeenCalledWith('fi-FI', expect.objectContaining({ timeZone: 'Europe/Helsinki' }));
    expect(scope.postMessage).toHaveBeenCalledWith('ready');
    expect(numbers.mock.invocationCallOrder[0]).toBeLessThan(scope.postMessage.mock.invocationCallOrder[0]!);
    expect(scope.close).toHaveBeenCalledOnce();
  });

  it('still answers when a step fails (an engine without a service, a locale it lacks)', async () => {
    vi.spyOn(Intl, 'PluralRules').mockImplementation(function () {
      throw new RangeError('Incorrect locale information provided');
    });
    const scope = await run('xx-invalid-');
    expect(scope.postMessage).toHaveBeenCalledWith('ready');
    expect(scope.close).toHaveBeenCalledOnce();
  });
});
