import type { AccountMailer } from '../accounts/index.js';
import { enqueueEmail } from './outbox.js';

/** Accounts' e-mails go through the outbox like every other (accounts' AccountMailer port). */
export const accountMailer: AccountMailer = {
  enqueue: (db, email) => enqueueEmail(db, email),
};
