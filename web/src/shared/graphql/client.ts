import { cacheExchange, Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { authFetch, GRAPHQL_URL } from '../session/tokens';
import type { LiveConnection } from './live';

/** Subscriptions go over the signed-in user's WebSocket. */
function liveExchange(live: LiveConnection): Exchange {
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe: (sink) => ({ unsubscribe: live.subscribe({ ...request, query: request.query ?? '' }, sink) }),
    }),
  });
}

/**
 * One client per session: the app makes a new one when the user changes, so that nothing one
 * user fetched is ever shown to the next from the cache. A signed-in user's client also carries
 * subscriptions, over `live`.
 */
export function createGraphqlClient(live: LiveConnection | null = null): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: live ? [cacheExchange, fetchExchange, liveExchange(live)] : [cacheExchange, fetchExchange],
    fetch: authFetch,
    fetchOptions: { credentials: 'include' },
    // POST only: the server's CSRF defence expects JSON bodies, and tokens never go into URLs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
}
