import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailTokens, refreshTokens, signInFailures } from './tables.js';

/**
 * Deletes what can no longer be used: refresh tokens a day past expiry, e-mail links a week past
 * expiry, sign-in failures a day old. Safe to run from every instance at any time.
 */
export async function deleteExpiredCredentials(db: Database) {
  const tokens = await db
    .delete(refreshTokens)
    .where(lt(refreshTokens.expiresAt, sql`now() - interval '1 day'`))
    .returning({ id: refreshTokens.id });
  const links = await db
    .delete(emailTokens)
    .where(lt(emailTokens.expiresAt, sql`now() - interval '7 days'`))
    .returning({ id: emailTokens.id });
  const failures = await db
    .delete(signInFailures)
    .where(lt(signInFailures.createdAt, sql`now() - interval '1 day'`))
    .returning({ id: signInFailures.id });
  return { refreshTokens: tokens.length, emailTokens: links.length, signInFailures: failures.length };
}
