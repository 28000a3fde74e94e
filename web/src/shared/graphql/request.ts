import { authFetch, GRAPHQL_URL } from '../session/tokens';

export interface RawGraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface RawGraphqlResult<T> {
  data?: T | null;
  errors?: RawGraphqlError[];
}

/**
 * A GraphQL request outside urql, for the session itself (sign-out and reloading the user),
 * which must work even while the urql client is being replaced.
 */
export async function graphqlRequest<T>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawGraphqlResult<T>> {
  const response = await authFetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as RawGraphqlResult<T>;
}
