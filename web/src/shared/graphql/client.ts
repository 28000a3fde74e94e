import { cacheExchange, Client, fetchExchange } from 'urql';
import { authFetch, GRAPHQL_URL } from '../session/tokens';

/**
 * One client per session: the app makes a new one when the user changes, so that nothing one
 * user fetched is ever shown to the next from the cache.
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: [cacheExchange, fetchExchange],
    fetch: authFetch,
    fetchOptions: { credentials: 'include' },
    // POST only: the server's CSRF defence expects JSON bodies, and tokens never go into URLs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
}
