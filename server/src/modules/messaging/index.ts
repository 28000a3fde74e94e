/**
 * Messaging: what the service tells people. Notifications (in the app, live over a subscription,
 * by e-mail at once or in the daily digest) and their preferences; the e-mail outbox with its
 * templates, rendering, delivery worker and one-click unsubscribe; the development mailbox.
 *
 * Other modules record a notification with `notify` (or compose `NOTIFY_CTES` into their own
 * statement) inside the transaction of the change it reports, and queue an account e-mail with
 * `enqueueEmail`. Messaging depends on accounts only (recipients' addresses and languages); what
 * another module adds to an e-mail (a booking's calendar file) comes in through `EmailAttachments`.
 */
export { default as messagingGraphql } from './resolvers.js';
export { default as liveNotifications, NOTIFICATION_CHANNEL } from './live.js';
export { default as mailWorker } from './worker.js';
export { default as mailRoutes } from './routes.js';

export {
  mailNotices,
  notify,
  NOTIFY_CTES,
  NOTIFICATION_TYPES,
  type EmailOnlyNotice,
  type NewNotification,
  type NotificationType,
} from './commands.js';
export { enqueueEmail, pendingCount, type OutgoingEmail } from './outbox.js';
export { lastDigestTime, queueDigests } from './jobs.js';
export { renderMessage, type Message } from './render.js';
export { deliverDue, type DeliveryOptions } from './delivery.js';
export { createMailTransport, type MailTransport } from './transport.js';
export type { TemplateName, TemplateParams } from './templates.js';
export { accountMailer } from './accountMailer.js';
export type { EmailAddition, EmailAttachment, EmailAttachments } from './notificationEmails.js';
export { deleteMessagingOf, eraseNameInNotifications, type NamedIn } from './erasure.js';
export { deleteSentMail } from './retention.js';
export { claimReminder, forgetOldReminders, notReminded } from './reminders.js';
