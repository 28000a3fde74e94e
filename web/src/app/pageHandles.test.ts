import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { matchedPageIds, pageHandles, routes, type PageHandle } from './routes';

/** The handles matching finds for an address, the way the browser did before the server named them. */
const matched = (path: string) =>
  (matchRoutes(routes, path) ?? []).map(({ route }) => route.handle as PageHandle | undefined).filter(Boolean);

describe("the pages a server-rendered address shows, by the server's ids", () => {
  it('are the handles matching the address would find, for every kind of public page', () => {
    for (const path of ['/search', '/offers/1', '/needs/1', '/organisations/1', '/results', '/privacy', '/contact']) {
      const ids = matchedPageIds(matchRoutes(routes, path) ?? []);
      expect(ids.length, path).toBeGreaterThan(0);
      expect(pageHandles(ids), path).toEqual(matched(path));
    }
  });

  it('are different for different pages, and the landing page (in the app chunk) has none to load', () => {
    const search = matchedPageIds(matchRoutes(routes, '/search') ?? []);
    const offer = matchedPageIds(matchRoutes(routes, '/offers/1') ?? []);
    expect(search).not.toEqual(offer);
    expect(matchedPageIds(matchRoutes(routes, '/') ?? [])).toEqual([]);
  });

  it('are refused when an id is unknown (a page of another build): the browser matches the address then', () => {
    expect(pageHandles([1_000_000])).toBeNull();
    expect(pageHandles([-1])).toBeNull();
  });
});
