/** Reads for the API: a person's notifications, their unread count and their delivery choices. */
import { DEFAULT_CHANNEL, NOTIFICATION_TYPES } from '@keskusvaraamo/shared';
import { and, count, desc, eq, getTableColumns, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { unauthenticated } from '../../errors.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { notificationPolicy } from './policy.js';
import { presentNotification } from './presenter.js';
import { notificationPreferences, notifications } from './tables.js';

/** The signed-in viewer, whose notifications these are (notificationPolicy: a visitor has none). */
export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer || !notificationPolicy.read(viewer, viewer.id)) throw unauthenticated();
  return viewer;
}

/** The viewer's notifications, newest first, optionally only unread ones. */
export async function myNotifications(
  deps: Deps,
  viewer: Viewer | null,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
) {
  const me = signedIn(viewer);
  const page = keyset(args, [
    { column: notifications.createdAt, type: 'timestamp', descending: true },
    { column: notifications.id, type: 'uuid', descending: true },
  ]);
  const where = and(eq(notifications.userId, me.id), args.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(notifications), cursor: page.cursor })
      .from(notifications)
      .where(and(where, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(notifications).where(where),
  ]);
  return page.connection(rows, total?.n ?? 0, presentNotification);
}

export async function unreadNotificationCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The person's newest notification, which a live change pushes with the unread count. */
export async function latestNotification(db: Database, userId: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  return row ? presentNotification(row) : null;
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
