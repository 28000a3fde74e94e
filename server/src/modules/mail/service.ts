import type { Locale } from '@keskusvaraamo/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { emailOutbox } from './tables.js';
import { renderEmail, type TemplateName, type TemplateParams } from './templates.js';

export interface OutgoingEmail<N extends TemplateName> {
  to: string;
  locale: Locale;
  template: N;
  params: TemplateParams<N>;
}

/**
 * Queues an e-mail in the outbox. Call it inside the transaction of the change it reports, so a
 * message exists exactly when the change does. Outside production the text is also logged, so a
 * developer can follow links without a mail server.
 */
export async function enqueueEmail<N extends TemplateName>(
  db: Database,
  log: FastifyBaseLogger,
  showInLog: boolean,
  email: OutgoingEmail<N>,
): Promise<void> {
  const { subject, text } = renderEmail(email.template, email.locale, email.params);
  await db.insert(emailOutbox).values({
    toAddress: email.to,
    template: email.template,
    locale: email.locale,
    subject,
    textBody: text,
  });
  if (showInLog) log.info({ to: email.to, subject }, `E-mail queued:\n${text}`);
}
