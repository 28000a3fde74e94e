/**
 * One layout for every e-mail: the service's name at the top, the message, and a footer with the
 * signature and, where there is one, the unsubscribe link. A message is written once, as blocks,
 * and rendered twice: as plain text (what the tests and the development mailbox read, unchanged
 * from when e-mail was text only) and as HTML (htmlEmail.ts) with React Email's primitives, which
 * write the table-based markup mail clients need. React escapes every text and attribute, so names,
 * titles and messages people wrote cannot become markup.
 */
import type { Locale } from '@keskusvaraamo/shared';
import { importAsProduction } from '../../config.js';

/**
 * A part of an e-mail's body. A string is text: a blank line parts paragraphs, a single line break
 * stays one, and a line that is only an address becomes a link. An action is a link that does
 * something, shown as a button with its label (`secondary`: outlined, for one that undoes, such as a
 * cancellation); in the text, its lead (or the label and a colon) and then the address. Links are a list of links, each named by its text (the digest).
 */
export type Block =
  | string
  | { action: string; url: string; lead?: string; secondary?: boolean }
  | { links: { text: string; url: string }[] };

export interface EmailContent {
  locale: Locale;
  subject: string;
  blocks: Block[];
  signature: string;
  /**
   * The page that turns these e-mails off: the question before its link, and the link's text (in
   * the text part, "question label:" and the address).
   */
  unsubscribe?: { lead: string; label: string; url: string } | null;
}

/** The plain-text body: the blocks, then the signature and the unsubscribe address. */
export function toText(content: EmailContent): string {
  const body = content.blocks
    .map((block) => {
      if (typeof block === 'string') return block;
      if ('action' in block) return `${block.lead ?? `${block.action}:`}\n${block.url}`;
      return block.links.map((l) => `- ${l.text}\n  ${l.url}`).join('\n\n');
    })
    .join('\n\n');
  let footer = `--\n${content.signature}`;
  if (content.unsubscribe) {
    const { lead, label, url } = content.unsubscribe;
    footer += `\n\n${lead} ${label}:\n${url}`;
  }
  return `${body}\n\n${footer}\n`;
}

let renderer: Promise<typeof import('./htmlEmail.js')> | undefined;

/**
 * Loads the HTML renderer once, with React's production build (`importAsProduction`): React picks
 * its build when first loaded, and the web app's server renderer, which loads the same React, must
 * get the production build (plugins/web.ts). The mail worker loads it at start-up; else first use.
 */
export function loadHtmlRenderer() {
  return (renderer ??= importAsProduction(() => import('./htmlEmail.js')));
}

/** The HTML body (a complete document, `lang` the recipient's language). */
export async function toHtml(content: EmailContent): Promise<string> {
  return (await loadHtmlRenderer()).renderHtml(content);
}
