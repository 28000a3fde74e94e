import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type SendMailOptions } from 'nodemailer';
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

/** What nodemailer composes into the MIME message: HTML with its plain-text alternative, files, headers. */
export function mailOptions(e: Envelope): SendMailOptions {
  return {
    from: e.from,
    to: e.to,
    subject: e.subject,
    text: e.text,
    html: e.html,
    messageId: e.messageId,
    headers: e.headers,
    attachments: e.attachments,
  };
}

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise the development mailbox: messages are
 * kept in the outbox (the /dev/mailbox page lists them). With `logMessages` each kept message gets
 * a log line naming it by its Message-ID (the outbox id), never its recipient, subject, text or
 * links: those carry personal data and one-time tokens (a reset link is an account).
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
        await smtp.sendMail(mailOptions(e));
      },
      close: () => smtp.close(),
    };
  }
  return {
    kind: 'mailbox',
    async send(e) {
      if (options.logMessages) log.info({ messageId: e.messageId }, 'E-mail kept in the development mailbox');
    },
    close: () => {},
  };
}
