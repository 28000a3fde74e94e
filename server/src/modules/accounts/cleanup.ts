import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { deleteQuietThrottles } from './rateLimit.js';
import { emailTokens, refreshTokens } from './tables.js';

/**
 * Deletes what can no longer be used: refresh tokens a day past expiry, e-mail links a week past
 * expiry, sign-in throttles quiet for a day. Safe to run from every instance at any time.
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
  const throttles = await deleteQuietThrottles(db);
  return { refreshTokens: tokens.length, emailTokens: links.length, signInThrottles: throttles };
}
