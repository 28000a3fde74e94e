import { DEFAULT_LOCALE, type Locale } from '@keskusvaraamo/shared';
import { cacheExchange, Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { authFetch, GRAPHQL_URL } from '../session/tokens';
import type { LiveConnection } from './live';
import type { GraphqlSetup } from './ssr';

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
 * subscriptions, over `live`. Every request names the page's `locale` (Accept-Language). `setup` is the server renderer's, or the browser's on a
 * server-rendered page (its `ssr` exchange answers the first render from the page's state).
 */
export function createGraphqlClient(
  live: LiveConnection | null = null,
  setup: GraphqlSetup = {},
  locale: Locale = DEFAULT_LOCALE,
): Client {
  const exchanges = [
    ...(setup.hydration ? [setup.hydration] : []),
    cacheExchange,
    ...(setup.ssr ? [setup.ssr] : []),
    fetchExchange,
  ];
  return new Client({
    url: GRAPHQL_URL,
    exchanges: live ? [...exchanges, liveExchange(live)] : exchanges,
    fetch: setup.fetch ?? authFetch,
    suspense: setup.suspense ?? false,
    // The page's language, for the texts the server makes (a match's explanation…): ctx.locale.
    fetchOptions: { credentials: 'include', headers: { 'accept-language': locale } },
    // POST only: the server's CSRF defence expects JSON bodies, and tokens never go into URLs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
  });
}
