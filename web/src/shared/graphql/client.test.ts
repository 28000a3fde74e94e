import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from './client';

describe("the app's GraphQL client", () => {
  afterEach(() => vi.unstubAllGlobals());

  const headersSent = async (...args: Parameters<typeof createGraphqlClient>) => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () =>
        new Response(JSON.stringify({ data: { __typename: 'Query' } }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const result = await createGraphqlClient(...args)
      .query('query Probe { __typename }', {})
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    return new Headers(fetch.mock.calls[0]![1]?.headers);
  };

  it("names the page's language in every request (Accept-Language), Finnish unless told", async () => {
    expect((await headersSent(null, {}, 'sv')).get('accept-language')).toBe('sv');
    expect((await headersSent(null, {}, 'en')).get('accept-language')).toBe('en');
    expect((await headersSent()).get('accept-language')).toBe('fi');
  });

  it('still sends JSON by POST', async () => {
    const headers = await headersSent(null, {}, 'sv');
    expect(headers.get('content-type')).toBe('application/json');
  });
});
