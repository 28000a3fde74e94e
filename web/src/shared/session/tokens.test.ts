import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Tokens = typeof import('./tokens');

const user = {
  id: 'u1',
  email: 'aila@example.fi',
  displayName: 'Aila',
  roles: ['ENTREPRENEUR'],
  locale: 'fi',
  emailVerified: false,
  createdAt: '2026-01-01T00:00:00Z',
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

const refreshed = (token: string) => json({ data: { refreshSession: { accessToken: token, expiresIn: 900, user } } });
const unauthenticated = () =>
  json({ data: null, errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });

function isRefresh(init?: RequestInit): boolean {
  return typeof init?.body === 'string' && init.body.includes('refreshSession');
}

function bearer(init?: RequestInit): string | null {
  return new Headers(init?.headers).get('authorization');
}

describe('session tokens', () => {
  let tokens: Tokens;
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.resetModules();
    fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    tokens = await import('./tokens');
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends one refresh however many callers ask at once', async () => {
    fetchMock.mockImplementation(async () => refreshed('t1'));
    const results = await Promise.all([tokens.refreshSession(), tokens.refreshSession(), tokens.refreshSession()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r?.accessToken)).toEqual(['t1', 't1', 't1']);
    expect(fetchMock.mock.calls[0]![1]?.credentials).toBe('include');
  });

  it('answers null for a visitor without ending anything', async () => {
    const listener = vi.fn();
    tokens.onSessionChange(listener);
    fetchMock.mockImplementation(async () => unauthenticated());
    await expect(tokens.refreshSession()).resolves.toBeNull();
    expect(listener).not.toHaveBeenCalled();
    expect(tokens.hasSession()).toBe(false);
  });

  it('adds the bearer token, and renews once and repeats on UNAUTHENTICATED', async () => {
    tokens.startSession({ accessToken: 'old', expiresIn: 900, user: user as never });
    fetchMock.mockImplementation(async (_input, init) => {
      if (isRefresh(init)) return refreshed('new');
      return bearer(init) === 'Bearer new' ? json({ data: { me: user } }) : unauthenticated();
    });

    const [a, b] = await Promise.all([
      tokens.authFetch('/graphql', { method: 'POST', body: '{"query":"{ me { id } }"}' }),
      tokens.authFetch('/graphql', { method: 'POST', body: '{"query":"{ me { id } }"}' }),
    ]);
    expect(await a.json()).toEqual({ data: { me: user } });
    expect(await b.json()).toEqual({ data: { me: user } });
    const refreshes = fetchMock.mock.calls.filter(([, init]) => isRefresh(init));
    expect(refreshes).toHaveLength(1);
  });

  it('renews once and repeats when a file route answers 401', async () => {
    tokens.startSession({ accessToken: 'old', expiresIn: 900, user: user as never });
    fetchMock.mockImplementation(async (_input, init) => {
      if (isRefresh(init)) return refreshed('new');
      if (bearer(init) === 'Bearer new') return new Response('BEGIN:VCALENDAR', { status: 200 });
      return new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } }), {
        status: 401,
        headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
      });
    });
    const response = await tokens.authFetch('/api/bookings/b1.ics', { method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('BEGIN:VCALENDAR');
  });

  it('ends the session when the refresh cookie is no longer accepted', async () => {
    tokens.startSession({ accessToken: 'old', expiresIn: 900, user: user as never });
    const listener = vi.fn();
    tokens.onSessionChange(listener);
    fetchMock.mockImplementation(async () => unauthenticated());
    const response = await tokens.authFetch('/graphql', { method: 'POST', body: '{}' });
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(listener).toHaveBeenLastCalledWith(null);
    expect(tokens.hasSession()).toBe(false);
  });

  it('renews the token shortly before it expires', async () => {
    fetchMock.mockImplementation(async () => refreshed('renewed'));
    tokens.startSession({ accessToken: 'first', expiresIn: 900, user: user as never });
    await vi.advanceTimersByTimeAsync(839_000);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('gives the live connection a token fresh for connecting, renewed when it is about to expire or refused', async () => {
    await expect(tokens.freshAccessToken()).resolves.toBeNull();
    fetchMock.mockImplementation(async () => refreshed('renewed'));
    tokens.startSession({ accessToken: 'first', expiresIn: 900, user: user as never });
    await expect(tokens.freshAccessToken()).resolves.toBe('first');
    expect(fetchMock).not.toHaveBeenCalled();

    // The server refused it: renewed on request.
    await expect(tokens.freshAccessToken(true)).resolves.toBe('renewed');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // A tab asleep past the renewal time: renewed before use.
    vi.setSystemTime(Date.now() + 899_000);
    fetchMock.mockImplementation(async () => refreshed('woke'));
    await expect(tokens.freshAccessToken()).resolves.toBe('woke');
  });

  it('never sends a token for a visitor', async () => {
    fetchMock.mockImplementation(async () => json({ data: { me: null } }));
    await tokens.authFetch('/graphql', { method: 'POST', body: '{}' });
    expect(bearer(fetchMock.mock.calls[0]![1])).toBeNull();
  });
});
