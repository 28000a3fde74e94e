import { LOCALES, localizedPath, type Locale } from '@keskusvaraamo/shared';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useLocale } from '../i18n';
import { jsonForScript } from '../utils/jsonForScript';

/** What a page says about itself in the document's head. */
export interface PageMetaProps {
  /** The page's name: the tab title is "<title> – Osaamisen keskusvaraamo". */
  title: string;
  /** The whole tab title as it is, for a page about the whole site (the landing page). */
  fullTitle?: string;
  /** A summary for search results and link previews; cut to about 155 characters. */
  description?: string | null;
  /** Open Graph's type: 'article' for an item's page, 'website' for the rest. */
  type?: 'website' | 'article';
  /**
   * Structured data (schema.org, from structuredData.ts's builders) for the page's language and
   * the service's address; serialised into one `application/ld+json` script. Null for none.
   */
  structuredData?: ((context: { locale: Locale; publicUrl: string }) => object | null) | null;
  /** Keeps the page out of search engines' indexes (its links are still followed). */
  noindex?: boolean;
  /** The address's query is part of the page (a search's words and filters): kept in canonical and alternates. */
  keepQuery?: boolean;
  /** The page stands for something that does not exist (or the visitor may not see): 404 on the server. */
  notFound?: boolean;
}

/** Where the server renderer collects the page's head; the browser has none. */
export interface HeadCollector {
  collect(meta: ResolvedMeta): void;
}

export interface SeoSettings {
  /** The service's public origin, for absolute canonical and alternate addresses. */
  publicUrl: string;
  collector?: HeadCollector;
}

const SeoContext = createContext<SeoSettings | null>(null);

export function SeoProvider({ value, children }: { value: SeoSettings; children: ReactNode }) {
  return <SeoContext.Provider value={value}>{children}</SeoContext.Provider>;
}

/** Open Graph's locales: Finland's Finnish and Swedish, British English (as the dates are written). */
export const OG_LOCALES: Record<Locale, string> = { fi: 'fi_FI', sv: 'sv_FI', en: 'en_GB' };

const DESCRIPTION_LENGTH = 155;

/** The first ~155 characters of a text, on one line, cut at a word with an ellipsis. */
export function summarise(text: string, length = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export interface ResolvedMeta {
  title: string;
  description: string | null;
  type: 'website' | 'article';
  siteName: string;
  locale: Locale;
  /** Absolute; null for a page that should not be linked by its address (not found). */
  canonical: string | null;
  /** Absolute address in each language, and x-default (Finnish). */
  alternates: { hreflang: string; href: string }[];
  jsonLd: string | null;
  noindex: boolean;
  notFound: boolean;
}

/** A head element as data: rendered to HTML on the server, created as DOM in the browser. */
export type HeadTag =
  | { tag: 'title'; text: string }
  | { tag: 'meta'; attrs: Record<string, string> }
  | { tag: 'link'; attrs: Record<string, string> }
  | { tag: 'script'; attrs: Record<string, string>; text: string };

export function resolveMeta(
  props: PageMetaProps,
  context: { locale: Locale; siteName: string; publicUrl: string; pathname: string; search: string },
): ResolvedMeta {
  const { locale, siteName, publicUrl } = context;
  // The unprefixed path, as the router sees it; a search's query is part of what it shows.
  const path = props.keepQuery && context.search ? `${context.pathname}${context.search}` : context.pathname;
  const absolute = (l: Locale) => `${publicUrl}${localizedPath(l, path)}`;
  const notFound = props.notFound ?? false;
  const structured = props.structuredData?.({ locale, publicUrl }) ?? null;
  return {
    title: props.fullTitle ?? `${props.title} – ${siteName}`,
    description: props.description ? summarise(props.description) : null,
    type: props.type ?? 'website',
    siteName,
    locale,
    canonical: notFound ? null : absolute(locale),
    alternates: notFound
      ? []
      : [...LOCALES.map((l) => ({ hreflang: l, href: absolute(l) })), { hreflang: 'x-default', href: absolute('fi') }],
    jsonLd: structured && !notFound ? jsonForScript(structured) : null,
    noindex: notFound || (props.noindex ?? false),
    notFound,
  };
}

/** The head elements for a page, in order (the title first). */
export function headTags(meta: ResolvedMeta): HeadTag[] {
  const tags: HeadTag[] = [{ tag: 'title', text: meta.title }];
  const named = (name: string, content: string) => tags.push({ tag: 'meta', attrs: { name, content } });
  const property = (name: string, content: string) => tags.push({ tag: 'meta', attrs: { property: name, content } });
  if (meta.description) named('description', meta.description);
  if (meta.noindex) named('robots', 'noindex, follow');
  if (meta.canonical) tags.push({ tag: 'link', attrs: { rel: 'canonical', href: meta.canonical } });
  for (const { hreflang, href } of meta.alternates) {
    tags.push({ tag: 'link', attrs: { rel: 'alternate', hreflang, href } });
  }
  property('og:title', meta.title);
  if (meta.description) property('og:description', meta.description);
  if (meta.canonical) property('og:url', meta.canonical);
  property('og:type', meta.type);
  property('og:site_name', meta.siteName);
  property('og:locale', OG_LOCALES[meta.locale]);
  for (const other of LOCALES.filter((l) => l !== meta.locale)) property('og:locale:alternate', OG_LOCALES[other]);
  named('twitter:card', 'summary');
  named('twitter:title', meta.title);
  if (meta.description) named('twitter:description', meta.description);
  if (meta.jsonLd) tags.push({ tag: 'script', attrs: { type: 'application/ld+json' }, text: meta.jsonLd });
  return tags;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The marker on the elements PageMeta manages, so the browser replaces exactly those. */
export const MANAGED = 'data-page-meta';

/** The head elements as HTML, for the server renderer. A script's JSON has its `<` escaped already. */
export function headHtml(tags: HeadTag[]): string {
  return tags
    .map((t) => {
      const attrs = 'attrs' in t ? Object.entries(t.attrs).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`) : [];
      const open = `<${t.tag} ${MANAGED}${attrs.join('')}>`;
      if (t.tag === 'title') return `<title ${MANAGED}>${escapeText(t.text)}</title>`;
      // serializeJsonLd escaped every `<`, so no `</script>` can end it early.
      if (t.tag === 'script') return `${open}${t.text}</script>`;
      return open;
    })
    .join('\n    ');
}

/**
 * Whether the head already holds exactly `tags`, as the server wrote it for a page that hydrates:
 * replacing some twenty elements with the same again cost the hydrating page several milliseconds
 * of a phone's busiest moment, for nothing.
 */
export function headIsCurrent(tags: HeadTag[]): boolean {
  const managed = document.head.querySelectorAll(`[${MANAGED}]`);
  if (managed.length !== tags.length) return false;
  const hasDescription = tags.some((t) => t.tag === 'meta' && t.attrs.name === 'description');
  if (hasDescription && document.head.querySelector(`meta[name="description"]:not([${MANAGED}])`)) return false;
  return tags.every((t, index) => {
    const element = managed[index]!;
    if (element.localName !== t.tag) return false;
    if (t.tag === 'title') return element.textContent === t.text;
    const attrs = Object.entries(t.attrs);
    // Its own attributes and the marker, nothing more.
    if (element.attributes.length !== attrs.length + 1) return false;
    if (!attrs.every(([name, value]) => element.getAttribute(name) === value)) return false;
    return t.tag !== 'script' || element.textContent === t.text;
  });
}

/** Replaces the head's managed elements (and the title) with `tags`, unless it holds them already. */
export function applyToDocument(tags: HeadTag[]): void {
  if (headIsCurrent(tags)) return;
  const head = document.head;
  for (const old of head.querySelectorAll(`[${MANAGED}]`)) old.remove();
  // The shell's own description is the site's; a page's replaces it.
  const hasDescription = tags.some((t) => t.tag === 'meta' && t.attrs.name === 'description');
  for (const old of head.querySelectorAll('meta[name="description"]')) if (hasDescription) old.remove();
  for (const t of tags) {
    if (t.tag === 'title') {
      document.title = t.text;
      continue;
    }
    const element = document.createElement(t.tag);
    element.setAttribute(MANAGED, '');
    for (const [name, value] of Object.entries(t.attrs)) element.setAttribute(name, value);
    if (t.tag === 'script') element.textContent = t.text;
    head.append(element);
  }
}

/**
 * The page's head: title, description, canonical address, the other languages' addresses
 * (hreflang), Open Graph and Twitter card, robots, and structured data. On the server the tags are
 * collected for the response's `<head>`; in the browser they are kept current on each navigation.
 * Renders nothing itself, so hydration is not affected.
 */
export function PageMeta(props: PageMetaProps) {
  const settings = useContext(SeoContext);
  const { t } = useTranslation();
  const locale = useLocale();
  const { pathname, search } = useLocation();
  const publicUrl = settings?.publicUrl ?? (typeof window === 'undefined' ? '' : window.location.origin);
  const meta = resolveMeta(props, { locale, siteName: t('app.name'), publicUrl, pathname, search });
  // On the server the last page to render wins: a page inside the layout renders after it.
  settings?.collector?.collect(meta);
  const key = JSON.stringify(meta);
  useEffect(() => {
    applyToDocument(headTags(JSON.parse(key) as ResolvedMeta));
  }, [key]);
  return null;
}
