import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadWithAuth } from './download';

/** A REST error as the server sends it: one shape for every route. */
function restError(status: number, error: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });
}

describe('downloading a file that needs the session', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the server's error code, not only what the status suggests", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => restError(400, { code: 'VALIDATION', message: 'Some fields need attention' })),
    );
    await expect(downloadWithAuth('/api/sessions/x/participants.csv', 'x.csv')).resolves.toEqual({
      code: 'VALIDATION',
      fields: [],
    });
  });

  it('says the service is briefly unavailable, with when to try again', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => restError(503, { code: 'UNAVAILABLE', message: 'Try again', retryAfterSeconds: 5 })),
    );
    await expect(downloadWithAuth('/api/bookings/x.ics', 'x.ics')).resolves.toEqual({
      code: 'UNAVAILABLE',
      fields: [],
      retryAfterSeconds: 5,
    });
  });

  it('falls back on the status when the body is not the API’s (a proxy’s error page)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 404 })),
    );
    await expect(downloadWithAuth('/api/bookings/x.ics', 'x.ics')).resolves.toEqual({
      code: 'NOT_FOUND',
      fields: [],
    });
  });
});
