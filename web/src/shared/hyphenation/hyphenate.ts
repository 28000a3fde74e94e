/**
 * Soft hyphens (U+00AD) in long words, at the points Liang's TeX patterns for the text's language
 * allow (the `hyphen` package: Finnish, Swedish, English). Chromium on Linux has no Finnish
 * hyphenation dictionary, so CSS `hyphens: auto` alone leaves "Aurinkosähköjärjestelmien" to
 * break anywhere on a narrow screen. A language's patterns are loaded only when something in it
 * is first shown (a chunk of its own: 5 KB for Finnish), never with the landing page's script.
 */
export type HyphenateSync = (
  text: string,
  options?: { hyphenChar?: string; minWordLength?: number; html?: boolean },
) => string;
export type HyphenationLanguage = 'fi' | 'sv' | 'en';

export const SOFT_HYPHEN = '\u00AD';

/** Words shorter than this fit a line anyway; leaving them whole keeps the text quieter. */
export const MIN_WORD_LENGTH = 10;

const LOADERS: Record<HyphenationLanguage, () => Promise<{ hyphenateSync: HyphenateSync }>> = {
  fi: () => import('hyphen/fi'),
  sv: () => import('hyphen/sv'),
  en: () => import('hyphen/en'),
};

const loaded = new Map<HyphenationLanguage, HyphenateSync>();
const loading = new Map<HyphenationLanguage, Promise<void>>();
const listeners = new Set<() => void>();

/** The language of the patterns for a language tag ("fi", "sv-FI", "en-GB"), or null for none. */
export function hyphenationLanguage(lang: string | null | undefined): HyphenationLanguage | null {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  return primary === 'fi' || primary === 'sv' || primary === 'en' ? primary : null;
}

/** Loads a language's patterns once; later calls get the same promise. Failing leaves text whole. */
export function loadHyphenation(lang: HyphenationLanguage): Promise<void> {
  const pending =
    loading.get(lang) ??
    LOADERS[lang]()
      .then((module) => {
        // A CommonJS module: its exports may sit on `default`.
        const exports = module as { hyphenateSync?: HyphenateSync; default?: { hyphenateSync?: HyphenateSync } };
        const fn = exports.hyphenateSync ?? exports.default?.hyphenateSync;
        if (fn) loaded.set(lang, fn);
        listeners.forEach((notify) => notify());
      })
      .catch(() => {
        // Offline or a missing chunk: the text stays as it is, CSS hyphenation still applies.
        loading.delete(lang);
      });
  loading.set(lang, pending);
  return pending;
}

/** Every language's patterns: the server renderer has them all before its first page. */
export function loadAllHyphenation(): Promise<void> {
  return Promise.all((Object.keys(LOADERS) as HyphenationLanguage[]).map(loadHyphenation)).then(() => undefined);
}

/**
 * Texts as the server hyphenated them, read from its HTML before hydrating (`rememberServerHyphenation`),
 * by language and plain text. With them the browser's first render is the server's without the
 * patterns: a page of results in Finnish, Swedish and English would otherwise load and run three
 * languages' patterns (12-15 KB compressed each, 10-40 ms to evaluate on a phone) before it could
 * hydrate. The patterns load later, if a text the server did not hyphenate is shown.
 */
const fromServer = new Map<string, string>();
const serverKey = (language: HyphenationLanguage, text: string) => `${language}\n${text}`;

/**
 * Remembers the hyphenated texts of a server-rendered page: each text with a soft hyphen, by its
 * element's (or nearest) `lang`. Call before hydrating.
 */
export function rememberServerHyphenation(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue;
    if (!value?.includes(SOFT_HYPHEN)) continue;
    const language = hyphenationLanguage(node.parentElement?.closest('[lang]')?.getAttribute('lang'));
    if (language) fromServer.set(serverKey(language, withoutSoftHyphens(value)), value);
  }
}

/** Whether `text` can be shown hyphenated now: its language's patterns are here, or the server's text is. */
export function isHyphenationReady(language: HyphenationLanguage, text: string): boolean {
  return loaded.has(language) || fromServer.has(serverKey(language, text));
}

export function isHyphenationLoaded(lang: HyphenationLanguage): boolean {
  return loaded.has(lang);
}

/** Calls `listener` when a language's patterns arrive (for useSyncExternalStore). */
export function subscribeHyphenation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A token that is no word to split: an address, an e-mail, a path, a number or code with digits. */
const NOT_A_WORD = /@|:\/\/|^www\.|[/\\\d_=&?#]/i;

/**
 * The text with soft hyphens in its words of `MIN_WORD_LENGTH` letters or more, if the language's
 * patterns are loaded (`loadHyphenation`) or the server hyphenated this text on the page
 * (`rememberServerHyphenation`); otherwise, or for another language, the text as it is.
 * Web addresses, e-mail addresses and tokens with digits stay whole. Removing every U+00AD gives
 * back the text exactly.
 */
export function hyphenate(text: string, lang: string | null | undefined): string {
  const language = hyphenationLanguage(lang);
  if (!language) return text;
  const fn = loaded.get(language);
  if (!fn) return fromServer.get(serverKey(language, text)) ?? text;
  return text
    .split(/(\s+)/)
    .map((token) =>
      token.length < MIN_WORD_LENGTH || NOT_A_WORD.test(token) || token.includes(SOFT_HYPHEN)
        ? token
        : fn(token, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD_LENGTH, html: false }),
    )
    .join('');
}

/** The text without soft hyphens (what a search or a copy should see). */
export function withoutSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '');
}
