import { describe, expect, it } from 'vitest';
import { LOCALE_PREFIXES, localeOfPath, localizedPath, stripLocale } from './localePath.js';
import { LOCALES } from './roles.js';

describe('localeOfPath', () => {
  it.each([
    ['/', 'fi'],
    ['/search', 'fi'],
    ['/sv', 'sv'],
    ['/sv/', 'sv'],
    ['/sv/search', 'sv'],
    ['/sv?q=sol', 'sv'],
    ['/en', 'en'],
    ['/en/courses/abc', 'en'],
    // Only a whole first segment is a prefix.
    ['/svenska', 'fi'],
    ['/english/x', 'fi'],
    ['/search/sv', 'fi'],
    ['', 'fi'],
  ] as const)('%s → %s', (path, locale) => {
    expect(localeOfPath(path)).toBe(locale);
  });
});

describe('stripLocale', () => {
  it.each([
    ['/sv/search', '/search'],
    ['/sv', '/'],
    ['/sv/', '/'],
    ['/en/courses/abc?x=1', '/courses/abc?x=1'],
    ['/sv?q=1', '/?q=1'],
    ['/search', '/search'],
    ['/', '/'],
    ['/svenska', '/svenska'],
    ['search', '/search'],
  ])('%s → %s', (path, stripped) => {
    expect(stripLocale(path)).toBe(stripped);
  });
});

describe('localizedPath', () => {
  it.each([
    ['sv', '/search?x=1', '/sv/search?x=1'],
    ['fi', '/', '/'],
    ['sv', '/', '/sv'],
    ['en', '/', '/en'],
    ['en', '/?q=1', '/en?q=1'],
    ['en', '/#main', '/en#main'],
    ['fi', '/search', '/search'],
    ['en', '/needs/1', '/en/needs/1'],
    // A prefix already in the path is replaced: the same page in another language.
    ['en', '/sv/search?x=1', '/en/search?x=1'],
    ['fi', '/sv/search', '/search'],
    ['fi', '/en', '/'],
    ['sv', 'search', '/sv/search'],
  ] as const)('(%s, %s) → %s', (locale, path, localized) => {
    expect(localizedPath(locale, path)).toBe(localized);
  });

  it('round-trips with localeOfPath and stripLocale in every language', () => {
    for (const locale of LOCALES) {
      for (const path of ['/', '/search?q=aurinko', '/courses/x#sessions', '/sv-guide']) {
        const localized = localizedPath(locale, path);
        expect(localeOfPath(localized)).toBe(locale);
        expect(stripLocale(localized)).toBe(path);
        expect(localized.startsWith(LOCALE_PREFIXES[locale])).toBe(true);
      }
    }
  });
});
