import type { Locale } from './roles.js';

/**
 * The language is in the address: Finnish at the root (`/search`), Swedish under `/sv/…`,
 * English under `/en/…`. One module for the web app, the server renderer, the sitemap,
 * hreflang alternates and the server's e-mail links.
 */
export const LOCALE_PREFIXES: Record<Locale, '' | '/sv' | '/en'> = { fi: '', sv: '/sv', en: '/en' };

const PREFIXED: readonly (readonly [Exclude<Locale, 'fi'>, string])[] = [
  ['sv', '/sv'],
  ['en', '/en'],
];

/** The prefixed locale whose prefix starts `pathname` as a whole segment (`/sv`, `/sv/…`, `/sv?…`). */
function prefixOf(pathname: string): readonly [Exclude<Locale, 'fi'>, string] | undefined {
  return PREFIXED.find(([, prefix]) => {
    if (!pathname.startsWith(prefix)) return false;
    const next = pathname.charAt(prefix.length);
    return next === '' || next === '/' || next === '?' || next === '#';
  });
}

/** The page's language from its path: `/sv` and `/sv/…` → 'sv', `/en…` → 'en', otherwise 'fi'. */
export function localeOfPath(pathname: string): Locale {
  return prefixOf(pathname)?.[0] ?? 'fi';
}

/** The path without its language prefix: `/sv/search` → `/search`, `/sv` → `/`; query and hash kept. */
export function stripLocale(pathname: string): string {
  const found = prefixOf(pathname);
  if (!found) return pathname.startsWith('/') ? pathname : `/${pathname}`;
  const rest = pathname.slice(found[1].length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The path in `locale`: `('sv', '/search?x=1')` → `/sv/search?x=1`, `('fi', '/')` → `/`,
 * `('en', '/')` → `/en`. A language prefix already in `path` is replaced, so the same page's
 * address in another language is `localizedPath(other, location.pathname + location.search)`.
 */
export function localizedPath(locale: Locale, path: string): string {
  const bare = stripLocale(path);
  const prefix = LOCALE_PREFIXES[locale];
  if (prefix === '') return bare;
  if (bare === '/') return prefix;
  // `/?x=1` and `/#top` become `/sv?x=1` and `/sv#top`.
  if (bare.startsWith('/?') || bare.startsWith('/#')) return prefix + bare.slice(1);
  return prefix + bare;
}
