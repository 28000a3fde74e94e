/**
 * The demo accounts' password is printed in the README, so a production server must not run on a
 * database where one of them still signs in with it (a database seeded for a demo, say).
 */
import { like } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { verifyPassword } from '../modules/accounts/index.js';
import { users } from '../modules/accounts/tables.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './demo.js';

/** Thrown at start in production; the message names the accounts and what to do. */
export class PublishedDemoPasswordError extends Error {
  constructor(readonly emails: string[]) {
    const named = emails.slice(0, 5).join(', ') + (emails.length > 5 ? ` and ${emails.length - 5} more` : '');
    super(
      `Refusing to start in production: ${emails.length} demo account(s) still sign in with the published demo ` +
        `password (${named}). Use a database without the demo data, or change or remove these accounts first.`,
    );
    this.name = 'PublishedDemoPasswordError';
  }
}

/**
 * Checks every account of the demo's e-mail domain with the same verification as sign-in. The seed
 * gives them one hash, so each distinct hash is verified once: a start costs one verification while
 * nothing has changed, and one per account whose password was changed.
 */
export async function assertNoPublishedDemoPasswords(db: Database): Promise<void> {
  const accounts = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(like(users.email, `%@${DEMO_DOMAIN}`));
  const byHash = new Map<string, typeof accounts>();
  for (const account of accounts)
    byHash.set(account.passwordHash, [...(byHash.get(account.passwordHash) ?? []), account]);
  const published = await Promise.all(
    [...byHash].map(async ([hash, holders]) => ((await verifyPassword(hash, DEMO_PASSWORD)) ? holders : [])),
  );
  const emails = published
    .flat()
    .map((a) => a.email)
    .sort();
  if (emails.length > 0) throw new PublishedDemoPasswordError(emails);
}
