import type { notifications } from './tables.js';

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
