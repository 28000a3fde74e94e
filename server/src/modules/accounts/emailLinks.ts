/**
 * Single-use links sent by e-mail (confirm the address, reset the password): only the token's hash
 * is stored, and the e-mail goes through the AccountMailer port in the caller's transaction.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import type { Locale } from '@keskusvaraamo/shared';
import { hashToken, newToken } from '../../lib/secrets.js';
import { emailTokens, type emailTokenPurpose, type users } from './tables.js';

/** The link's purpose, as the table's enum lists them (the API never names them, so they are not in shared). */
export type EmailLinkPurpose = (typeof emailTokenPurpose.enumValues)[number];
type Recipient = Pick<typeof users.$inferSelect, 'id' | 'email' | 'displayName' | 'locale'>;

const VERIFY_EMAIL_HOURS = 24;
const RESET_PASSWORD_HOURS = 1;

/** Stores a new single-use token (only its hash) and returns the link that spends it. */
export async function issueEmailToken(
  deps: Pick<Deps, 'config'>,
  db: Database,
  userId: string,
  purpose: EmailLinkPurpose,
  /** The recipient's language: the link opens its page in it. */
  locale: Locale,
): Promise<{ link: string; expiresAt: Date }> {
  const token = newToken();
  const hours = purpose === 'VERIFY_EMAIL' ? VERIFY_EMAIL_HOURS : RESET_PASSWORD_HOURS;
  const [row] = await db
    .insert(emailTokens)
    .values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: sql`now() + make_interval(hours => ${hours})`,
    })
    .returning({ expiresAt: emailTokens.expiresAt });
  const path = purpose === 'VERIFY_EMAIL' ? 'verify-email' : 'reset-password';
  return { link: pageUrl(deps.config, locale, `/${path}?token=${token}`), expiresAt: row!.expiresAt };
}

/** Queues the e-mail that carries a link from `issueEmailToken`. */
export async function enqueueTokenEmail(
  deps: Pick<Deps, 'accountMailer'>,
  db: Database,
  user: Recipient,
  purpose: EmailLinkPurpose,
  link: string,
): Promise<void> {
  await deps.accountMailer.enqueue(db, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    ...(purpose === 'VERIFY_EMAIL'
      ? { template: 'verify-email', params: { name: user.displayName, link } }
      : { template: 'reset-password', params: { name: user.displayName, link } }),
  });
}

/** Issues a link and queues its e-mail, in `db`'s transaction. */
export async function sendEmailToken(
  deps: Pick<Deps, 'config' | 'accountMailer'>,
  db: Database,
  user: Recipient,
  purpose: EmailLinkPurpose,
): Promise<void> {
  const { link } = await issueEmailToken(deps, db, user.id, purpose, user.locale);
  await enqueueTokenEmail(deps, db, user, purpose, link);
}

/** Spends a single-use e-mail token; returns its user, or null when it is unknown, used or expired. */
export async function spendEmailToken(db: Database, token: string, purpose: EmailLinkPurpose) {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
}
