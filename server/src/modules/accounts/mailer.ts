/**
 * The e-mails accounts sends, as a port: accounts says what it needs sent (its templates and their
 * parameters), messaging's outbox fills the port in (deps.ts wires it), and accounts imports no
 * other module.
 */
import type { Locale } from '@keskusvaraamo/shared';
import type { Database } from '../../db/client.js';

/** Each account e-mail: its template and the parameters that template takes. */
export type AccountEmailTemplate =
  | { template: 'verify-email'; params: { name: string; link: string } }
  | { template: 'reset-password'; params: { name: string; link: string } }
  | { template: 'sign-up-existing'; params: { name: string; signInLink: string; resetLink: string } };

export type AccountEmail = AccountEmailTemplate & {
  to: string;
  /** The recipient's account. */
  userId: string;
  locale: Locale;
};

export interface AccountMailer {
  /**
   * Queues the e-mail in `db`'s transaction (the change it reports), so the message exists exactly
   * when the change does; it is sent later.
   */
  enqueue(db: Database, email: AccountEmail): Promise<void>;
}
