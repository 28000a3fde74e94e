/**
 * Live notifications. A trigger announces every new notification on the PostgreSQL channel
 * `kv_notifications` with the ids of the people it is for; every server instance LISTENs and
 * pushes "look again" to its own subscribers of those people, who then read their unread count
 * and newest notification. No state lives only in one process.
 */
import { desc, eq } from 'drizzle-orm';
import fp from 'fastify-plugin';
import type { Database } from '../../db/client.js';
import { presentNotification } from './commands.js';
import { notifications } from './tables.js';

export const NOTIFICATION_CHANNEL = 'kv_notifications';

export async function latestNotification(db: Database, userId: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  return row ? presentNotification(row) : null;
}

export default fp(
  async (app) => {
    let stop: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      stop = await app.database.listen(NOTIFICATION_CHANNEL, (payload) => {
        for (const userId of payload.split(',')) {
          if (!userId) continue;
          void app.graphql.pubsub.publish({
            topic: `notifications:${userId}`,
            payload: { notificationsChanged: { userId } },
          });
        }
      });
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  },
  { name: 'live-notifications', dependencies: ['database', 'graphql'] },
);
