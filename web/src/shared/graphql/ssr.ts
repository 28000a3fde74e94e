import { createContext, useContext } from 'react';
import { makeOperation, mapExchange, type Exchange, type SSRData, type SSRExchange } from 'urql';

/**
 * How the app's GraphQL client is set up where it is not the browser's ordinary one: the server
 * renderer's (results kept by `ssr` for the page's state, `suspense` so the render waits for its
 * data, `fetch` executing in the server's process) and the browser's first client on a
 * server-rendered page (`ssr` holding that state, `hydration` so the first render needs no request).
 */
export interface GraphqlSetup {
  ssr?: SSRExchange;
  hydration?: Exchange;
  suspense?: boolean;
  fetch?: typeof fetch;
}

const GraphqlSetupContext = createContext<GraphqlSetup>({});
export const GraphqlSetupProvider = GraphqlSetupContext.Provider;
export const useGraphqlSetup = (): GraphqlSetup => useContext(GraphqlSetupContext);

/**
 * While a server-rendered page hydrates, its queries take the results it was rendered with and no
 * more: the app's 'cache-and-network' would fetch each again at once (urql re-subscribes after the
 * first render). `done()` ends that, and every later query revalidates as usual.
 */
export function hydrationExchange(): { exchange: Exchange; done: () => void } {
  let hydrating = true;
  const exchange = mapExchange({
    onOperation: (operation) =>
      hydrating && operation.kind === 'query' && operation.context.requestPolicy === 'cache-and-network'
        ? makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'cache-first' })
        : operation,
  });
  return {
    exchange,
    done: () => {
      hydrating = false;
    },
  };
}

export type { SSRData };
