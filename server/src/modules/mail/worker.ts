import fp from 'fastify-plugin';
import { deliverDue } from './delivery.js';
import { createMailTransport } from './transport.js';

/** Delivers the outbox every few seconds in every instance (MAIL_POLL_SECONDS); off with MAIL_DELIVERY=false. */
export default fp(
  async (app) => {
    const transport = createMailTransport(
      { smtpUrl: app.config.mail.smtpUrl, logMessages: !app.config.production },
      app.log,
    );
    app.decorate('mailTransport', transport);
    if (!app.config.mail.delivery) return;
    if (transport.kind === 'mailbox' && app.config.production) {
      app.log.warn('SMTP_URL is not set: e-mail is kept in the outbox and not sent');
    }
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running) return;
      running = deliverDue(app, transport)
        .catch((error: unknown) => app.log.warn({ err: error }, 'E-mail delivery failed; it will run again'))
        .finally(() => (running = null));
    };
    const timer = setInterval(tick, app.config.mail.pollSeconds * 1000);
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
    mailTransport: import('./transport.js').MailTransport;
  }
}
