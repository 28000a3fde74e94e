import { DEFAULT_CHANNEL, DELIVERY_CHANNELS, NOTIFICATION_TYPES, type NotificationType } from '@keskusvaraamo/shared';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { parseInput, unauthenticated, validationError } from '../../errors.js';
import { fromHelsinki, helsinkiDate } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import { decodeCursor, MAX_PAGE_SIZE, pageSize, toConnection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { notificationPreferences, notifications } from './tables.js';

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
      left join notification_preferences p on p.user_id = i.user_id and p.type = i.type
    ),
    n_inserted as (
      insert into notifications (user_id, type, data, channel)
      select user_id, type, data, channel from n_chosen where channel <> 'OFF'
      returning id, user_id, channel
    ),
    n_mailed as (
      insert into email_outbox (to_address, user_id, template, locale, params)
      select u.email, u.id, 'notification', u.locale, jsonb_build_object('notificationId', n.id)
      from n_inserted n join users u on u.id = n.user_id
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

/** A notification as the API shows it. */
export function presentNotification(row: typeof notifications.$inferSelect) {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    channel: row.channel,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
export type NotificationDto = ReturnType<typeof presentNotification>;

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The viewer's notifications, newest first, optionally only unread ones. */
export async function myNotifications(
  deps: Deps,
  viewer: Viewer | null,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
) {
  const me = signedIn(viewer);
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const where = and(eq(notifications.userId, me.id), args.unreadOnly ? isNull(notifications.readAt) : undefined);
  const after = cursor
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(notifications)
      .where(and(where, after))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(notifications).where(where),
  ]);
  return toConnection(rows.map(presentNotification), size, (n) => [n.createdAt, n.id], total?.n ?? 0);
}

export async function unreadNotificationCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
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

/** Every type with the viewer's choice (or the default). */
export async function myPreferences(deps: Deps, viewer: Viewer | null) {
  const me = signedIn(viewer);
  const rows = await deps.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id));
  const chosen = new Map(rows.map((r) => [r.type, r.channel]));
  return NOTIFICATION_TYPES.map((type) => ({
    type,
    channel: chosen.get(type) ?? DEFAULT_CHANNEL[type],
    isDefault: !chosen.has(type),
  }));
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
      update notifications set digested_at = now()
      where channel = 'DIGEST' and digested_at is null and created_at < ${cutoff.toISOString()}::timestamptz
      returning id, user_id, created_at
    ),
    grouped as (
      select user_id, jsonb_agg(id order by created_at) as ids from due group by user_id
    )
    insert into email_outbox (to_address, user_id, template, locale, params)
    select u.email, u.id, 'digest', u.locale, jsonb_build_object('notificationIds', g.ids)
    from grouped g join users u on u.id = g.user_id
    returning id`,
  );
  return rows.length;
}
