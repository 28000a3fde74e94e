import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { AccountMailer } from './modules/accounts/index.js';
import { bookingEmailAttachments } from './modules/bookings/index.js';
import { accountMailer, type EmailAttachments } from './modules/messaging/index.js';

/** What every use case needs from the running server; tests build the same from the app. */
export interface Deps {
  db: Database;
  config: Config;
  log: FastifyBaseLogger;
  signAccessToken(user: { id: string; tokenVersion: number }): string;
  /** How accounts queues its e-mails (confirmation, reset, "address taken"): messaging's outbox. */
  accountMailer: AccountMailer;
  /** What a notification's e-mail carries besides its text (a booking's .ics and cancel link). */
  emailAttachments: EmailAttachments;
}

/** The running server's parts a Deps is made of (a Fastify app has them; the seed makes its own). */
export interface DepsSource {
  db: Database;
  config: Config;
  log: FastifyBaseLogger;
  signAccessToken: Deps['signAccessToken'];
}

/**
 * The composition root: the one place that builds a Deps and wires the modules' ports to the
 * modules that fill them (accounts' mailer by messaging, messaging's e-mail attachments by
 * bookings), so that neither side imports the other. Every request, job, route, seed and test
 * gets its Deps from here (through `app.deps(log)` where there is an app).
 */
export function buildDeps(source: DepsSource, log: FastifyBaseLogger = source.log): Deps {
  return {
    db: source.db,
    config: source.config,
    log,
    signAccessToken: source.signAccessToken,
    accountMailer,
    emailAttachments: bookingEmailAttachments,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The use cases' dependencies, logging to `log` (a request's logger) or the app's. */
    deps(log?: FastifyBaseLogger): Deps;
  }
}
