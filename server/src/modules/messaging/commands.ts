/**
 * Changes in messaging: recording notifications (inside the transaction of the change they
 * report), marking them read, and a person's delivery choices.
 */
import {
  DEFAULT_CHANNEL,
  DELIVERY_CHANNELS,
  NOTIFICATION_TYPES,
  type Locale,
  type NotificationType,
} from '@keskusvaraamo/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { parseInput, validationError } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { MAX_PAGE_SIZE } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { myPreferences, signedIn, unreadNotificationCount } from './queries.js';
import { emailOutbox, notificationPreferences, notifications } from './tables.js';

export { NOTIFICATION_TYPES, type NotificationType } from '@keskusvaraamo/shared';

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: Record<string, unknown>;
  /** Into the digest whatever the person chose for the type (unless OFF): daily and weekly alerts. */
  digest?: boolean;
}

/**
 * The part of a statement that records notifications, for a statement that has already defined a
 * CTE `n_input (user_id, type, data, default_channel, digest)`: each is delivered as its recipient
 * chose for its type (or the type's default): OFF writes nothing, EMAIL also queues an e-mail in
 * the outbox, DIGEST marks it for the daily digest. Composed into one statement with the change it
 * reports (as a booking does), or used by `notify`. A trigger announces the new rows to every
 * server instance (see the migration 0003_delivery).
 */
export const NOTIFY_CTES = sql`
    n_chosen as (
      select i.user_id, i.type, i.data,
        case when i.digest and coalesce(p.channel, i.default_channel) <> 'OFF' then 'DIGEST'
             else coalesce(p.channel, i.default_channel) end as channel
      from n_input i
      left join ${notificationPreferences} p on p.user_id = i.user_id and p.type = i.type
    ),
    n_inserted as (
      insert into ${notifications} (user_id, type, data, channel)
      select user_id, type, data, channel from n_chosen where channel <> 'OFF'
      returning id, user_id, channel
    ),
    n_mailed as (
      insert into ${emailOutbox} (to_address, user_id, template, locale, params)
      select u.email, u.id, 'notification', u.locale, jsonb_build_object('notificationId', n.id)
      from n_inserted n join ${users} u on u.id = n.user_id
      where n.channel = 'EMAIL'
    )`;

/**
 * Records notifications in one statement (see NOTIFY_CTES). Call it inside the transaction of the
 * change it reports, so that the notification, its e-mail and the change exist together or not at all.
 */
export async function notify(db: Database, list: NewNotification[]): Promise<void> {
  if (!list.length) return;
  const input = JSON.stringify(
    list.map((n) => ({
      user_id: n.userId,
      type: n.type,
      data: n.data,
      default_channel: DEFAULT_CHANNEL[n.type],
      digest: n.digest ?? false,
    })),
  );
  await db.execute(sql`
    with n_input as (
      select * from jsonb_to_recordset(${input}::jsonb)
        as x(user_id uuid, type text, data jsonb, default_channel text, digest boolean)
    ),
    ${NOTIFY_CTES}
    select 1`);
}

/**
 * A notification for someone without an account (a booking's named participant): it is written
 * nowhere in the app, only queued as an e-mail (template `notification` with the notice in its
 * parameters), rendered like a notification's e-mail in `locale`, without an unsubscribe link (there
 * are no preferences to change): it reports a change to something they are booked on.
 */
export interface EmailOnlyNotice {
  to: string;
  locale: Locale;
  type: NotificationType;
  data: Record<string, unknown>;
}

/** Queues e-mail-only notices (see EmailOnlyNotice) in the transaction of the change they report. */
export async function mailNotices(db: Database, list: EmailOnlyNotice[]): Promise<void> {
  if (!list.length) return;
  await db.insert(emailOutbox).values(
    list.map((n) => ({
      toAddress: n.to,
      userId: null,
      template: 'notification',
      locale: n.locale,
      params: { notice: { type: n.type, data: n.data } },
    })),
  );
}

/** Marks the given notifications (or, without ids, all) read; only the viewer's own. Returns the unread count. */
export async function markNotificationsRead(deps: Deps, viewer: Viewer | null, ids: string[] | null): Promise<number> {
  const me = signedIn(viewer);
  if (ids && ids.length > MAX_PAGE_SIZE) {
    throw validationError([{ field: 'ids', message: 'validation.tooManyChoices' }]);
  }
  const only = ids
    ? inArray(
        notifications.id,
        ids.map((id) => assertId(id, 'No such notification')),
      )
    : undefined;
  await deps.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, me.id), isNull(notifications.readAt), only));
  return unreadNotificationCount(deps.db, me.id);
}

const preferencesSchema = z
  .array(z.object({ type: z.enum(NOTIFICATION_TYPES), channel: z.enum(DELIVERY_CHANNELS) }))
  .min(1)
  .max(NOTIFICATION_TYPES.length);

/** Saves the viewer's choices for the given types (all in one statement). */
export async function setPreferences(deps: Deps, viewer: Viewer | null, input: unknown) {
  const me = signedIn(viewer);
  const list = parseInput(preferencesSchema, input);
  await deps.db
    .insert(notificationPreferences)
    .values(list.map((p) => ({ userId: me.id, type: p.type, channel: p.channel })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.type],
      set: { channel: sql`excluded.channel`, updatedAt: sql`now()` },
    });
  return myPreferences(deps, me);
}
