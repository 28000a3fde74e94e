/** Scheduled work in messaging (plugins/maintenance.ts runs it): the daily digest. */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import { fromHelsinki, helsinkiDate } from '../../lib/helsinki.js';
import { users } from '../accounts/tables.js';
import { emailOutbox, notifications } from './tables.js';

/**
 * The most recent digest time (DIGEST_HOUR o'clock in Helsinki) at or before `now`: notifications
 * written before it go into the digest sent then.
 */
export function lastDigestTime(now: Date, hour: number): Date {
  const time = `${String(hour).padStart(2, '0')}:00`;
  const today = fromHelsinki(`${helsinkiDate(now)}T${time}`);
  if (today <= now) return today;
  return fromHelsinki(`${helsinkiDate(new Date(today.getTime() - 20 * 3600 * 1000))}T${time}`);
}

/**
 * Queues one digest e-mail per person for their DIGEST notifications written before the last
 * digest time. Run by a job in every instance: the conditional UPDATE marks each notification
 * digested exactly once, so two instances never send it twice.
 */
export async function queueDigests(db: Database, cutoff: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with due as (
      update ${notifications} set digested_at = now()
      where channel = 'DIGEST' and digested_at is null and created_at < ${cutoff.toISOString()}::timestamptz
      returning id, user_id, created_at
    ),
    grouped as (
      select user_id, jsonb_agg(id order by created_at) as ids from due group by user_id
    )
    insert into ${emailOutbox} (to_address, user_id, template, locale, params)
    select u.email, u.id, 'digest', u.locale, jsonb_build_object('notificationIds', g.ids)
    from grouped g join ${users} u on u.id = g.user_id
    returning id`,
  );
  return rows.length;
}
