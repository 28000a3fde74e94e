import { useEffect, useSyncExternalStore } from 'react';
import {
  hyphenate,
  hyphenationLanguage,
  isHyphenationReady,
  loadHyphenation,
  MIN_WORD_LENGTH,
  subscribeHyphenation,
} from './hyphenate';

/**
 * A title or heading's text with soft hyphens in its long words, for the language it is written
 * in (`lang`: the item's own, which the element around it also declares). The server has every
 * language's patterns, so its HTML has the break points; before hydrating, the browser remembers
 * the texts as the server hyphenated them (`rememberServerHyphenation`), so its first render is the
 * same without loading any patterns. A text the server did not hyphenate (a later page of results)
 * gets its language's patterns, in a chunk of their own, and its break points once they arrive.
 * Not for inputs, addresses or e-mail addresses. The soft hyphens stay in the accessible name
 * (Chromium keeps them; screen readers skip U+00AD, and Playwright's and axe's name matching accept
 * it) and in a copy (the search ignores them). An `aria-label` with the plain text would make axe
 * report label-content-name-mismatch, so give none.
 */
export function Hyphenated({ text, lang }: { text: string; lang: string | null | undefined }) {
  const language = hyphenationLanguage(lang);
  const readyNow = () => (language ? isHyphenationReady(language, text) : false);
  const ready = useSyncExternalStore(subscribeHyphenation, readyNow, readyNow);
  useEffect(() => {
    // Only a word long enough to break needs the patterns.
    if (language && !ready && text.split(/\s+/).some((word) => word.length >= MIN_WORD_LENGTH)) {
      void loadHyphenation(language);
    }
  }, [language, ready, text]);
  return <>{ready ? hyphenate(text, lang) : text}</>;
}
