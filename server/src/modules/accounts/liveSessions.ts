/**
 * Ends live subscriptions whose session has ended. A WebSocket is authenticated once, in
 * `connection_init`; without this it would go on pushing events after its access token expired, the
 * user signed out everywhere, changed or reset their password, or had their roles changed.
 *
 * - Expiry: each socket gets a timer at its access token's `exp`.
 * - Everything else bumps the user's token version, and a trigger announces that on the PostgreSQL
 *   channel `kv_sessions` (migration 0010). Every instance LISTENs and closes that user's sockets
 *   that it holds; a client still signed in reconnects with a fresh token.
 */
import fp from 'fastify-plugin';
import type { MercuriusContext } from 'mercurius';
import type { WebSocket } from 'ws';

export const SESSIONS_CHANNEL = 'kv_sessions';
/** graphql-ws's "Forbidden": the client asks for a fresh token before it tries again. */
export const SESSION_ENDED_CODE = 4403;

interface SubscriptionContext {
  socket?: WebSocket;
  viewer?: () => Promise<{ id: string } | null>;
  _connectionInit?: { authorization?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Live sockets per user in this instance (tests read it). */
    liveSockets: Map<string, Set<WebSocket>>;
  }
}

export default fp(
  async (app) => {
    const sockets = new Map<string, Set<WebSocket>>();
    app.decorate('liveSockets', sockets);

    const close = (socket: WebSocket, reason: string) => {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
        socket.close(SESSION_ENDED_CODE, reason);
      }
    };

    const track = (userId: string, socket: WebSocket, expiresAtMs: number | null) => {
      let mine = sockets.get(userId);
      if (mine?.has(socket)) return;
      if (!mine) sockets.set(userId, (mine = new Set()));
      mine.add(socket);
      const timer =
        expiresAtMs === null
          ? null
          : setTimeout(() => close(socket, 'Session expired'), Math.max(0, expiresAtMs - Date.now()));
      timer?.unref();
      socket.once('close', () => {
        if (timer) clearTimeout(timer);
        mine.delete(socket);
        if (mine.size === 0 && sockets.get(userId) === mine) sockets.delete(userId);
      });
    };

    /** The access token's expiry, from the connection_init payload that onConnect verified. */
    const expiryOf = (authorization: unknown): number | null => {
      if (typeof authorization !== 'string') return null;
      const token = authorization.split(' ')[1];
      const claims = token ? app.jwt.decode<{ exp?: number }>(token) : null;
      return typeof claims?.exp === 'number' ? claims.exp * 1000 : null;
    };

    // Mercurius hands the connection's context (the socket, the viewer that onConnect verified, and
    // the connection_init payload) to every subscription it starts.
    app.graphql.addHook('preSubscriptionExecution', async (_schema, _document, context: MercuriusContext) => {
      const connection = context as unknown as SubscriptionContext;
      const viewer = await connection.viewer?.();
      if (!connection.socket || !viewer) return;
      const expiresAt = expiryOf(connection._connectionInit?.authorization);
      // A token without an expiry is refused by auth.ts; treat one here as already spent.
      track(viewer.id, connection.socket, expiresAt ?? Date.now());
    });

    let stop: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      stop = await app.database.listen(SESSIONS_CHANNEL, (userId) => {
        for (const socket of sockets.get(userId) ?? []) close(socket, 'Session ended');
      });
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  },
  { name: 'live-sessions', dependencies: ['database', 'auth', 'graphql'] },
);
