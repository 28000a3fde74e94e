import fp from 'fastify-plugin';
import { deleteExpiredCounters } from '../lib/rateLimit.js';
import { deleteExpiredCredentials } from '../modules/accounts/index.js';
import { enforceMinimums, expireOffers, sendOfferReminders, sendSessionReminders } from '../modules/bookings/index.js';
import { expireNeeds } from '../modules/needs/index.js';
import { forgetOldReminders, lastDigestTime, queueDigests } from '../modules/messaging/index.js';
import { refreshStaleCourses } from '../modules/offers/index.js';
import { runRetention } from '../modules/privacy/index.js';
import { sendWeeklySummaries } from '../modules/proposals/index.js';
import { checkSavedSearches } from '../modules/savedSearches/index.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Hourly housekeeping in every instance; each task is idempotent, so instances need no coordination. */
export default fp(
  async (app) => {
    const run = async () => {
      try {
        const deleted = await deleteExpiredCredentials(app.db);
        app.log.debug({ deleted }, 'Expired credentials deleted');
        const forgotten = await forgetOldReminders(app.db);
        app.log.debug({ forgotten }, 'Old reminders forgotten');
      } catch (error) {
        app.log.warn({ err: error }, 'Housekeeping failed; it will run again');
      }
    };
    // Needs expire the minute their deadline day ends, and courses drop sessions whose registration closed;
    // search hides what is past already by its own clock.
    const expire = async () => {
      try {
        const expired = await expireNeeds(app.db);
        if (expired) app.log.info({ expired }, 'Needs past their application deadline expired');
        await expireOffers(app.db);
        await enforceMinimums(app.db);
        await refreshStaleCourses(app.db);
        // After the refresh, so that alerts see courses as search shows them.
        const alerts = await checkSavedSearches(app);
        if (alerts) app.log.info({ alerts }, 'Saved-search alerts written');
        const digests = await queueDigests(app.db, lastDigestTime(new Date(), app.config.digestHour));
        if (digests) app.log.info({ digests }, 'Daily digests queued');
        await remind();
      } catch (error) {
        app.log.warn({ err: error }, 'Expiring needs or refreshing courses failed; it will run again');
      }
    };
    // Reminders before sessions and lapsing seats, and the coordinators' weekly summary: each sent
    // once across instances (a row in reminders_sent claims it). Counts only in the log.
    const remind = async () => {
      const sessions = await sendSessionReminders(app.db);
      const offers = await sendOfferReminders(app.db);
      const summaries = await sendWeeklySummaries(app.db, app.config.digestHour);
      if (sessions || offers || summaries) app.log.info({ sessions, offers, summaries }, 'Reminders sent');
    };
    // Rate-limit windows that have ended: every minute, so that a flood of one-off keys stays small.
    const forgetCounters = async () => {
      try {
        await deleteExpiredCounters(app.db);
      } catch (error) {
        app.log.warn({ err: error }, 'Deleting ended rate-limit windows failed; it will run again');
      }
    };
    // Retention (privacy/retention.ts): hourly, and once a few minutes after start so that instances
    // restarted more often than hourly still run it; one instance at a time (an advisory lock).
    const retain = async () => {
      try {
        const counts = await runRetention(app.deps());
        // Counts only: no ids, no addresses.
        if (counts && Object.values(counts).some(Boolean)) app.log.info({ counts }, 'Retention applied');
      } catch (error) {
        app.log.warn({ err: error }, 'Retention failed; it will run again');
      }
    };
    const timers = [setInterval(run, HOUR), setInterval(expire, MINUTE), setInterval(forgetCounters, MINUTE)];
    if (app.config.retention.jobs) timers.push(setInterval(retain, HOUR));
    for (const timer of timers) timer.unref();
    const firstRetention = app.config.retention.jobs ? setTimeout(retain, 5 * MINUTE) : undefined;
    firstRetention?.unref();
    app.addHook('onReady', expire);
    app.addHook('onClose', async () => {
      timers.forEach(clearInterval);
      clearTimeout(firstRetention);
    });
  },
  { name: 'maintenance', dependencies: ['database'] },
);
