import fp from 'fastify-plugin';
import { deleteExpiredCredentials } from '../modules/accounts/cleanup.js';

const HOUR = 60 * 60 * 1000;

/** Hourly housekeeping in every instance; each task is idempotent, so instances need no coordination. */
export default fp(
  async (app) => {
    const run = async () => {
      try {
        const deleted = await deleteExpiredCredentials(app.db);
        app.log.debug({ deleted }, 'Expired credentials deleted');
      } catch (error) {
        app.log.warn({ err: error }, 'Housekeeping failed; it will run again');
      }
    };
    const timer = setInterval(run, HOUR);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'maintenance', dependencies: ['database'] },
);
