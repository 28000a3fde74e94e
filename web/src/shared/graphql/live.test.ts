import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveConnection, liveUrl, retryDelay } from './live';

const tokens = vi.hoisted(() => ({ freshAccessToken: vi.fn<(renew?: boolean) => Promise<string | null>>() }));
vi.mock('../session/tokens', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../session/tokens')>()),
  freshAccessToken: tokens.freshAccessToken,
}));

interface Message {
  type: string;
  id?: string;
  payload?: Record<string, unknown>;
}

/**
 * A WebSocket with the server's side built in, as the API behaves: it answers connection_init
 * with connection_ack for the token 'Bearer good', and otherwise refuses as mercurius does (a
 * connection_error message, then closing).
 */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static all: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  received: Message[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.all.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.({});
    }, 0);
  }

  send(data: string) {
    const message = JSON.parse(data) as Message;
    this.received.push(message);
    if (message.type === 'connection_init') {
      if (message.payload?.authorization === 'Bearer good') this.reply({ type: 'connection_ack' });
      else {
        this.reply({ type: 'connection_error', payload: { message: 'Forbidden' } });
        this.close(1005, '');
      }
    }
  }

  /** The server sends a message. */
  reply(message: Message) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0);
  }

  close(code = 1000, reason = '') {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: code === 1000 }), 0);
  }

  /** The network drops the connection. */
  drop() {
    this.close(1006, 'Gone');
  }

  get subscribeMessage(): Message | undefined {
    return this.received.find((m) => m.type === 'subscribe');
  }
}

const QUERY = { query: 'subscription { notificationsChanged { unreadCount } }' };

function connection() {
  return createLiveConnection({ url: () => 'ws://app.test/graphql', webSocketImpl: FakeSocket });
}

describe('live connection', () => {
  // The connection loads graphql-ws with its first subscription; loaded once here, before the fake
  // timers, later loads are answered at once.
  beforeAll(async () => {
    await import('graphql-ws');
  });

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    FakeSocket.all = [];
    tokens.freshAccessToken.mockReset();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('connects on the app’s own origin, wss on https', () => {
    expect(liveUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
    expect(liveUrl({ protocol: 'https:', host: 'keskusvaraamo.fi' })).toBe('wss://keskusvaraamo.fi/graphql');
  });

  it('waits longer after each failure, never over 30 s', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(10, () => 1)).toBe(30_000);
    expect(retryDelay(100, () => 0)).toBe(15_000);
  });

  it("names the page's language when it connects, for the texts the server makes", async () => {
    tokens.freshAccessToken.mockResolvedValue('good');
    const live = createLiveConnection({ url: () => 'ws://app.test/graphql', webSocketImpl: FakeSocket, locale: 'sv' });
    live.subscribe(QUERY, { next: vi.fn(), error: vi.fn(), complete: vi.fn() });
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.all[0]!.received[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer good', locale: 'sv' },
    });
    live.close();
  });

  it('sends the access token when it connects, and renews a refused one before trying again', async () => {
    tokens.freshAccessToken.mockImplementation(async (renew) => (renew ? 'good' : 'stale'));
    const live = connection();
    const next = vi.fn();
    const error = vi.fn();
    live.subscribe(QUERY, { next, error, complete: vi.fn() });

    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.all[0]!.protocol).toBe('graphql-transport-ws');
    expect(FakeSocket.all[0]!.received[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: 'Bearer stale' },
    });
    expect(tokens.freshAccessToken).toHaveBeenLastCalledWith(false);

    // Refused: a second attempt after a pause, with a renewed token.
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(tokens.freshAccessToken).toHaveBeenLastCalledWith(true);
    const socket = FakeSocket.all[1]!;
    expect(socket.received[0]?.payload).toEqual({ authorization: 'Bearer good' });
    const subscribe = socket.subscribeMessage!;
    expect(subscribe.payload?.query).toBe(QUERY.query);

    socket.reply({ type: 'next', id: subscribe.id, payload: { data: { notificationsChanged: { unreadCount: 3 } } } });
    await vi.advanceTimersByTimeAsync(10);
    expect(next).toHaveBeenCalledWith({ data: { notificationsChanged: { unreadCount: 3 } } });
    expect(error).not.toHaveBeenCalled();
    live.close();
  });

  it('reconnects after the network drops, and says so, so that missed pushes can be loaded', async () => {
    tokens.freshAccessToken.mockResolvedValue('good');
    const live = connection();
    const reconnected = vi.fn();
    live.onReconnect(reconnected);
    live.subscribe(QUERY, { next: vi.fn(), error: vi.fn(), complete: vi.fn() });
    await vi.advanceTimersByTimeAsync(10);
    expect(FakeSocket.all[0]!.subscribeMessage).toBeDefined();
    expect(reconnected).not.toHaveBeenCalled();

    FakeSocket.all[0]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(FakeSocket.all[1]!.subscribeMessage).toBeDefined();
    expect(reconnected).toHaveBeenCalledOnce();
    live.close();
  });

  it('closes the socket and stops trying when closed (on sign-out)', async () => {
    tokens.freshAccessToken.mockResolvedValue('stale');
    const live = connection();
    live.subscribe(QUERY, { next: vi.fn(), error: vi.fn(), complete: vi.fn() });
    await vi.advanceTimersByTimeAsync(10);
    live.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('hands errors of the operation itself to the subscriber, without retrying', async () => {
    tokens.freshAccessToken.mockResolvedValue('good');
    const live = connection();
    const error = vi.fn();
    live.subscribe(QUERY, { next: vi.fn(), error, complete: vi.fn() });
    await vi.advanceTimersByTimeAsync(10);
    const socket = FakeSocket.all[0]!;
    socket.reply({ type: 'error', id: socket.subscribeMessage!.id, payload: [{ message: 'Sign in first' }] as never });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(error).toHaveBeenCalledWith([{ message: 'Sign in first' }]);
    expect(FakeSocket.all).toHaveLength(1);
    live.close();
  });
});
