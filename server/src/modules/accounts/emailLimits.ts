/**
 * Limits on e-mail that people can make the service send (sign-up, verification, password reset,
 * invitations), so that nobody can flood an inbox through it: per hour, per recipient address, per
 * signed-in account and per client address, counted in the database (lib/rateLimit) across instances.
 */
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { hit, type HitResult } from '../../lib/rateLimit.js';

export interface EmailLimits {
  signUpsPerAddress: number;
  perRecipient: number;
  perAccount: number;
  perAddress: number;
}

const HOUR = 3600;

export const rateLimited = (retryAfterSeconds: number, what = 'Too many requests; try again later') =>
  new AppError('RATE_LIMITED', what, { retryAfterSeconds });

/** Throws RATE_LIMITED when this client address has signed up too often this hour. */
export async function countSignUp(db: Database, limits: EmailLimits, ip: string): Promise<void> {
  const result = await hit(db, `sign-up:address:${ip}`, HOUR, limits.signUpsPerAddress);
  if (!result.allowed) throw rateLimited(result.retryAfterSeconds, 'Too many sign-ups from this address');
}

/**
 * Counts an e-mail the client asks for against the sender's limits (the client address, and the
 * signed-in account when there is one); throws RATE_LIMITED when either is spent.
 */
export async function countEmailSender(
  db: Database,
  limits: EmailLimits,
  sender: { ip: string; userId?: string | null },
): Promise<void> {
  const byAddress = await hit(db, `mail:address:${sender.ip}`, HOUR, limits.perAddress);
  if (!byAddress.allowed) throw rateLimited(byAddress.retryAfterSeconds);
  if (sender.userId) {
    const byAccount = await hit(db, `mail:account:${sender.userId}`, HOUR, limits.perAccount);
    if (!byAccount.allowed) throw rateLimited(byAccount.retryAfterSeconds);
  }
}

/**
 * Counts an e-mail to `recipient`; not allowed when the address has had its share this hour. Where
 * the answer must not reveal whether the address has an account (sign-up, reset), the caller then
 * answers as usual and sends nothing.
 */
export function countEmailTo(db: Database, limits: EmailLimits, recipient: string): Promise<HitResult> {
  return hit(db, `mail:recipient:${recipient.toLowerCase()}`, HOUR, limits.perRecipient);
}
