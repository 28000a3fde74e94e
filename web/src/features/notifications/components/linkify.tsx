import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the address ("…/bookings." or "(…/x)"). */
const TRAILING = /[.,;:!?)\]]+$/;

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

/** Plain text cut into text and web addresses, for showing the addresses as links. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'link', href });
    at = start + href.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** The text with its web addresses as links. */
export function Linkified({ text }: { text: string }): ReactNode {
  return linkParts(text).map((part, index) =>
    part.kind === 'link' ? (
      <a key={index} href={part.href}>
        {part.href}
      </a>
    ) : (
      part.text
    ),
  );
}
