import type { IResolvers, MercuriusContext } from 'mercurius';
import { forbidden, notFound, unauthenticated } from '../../errors.js';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { pageSize } from '../../lib/pagination.js';
import { mailboxClient, mailboxPolicy } from './policy.js';
import { markNotificationsRead, setPreferences } from './commands.js';
import { sentMessages } from './outbox.js';
import type { NotificationDto } from './presenter.js';
import { latestNotification, myNotifications, myPreferences, unreadNotificationCount } from './queries.js';
import { unsubscribe } from './unsubscribe.js';

async function signedIn(ctx: MercuriusContext) {
  const viewer = await ctx.viewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}

const COMPANY_ACTS = new Set(['APPLICATION_SHORTLISTED', 'APPLICATION_OFFERED', 'APPLICATION_REJECTED', 'NEED_FILLED']);

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

const resolvers: IResolvers = {
  Query: {
    notifications: async (_root, args, ctx) => myNotifications(ctx.deps, await ctx.viewer(), args),
    unreadNotificationCount: async (_root, _args, ctx) =>
      unreadNotificationCount(ctx.deps.db, (await signedIn(ctx)).id),
    notificationPreferences: async (_root, _args, ctx) => myPreferences(ctx.deps, await ctx.viewer()),
    devMailbox: async (_root, { first }, ctx) => {
      const { config } = ctx.deps;
      if (!mailboxPolicy.exists(config)) throw notFound('There is no development mailbox here');
      const client = mailboxClient(ctx.request);
      // From this machine no sign-in is asked for (nor checked); anyone else must be an admin.
      const viewer = mailboxPolicy.fromThisMachine(config, client) ? null : await ctx.viewer();
      if (!mailboxPolicy.read(config, viewer, client))
        throw forbidden('Only an admin may read the development mailbox');
      const rows = await sentMessages(ctx.deps.db, pageSize(first));
      return rows.map((r) => ({
        id: r.id,
        to: r.toAddress,
        subject: r.subject,
        text: r.textBody,
        template: r.template,
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        failedAt: r.failedAt?.toISOString() ?? null,
        attempts: r.attempts,
        lastError: r.lastError,
      }));
    },
  },
  Mutation: {
    markNotificationsRead: async (_root, { ids }, ctx) =>
      markNotificationsRead(ctx.deps, await ctx.viewer(), ids ?? null),
    setNotificationPreferences: async (_root, { input }, ctx) => setPreferences(ctx.deps, await ctx.viewer(), input),
    unsubscribe: async (_root, { token }, ctx) => unsubscribe(ctx.deps, token),
  },
  Subscription: {
    notificationsChanged: {
      subscribe: async (_root, _args, ctx) => {
        const viewer = await signedIn(ctx);
        return ctx.pubsub.subscribe(`notifications:${viewer.id}`);
      },
    },
  },
  NotificationsChanged: {
    unreadCount: (root: { userId: string }, _args, ctx) => unreadNotificationCount(ctx.deps.db, root.userId),
    latest: (root: { userId: string }, _args, ctx) => latestNotification(ctx.deps.db, root.userId),
  },
  Notification: {
    subject: (n: NotificationDto) =>
      text(n.data.title) ?? text(n.data.needTitle) ?? text(n.data.subject) ?? text(n.data.name),
    // Who acted, when the notification names them (proposals: empty for a student not named, then
    // nobody is); else the other party: the company for what it did to a student's application, else
    // the student or author.
    actor: (n: NotificationDto) =>
      'actorName' in n.data
        ? text(n.data.actorName)
        : COMPANY_ACTS.has(n.type)
          ? text(n.data.organisationName)
          : (text(n.data.studentName) ?? text(n.data.authorName) ?? text(n.data.organisationName)),
    startsAt: (n: NotificationDto) => text(n.data.startsAt),
    reason: (n: NotificationDto) => text(n.data.reason),
    excerpt: (n: NotificationDto) => text(n.data.excerpt),
    count: (n: NotificationDto) => (typeof n.data.count === 'number' ? n.data.count : null),
    path: (n: NotificationDto) => text(n.data.path),
    event: (n: NotificationDto) => text(n.data.event),
    place: (n: NotificationDto) => text(n.data.place),
    municipalityCode: (n: NotificationDto) => text(n.data.municipalityCode),
    minimum: (n: NotificationDto) => (typeof n.data.minParticipants === 'number' ? n.data.minParticipants : null),
    decisionAt: (n: NotificationDto) => text(n.data.decisionAt),
    changes: (n: NotificationDto) =>
      Array.isArray(n.data.changes)
        ? (n.data.changes as { field?: unknown; before?: unknown; after?: unknown }[])
            .filter((c) => typeof c?.field === 'string')
            .map((c) => ({ field: c.field, before: text(c.before), after: text(c.after) }))
        : [],
    endsAt: (n: NotificationDto) => text(n.data.endsAt),
    onlineUrl: (n: NotificationDto) => text(n.data.onlineUrl),
    mapUrl: (n: NotificationDto) => {
      const url = text(n.data.mapUrl);
      return url?.startsWith('https://') ? url : null;
    },
    offeredUntil: (n: NotificationDto) => text(n.data.offeredUntil),
    message: (n: NotificationDto) => text(n.data.message),
    summary: (n: NotificationDto) => {
      if (n.type !== 'WEEKLY_SUMMARY') return null;
      const d = n.data;
      const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
      return {
        weekStart: text(d.weekStart) ?? '',
        weekEnd: text(d.weekEnd) ?? '',
        queueCount: int(d.queueCount),
        oldest: (Array.isArray(d.oldest) ? (d.oldest as Record<string, unknown>[]) : [])
          .filter((o) => typeof o?.needId === 'string')
          .map((o) => ({ needId: o.needId, title: text(o.title) ?? '', daysWaiting: int(o.daysWaiting) })),
        openProposals: int(d.openProposals),
        newNeeds: int(d.newNeeds),
        matchesMade: int(d.matchesMade),
      };
    },
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
