import fp from 'fastify-plugin';
import { deliverDue } from './delivery.js';
import { loadHtmlRenderer } from './layout.js';
import { createMailTransport } from './transport.js';

/**
 * Delivers the outbox every few seconds in every instance (MAIL_POLL_SECONDS); off with
 * MAIL_DELIVERY=false. Messages go by SMTP when SMTP_URL is set, to the development mailbox when
 * DEV_MAILBOX=true; with neither there is nowhere to send them, so none is marked sent: they stay
 * queued until an instance with SMTP delivers them.
 */
export default fp(
  async (app) => {
    const { mail, production } = app.config;
    const transport =
      mail.smtpUrl || mail.mailbox
        ? createMailTransport({ smtpUrl: mail.smtpUrl, logMessages: !production }, app.log)
        : null;
    app.decorate('mailTransport', transport);
    // Loaded now, while nothing else runs (it loads React with NODE_ENV=production for a moment).
    if (transport) await loadHtmlRenderer();
    if (!mail.delivery) return;
    if (!transport) {
      app.log.warn(
        production
          ? 'SMTP_URL is not set: e-mail stays queued in the outbox and is not sent'
          : 'SMTP_URL is not set and DEV_MAILBOX is off: e-mail stays queued in the outbox and is not sent',
      );
      return;
    }
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running) return;
      running = deliverDue(app.deps(), transport)
        .catch((error: unknown) => app.log.warn({ err: error }, 'E-mail delivery failed; it will run again'))
        .finally(() => (running = null));
    };
    const timer = setInterval(tick, mail.pollSeconds * 1000);
    timer.unref();
    app.addHook('onReady', async () => tick());
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
      transport.close();
    });
  },
  { name: 'mail-worker', dependencies: ['database'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** How this instance sends e-mail; null when it has no way to (no SMTP_URL, no DEV_MAILBOX). */
    mailTransport: import('./transport.js').MailTransport | null;
  }
}
