import type { Locale } from '@keskusvaraamo/shared';
import type { Deps } from '../../deps.js';
import { renderDigestEmail, renderNotificationEmail, type RenderedMessage } from './notificationEmails.js';
import type { OutboxRow } from './outbox.js';
import { isTemplateName, renderEmail, SIGNATURE, type TemplateName, type TemplateParams } from './templates.js';
import { unsubscribeUrls } from './unsubscribe.js';

export interface Message {
  subject: string;
  text: string;
  attachments: RenderedMessage['attachments'];
  headers: Record<string, string>;
}

const UNSUBSCRIBE: Record<Locale, string> = {
  fi: 'Et halua näitä viestejä sähköpostiin? Peru tilaus yhdellä napsautuksella:',
  sv: 'Vill du inte få dessa meddelanden per e-post? Avsluta med ett klick:',
  en: 'Do not want these by e-mail? Unsubscribe with one click:',
};

/**
 * Renders an outbox message in its recipient's language: account messages from their templates,
 * notifications and digests from what they report. Null when what it reports is gone.
 */
export async function renderMessage(
  deps: Pick<Deps, 'db' | 'config' | 'emailAttachments'>,
  row: OutboxRow,
): Promise<Message | null> {
  const locale = (['fi', 'sv', 'en'].includes(row.locale) ? row.locale : 'fi') as Locale;
  const params = row.params;
  let rendered: Omit<RenderedMessage, 'unsubscribe'> & { unsubscribe: RenderedMessage['unsubscribe'] | null };
  if (row.template === 'notification') {
    const message = await renderNotificationEmail(deps, String(params.notificationId), locale);
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

  const headers: Record<string, string> = {};
  let footer = `--\n${SIGNATURE[locale]}`;
  if (rendered.unsubscribe && row.userId) {
    const urls = unsubscribeUrls(deps, row.userId, rendered.unsubscribe, locale);
    headers['List-Unsubscribe'] = `<${urls.oneClick}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    footer += `\n\n${UNSUBSCRIBE[locale]}\n${urls.page}`;
  }
  return {
    subject: rendered.subject,
    text: `${rendered.text}\n\n${footer}\n`,
    attachments: rendered.attachments,
    headers,
  };
}
