/**
 * Live notifications. A trigger announces every new notification on the PostgreSQL channel
 * `kv_notifications` with the ids of the people it is for; every server instance LISTENs and
 * pushes "look again" to its own subscribers of those people, who then read their unread count
 * and newest notification. No state lives only in one process.
 */
import fp from 'fastify-plugin';

export const NOTIFICATION_CHANNEL = 'kv_notifications';

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
