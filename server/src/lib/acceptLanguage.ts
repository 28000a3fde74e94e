import { LOCALES, type Locale } from '@keskusvaraamo/shared';

/** The first of our languages in an Accept-Language header, by its q weight; null when none is. */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    // A long header is cut: a browser sends a few tags, not hundreds.
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((t) => (LOCALES as readonly string[]).includes(t.language ?? ''))?.language as Locale) ?? null;
}

/** The file's language: `lang`, else the viewer's own, else the browser's, else Finnish. */
export function fileLocale(lang: unknown, viewerLocale: Locale | null | undefined, header: string | undefined): Locale {
  if (typeof lang === 'string' && (LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  return viewerLocale ?? acceptedLocale(header) ?? 'fi';
}
