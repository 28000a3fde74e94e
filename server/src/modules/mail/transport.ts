import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Message } from './render.js';

export interface Envelope extends Message {
  from: string;
  to: string;
  /** Stable per outbox message, so that a resend after a crash is recognisably the same message. */
  messageId: string;
}

export interface MailTransport {
  kind: 'smtp' | 'mailbox';
  send(envelope: Envelope): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise the development mailbox: messages are
 * kept in the outbox (the /dev/mailbox page lists them) and their text is logged.
 */
export function createMailTransport(
  options: { smtpUrl?: string; logMessages: boolean },
  log: FastifyBaseLogger,
): MailTransport {
  if (options.smtpUrl) {
    const smtp = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: 'smtp',
      async send(e) {
        await smtp.sendMail({
          from: e.from,
          to: e.to,
          subject: e.subject,
          text: e.text,
          messageId: e.messageId,
          headers: e.headers,
          attachments: e.attachments,
        });
      },
      close: () => smtp.close(),
    };
  }
  return {
    kind: 'mailbox',
    async send(e) {
      if (options.logMessages) log.info({ to: e.to, subject: e.subject }, `E-mail (development mailbox):\n${e.text}`);
    },
    close: () => {},
  };
}
