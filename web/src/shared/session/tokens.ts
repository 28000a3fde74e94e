/**
 * The access token lives only in this module's memory (never in storage, so a script injected
 * into the page cannot lift it from there). The refresh token is an httpOnly cookie the browser
 * sends to /graphql; `refreshSession` trades it for a new access token.
 *
 * The server rotates the refresh cookie on every refresh and revokes the whole session when an
 * old cookie is used twice, so at most one refresh may be in flight: in this tab (one shared
 * promise) and across tabs (a Web Lock, where the browser has them).
 */
import type { SessionUser } from './types';

export const GRAPHQL_URL = '/graphql';

/** The user fields every auth mutation returns; kept in one place so the session stays whole. */
export const SESSION_USER_FIELDS = 'id email displayName roles locale emailVerified createdAt';

export interface AuthPayload {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

type SessionListener = (payload: AuthPayload | null) => void;

/** The session's own documents, sent outside urql (the server's limits test runs them too). */
export const SESSION_DOCUMENTS = {
  refresh: `mutation RefreshSession { refreshSession { accessToken expiresIn user { ${SESSION_USER_FIELDS} } } }`,
  user: `query SessionUser { me { ${SESSION_USER_FIELDS} } }`,
  signOut: `mutation SignOut { signOut }`,
  signOutEverywhere: `mutation SignOut { signOutEverywhere }`,
};
const LOCK_NAME = 'keskusvaraamo-session-refresh';
/** Renew this long before expiry, so that a request never races the expiry itself. */
const EARLY_RENEWAL_SECONDS = 60;

let accessToken: string | null = null;
let expiresAt = 0;
let renewalTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<AuthPayload | null> | null = null;
const listeners = new Set<SessionListener>();

/** Calls the listener whenever a session starts, renews (with the payload) or ends (with null). */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the token of a fresh AuthPayload (sign-in, sign-up, refresh, password change). */
export function startSession(payload: AuthPayload): void {
  accessToken = payload.accessToken;
  expiresAt = Date.now() + payload.expiresIn * 1000;
  scheduleRenewal(payload.expiresIn);
  listeners.forEach((listener) => listener(payload));
}

/** Forgets the token locally; the server side is ended by signOut. */
export function endSession(): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(renewalTimer);
  listeners.forEach((listener) => listener(null));
}

export function hasSession(): boolean {
  return accessToken !== null;
}

function scheduleRenewal(expiresIn: number): void {
  clearTimeout(renewalTimer);
  const lead = Math.min(EARLY_RENEWAL_SECONDS, expiresIn * 0.2);
  const delaySeconds = Math.max(expiresIn - lead, 5);
  renewalTimer = setTimeout(() => {
    // A failed renewal is retried by the next request that meets UNAUTHENTICATED.
    refreshSession().catch(() => undefined);
  }, delaySeconds * 1000);
}

/**
 * Trades the refresh cookie for a new access token. Resolves to null when there is no session
 * (a visitor, or a session ended elsewhere); rejects when the server could not be reached.
 */
export function refreshSession(): Promise<AuthPayload | null> {
  if (refreshInFlight) return refreshInFlight;
  const attempt = withCrossTabLock(requestRefresh);
  refreshInFlight = attempt;
  const clear = () => {
    if (refreshInFlight === attempt) refreshInFlight = null;
  };
  attempt.then(clear, clear);
  return attempt;
}

function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(LOCK_NAME, task) : task();
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function requestRefresh(): Promise<AuthPayload | null> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: SESSION_DOCUMENTS.refresh, operationName: 'RefreshSession' }),
  });
  const body = (await response.json()) as GraphqlBody<{ refreshSession: AuthPayload }>;
  const payload = body.data?.refreshSession;
  if (payload) {
    startSession(payload);
    return payload;
  }
  if (hasErrorCode(body, 'UNAUTHENTICATED')) {
    if (accessToken !== null) endSession();
    return null;
  }
  throw new Error(`Session refresh failed (${response.status})`);
}

function hasErrorCode(body: GraphqlBody<unknown>, code: string): boolean {
  return body.errors?.some((error) => error.extensions?.code === code) ?? false;
}

function withToken(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers, credentials: 'include' };
}

/** GraphQL says it with a code in a 200 answer; the REST routes (files) with 401 and WWW-Authenticate. */
async function saysUnauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (!response.headers.get('content-type')?.includes('json')) return false;
  try {
    return hasErrorCode((await response.clone().json()) as GraphqlBody<unknown>, 'UNAUTHENTICATED');
  } catch {
    return false;
  }
}

/**
 * The access token for a connection that cannot go through authFetch (the live WebSocket, which
 * sends it once, when it connects): renewed first when it is about to expire, or when `renew` says
 * the server refused the last one. Null without a session.
 */
export async function freshAccessToken(renew = false): Promise<string | null> {
  if (accessToken !== null && (renew || Date.now() > expiresAt - 5000)) {
    await refreshSession().catch(() => null);
  }
  return accessToken;
}

/**
 * `fetch` for the GraphQL client: adds the bearer token, renews it when it is about to expire,
 * and when the server still answers UNAUTHENTICATED renews once and repeats the request.
 */
export const authFetch: typeof fetch = async (input, init) => {
  if (accessToken !== null && Date.now() > expiresAt - 5000) {
    await refreshSession().catch(() => null);
  }
  const sentToken = accessToken;
  const response = await fetch(input, withToken(init, sentToken));
  if (sentToken === null || !(await saysUnauthenticated(response))) return response;
  // Another request may have renewed the token while this one was under way.
  if (accessToken !== null && accessToken !== sentToken) return fetch(input, withToken(init, accessToken));
  const renewed = await refreshSession().catch(() => null);
  return renewed ? fetch(input, withToken(init, renewed.accessToken)) : response;
};
