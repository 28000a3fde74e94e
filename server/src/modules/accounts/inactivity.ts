/**
 * Accounts unused for a long time (retention, privacy/retention.ts): each is warned once, then
 * erased after a notice period unless it is used. Using the account (a sign-in, a refresh) moves
 * `last_active_at` and clears the warning (commands/signIn.ts, markActive).
 */
import { sql } from 'drizzle-orm';
import type { Locale } from '@keskusvaraamo/shared';
import type { Database } from '../../db/client.js';
import { users } from './tables.js';

export interface WarnedAccount {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  warnedAt: Date;
}

/**
 * Marks up to `limit` accounts unused for `months` as warned, and returns them, so that the
 * caller queues their warning in the same transaction. Each account is marked once: the update
 * takes only rows without a warning (re-checked on the row it locks), so two instances running it
 * at once warn every account exactly once. Deactivated and anonymised accounts are left out (a
 * deactivated account cannot sign in to keep itself; it is an admin's to reactivate or erase).
 */
export async function markInactiveAccountsWarned(
  db: Database,
  months: number,
  limit: number,
): Promise<WarnedAccount[]> {
  return db
    .update(users)
    .set({ inactivityWarnedAt: sql`now()` })
    .where(
      sql`${users.id} in (
        select ${users.id} from ${users}
        where ${users.anonymisedAt} is null and ${users.deactivatedAt} is null and ${users.inactivityWarnedAt} is null
          and ${users.lastActiveAt} < now() - make_interval(months => ${months}::int)
        order by ${users.lastActiveAt}
        limit ${limit}
        for update skip locked)
      and ${users.inactivityWarnedAt} is null`,
    )
    .returning({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      warnedAt: users.inactivityWarnedAt,
    }) as Promise<WarnedAccount[]>;
}
