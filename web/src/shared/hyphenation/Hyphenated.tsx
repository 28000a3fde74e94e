import { useEffect, useSyncExternalStore } from 'react';
import {
  hyphenate,
  hyphenationLanguage,
  isHyphenationLoaded,
  loadHyphenation,
  subscribeHyphenation,
} from './hyphenate';

/**
 * A title or heading's text with soft hyphens in its long words, for the language it is written
 * in (`lang`: the item's own, which the element around it also declares). The server has every
 * language's patterns, so its HTML has the break points; before hydrating, the browser loads the
 * patterns of the languages the page's HTML was hyphenated in (`hyphenationOnPage`), so its first
 * render is the same and nothing moves. Elsewhere the patterns load in their own chunk when first
 * needed, and the words get their break points then. Not for inputs,
 * addresses or e-mail addresses. The soft hyphens stay in the accessible name (Chromium keeps
 * them; screen readers skip U+00AD, and Playwright's and axe's name matching accept it) and in a
 * copy (the search ignores them). An `aria-label` with the plain text would make axe report
 * label-content-name-mismatch, so give none.
 */
export function Hyphenated({ text, lang }: { text: string; lang: string | null | undefined }) {
  const language = hyphenationLanguage(lang);
  const loadedNow = () => (language ? isHyphenationLoaded(language) : false);
  const ready = useSyncExternalStore(subscribeHyphenation, loadedNow, loadedNow);
  useEffect(() => {
    if (language && !isHyphenationLoaded(language)) void loadHyphenation(language);
  }, [language]);
  return <>{ready ? hyphenate(text, lang) : text}</>;
}
