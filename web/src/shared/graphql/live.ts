/**
 * Live updates over one WebSocket per signed-in user (GraphQL over WebSocket, the `graphql-ws`
 * protocol, at /graphql on the app's own origin). The server reads the access token once, from
 * the connection's first message, and refuses a connection without a valid one; so every
 * (re)connection asks for a token that is fresh then, and a refused one renews it first.
 */
import type { Locale } from '@keskusvaraamo/shared';
import { createContext, useContext } from 'react';
import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { freshAccessToken, GRAPHQL_URL } from '../session/tokens';

/** The longest wait between two attempts to connect, in milliseconds. */
const MAX_WAIT_MS = 30_000;

/** ws://host/graphql, or wss:// on https: the same origin as the app (Vite's dev server forwards it). */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_URL}`;
}

/** 1 s, 2 s, 4 s… up to 30 s, each between half and all of that, so that tabs do not reconnect in step. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(attempt, 15));
  return Math.round(ceiling * (0.5 + random() / 2));
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** GraphQL errors of the operation itself (not of the connection): trying again would not help. */
function isOperationError(error: unknown): boolean {
  return Array.isArray(error);
}

export interface LiveConnection {
  /** Like graphql-ws's subscribe, but a connection that fails for good is tried again, later. */
  subscribe<Data, Extensions>(
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult<Data, Extensions>>,
  ): () => void;
  /**
   * Calls the listener whenever the connection is made again after a break, when pushes may have
   * been missed: the place to load again what they would have updated. Returns its removal.
   */
  onReconnect(listener: () => void): () => void;
  /** Closes the socket and stops every subscription; a later subscribe opens a new one. */
  close(): void;
}

export interface LiveConnectionOptions {
  url?: () => string;
  /** The page's language, sent when connecting, for the texts the server makes (as Accept-Language over HTTP). */
  locale?: Locale;
  /** For tests: a WebSocket class other than the browser's. */
  webSocketImpl?: unknown;
}

export function createLiveConnection(options: LiveConnectionOptions = {}): LiveConnection {
  let client: Client | null = null;
  let renewToken = false;
  /** Whether the socket now open has been accepted; null while none is open. */
  let acknowledged: boolean | null = null;
  let connections = 0;
  const reconnectListeners = new Set<() => void>();
  const stops = new Set<() => void>();

  // graphql-ws is loaded with the first subscription: a visitor's pages never load it.
  const open = async (): Promise<Client> => {
    const { createClient } = await import('graphql-ws');
    client ??= createClient({
      url: options.url ?? (() => liveUrl()),
      webSocketImpl: options.webSocketImpl,
      // Connects with the first subscription and closes a moment after the last one ends.
      lazy: true,
      lazyCloseTimeout: 3000,
      // A ping now and then keeps proxies from closing a quiet socket.
      keepAlive: 25_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => sleep(retryDelay(retries)),
      connectionParams: async () => {
        const token = await freshAccessToken(renewToken);
        renewToken = false;
        // Thrown, this closes the socket; the subscription then tries again later.
        if (!token) throw new Error('No session');
        return { authorization: `Bearer ${token}`, ...(options.locale ? { locale: options.locale } : {}) };
      },
      on: {
        opened: () => {
          acknowledged = false;
        },
        connected: () => {
          acknowledged = true;
          connections += 1;
          if (connections > 1) reconnectListeners.forEach((listener) => listener());
        },
        closed: () => {
          // Opened but never acknowledged: the server refused the token (it may have been revoked or
          // signed with keys the server no longer has). The next attempt asks for a new one.
          if (acknowledged === false) renewToken = true;
          acknowledged = null;
        },
      },
    });
    return client;
  };

  const subscribe = <Data, Extensions>(
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult<Data, Extensions>>,
  ): (() => void) => {
    let stopCurrent: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let done = false;

    const stop = () => {
      done = true;
      clearTimeout(timer);
      stopCurrent?.();
      stopCurrent = null;
      stops.delete(stop);
    };

    const start = async () => {
      if (done) return;
      const opened = await open();
      if (done) return;
      stopCurrent = opened.subscribe<Data, Extensions>(payload, {
        next: (value) => {
          failures = 0;
          sink.next(value);
        },
        error: (error) => {
          if (done) return;
          if (isOperationError(error)) {
            stop();
            sink.error(error);
            return;
          }
          // The connection failed in a way graphql-ws does not retry by itself (its error, or a close
          // it counts as fatal): try again later, with a renewed token in case that was the cause.
          renewToken = true;
          timer = setTimeout(() => void start(), retryDelay(failures++));
        },
        complete: () => {
          if (done) return;
          stop();
          sink.complete();
        },
      });
    };

    stops.add(stop);
    void start();
    return stop;
  };

  return {
    subscribe,
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    close() {
      [...stops].forEach((stop) => stop());
      const closing = client;
      client = null;
      connections = 0;
      acknowledged = null;
      // Disposing while a connection attempt is pending rejects with that attempt's end: expected here.
      void Promise.resolve(closing?.dispose()).catch(() => undefined);
    },
  };
}

const LiveConnectionContext = createContext<LiveConnection | null>(null);

/** Provided by the app for a signed-in user; null for a visitor. */
export const LiveConnectionProvider = LiveConnectionContext.Provider;

export function useLiveConnection(): LiveConnection | null {
  return useContext(LiveConnectionContext);
}
