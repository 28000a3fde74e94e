import type { Locale } from '@keskusvaraamo/shared';
import type { Deps } from '../../deps.js';
import { toHtml, toText, type EmailContent } from './layout.js';
import { renderDigestEmail, renderNotificationEmail, type RenderedMessage } from './notificationEmails.js';
import type { OutboxRow } from './outbox.js';
import { isTemplateName, renderEmail, SIGNATURE, type TemplateName, type TemplateParams } from './templates.js';
import { unsubscribeUrls } from './unsubscribe.js';

export interface Message {
  subject: string;
  /** The plain-text part (what the outbox keeps and the development mailbox shows). */
  text: string;
  /** The same message as HTML, in the layout every e-mail shares. */
  html: string;
  attachments: RenderedMessage['attachments'];
  headers: Record<string, string>;
}

/** The footer's question and link (in the text part: both, a colon and the address). */
const UNSUBSCRIBE: Record<Locale, { lead: string; label: string }> = {
  fi: { lead: 'Et halua näitä viestejä sähköpostiin?', label: 'Peru tilaus yhdellä napsautuksella' },
  sv: { lead: 'Vill du inte få dessa meddelanden per e-post?', label: 'Avsluta med ett klick' },
  en: { lead: 'Do not want these by e-mail?', label: 'Unsubscribe with one click' },
};

/**
 * Renders an outbox message in its recipient's language, as text and HTML: account messages from
 * their templates, notifications and digests from what they report. Null when what it reports is
 * gone. Every message is marked automatic (RFC 3834), so that out-of-office replies stay away; a
 * notification or digest also carries its one-click unsubscribe (RFC 8058).
 */
export async function renderMessage(
  deps: Pick<Deps, 'db' | 'config' | 'emailAttachments'>,
  row: OutboxRow,
): Promise<Message | null> {
  const locale = (['fi', 'sv', 'en'].includes(row.locale) ? row.locale : 'fi') as Locale;
  const params = row.params;
  let rendered: Omit<RenderedMessage, 'unsubscribe'> & { unsubscribe: RenderedMessage['unsubscribe'] | null };
  if (row.template === 'notification') {
    const message = await renderNotificationEmail(deps, row, locale);
    if (!message) return null;
    rendered = message;
  } else if (row.template === 'digest' && row.userId) {
    const ids = Array.isArray(params.notificationIds) ? params.notificationIds.map(String) : [];
    const message = await renderDigestEmail(deps, row.userId, ids, locale);
    if (!message) return null;
    rendered = message;
  } else if (isTemplateName(row.template)) {
    const name: TemplateName = row.template;
    rendered = {
      ...renderEmail(name, locale, params as TemplateParams<typeof name>),
      attachments: [],
      unsubscribe: null,
    };
  } else return null;

  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
  const content: EmailContent = {
    locale,
    subject: rendered.subject,
    blocks: rendered.blocks,
    signature: SIGNATURE[locale],
  };
  if (rendered.unsubscribe && row.userId) {
    const urls = unsubscribeUrls(deps, row.userId, rendered.unsubscribe, locale);
    headers['List-Unsubscribe'] = `<${urls.oneClick}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    content.unsubscribe = { ...UNSUBSCRIBE[locale], url: urls.page };
  }
  return {
    subject: rendered.subject,
    text: toText(content),
    html: await toHtml(content),
    attachments: rendered.attachments,
    headers,
  };
}
