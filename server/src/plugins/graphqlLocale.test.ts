import { describe, expect, it, vi } from 'vitest';
import { requestLocale } from './graphql.js';

describe("the GraphQL context's locale", () => {
  const viewer = (locale: 'fi' | 'sv' | 'en' | undefined) => vi.fn(async () => ({ locale }));

  it('is the page language the request names', async () => {
    expect(await requestLocale('sv', viewer('en'))).toBe('sv');
    expect(await requestLocale('en-GB,en;q=0.9,fi;q=0.5', viewer('sv'))).toBe('en');
    expect(await requestLocale('de, sv;q=0.8', viewer('fi'))).toBe('sv');
  });

  it("ignores an unknown language and falls back to the viewer's, then Finnish", async () => {
    expect(await requestLocale('de', viewer('en'))).toBe('en');
    expect(await requestLocale(undefined, viewer('sv'))).toBe('sv');
    expect(await requestLocale('', viewer(undefined))).toBe('fi');
    expect(await requestLocale(undefined, async () => null)).toBe('fi');
  });

  it('does not look the viewer up when the request names a language, and survives a bad token', async () => {
    const lookup = viewer('en');
    await requestLocale('fi', lookup);
    expect(lookup).not.toHaveBeenCalled();
    expect(await requestLocale(undefined, async () => Promise.reject(new Error('UNAUTHENTICATED')))).toBe('fi');
  });
});
