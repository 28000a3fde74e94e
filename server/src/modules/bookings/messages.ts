/**
 * Reads of the organiser's messages to a session's participants (commands/message.ts sends them):
 * the list of what was sent, and the session's fields that say whether the viewer may write and
 * to how many people. Those who manage the session only (its organisation's members, coordinators).
 */
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { bookableSessions, organisesSession, type BookableSession } from '../offers/index.js';
import { userOrganisationIds } from '../organisations/index.js';
import { messageNotices, presentSessionMessage } from './commands/message.js';
import { bookingPolicy as policy } from './policy.js';
import { sessionMessages } from './tables.js';

/** The messages sent to a session's participants, newest first, a page at a time. */
export async function sessionMessagesOf(
  deps: Deps,
  viewer: Viewer | null,
  args: { sessionId: string; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const id = assertId(args.sessionId, 'No such session');
  const session = (await bookableSessions(deps.db, [id])).get(id);
  if (!session) throw notFound('No such session');
  if (!policy.messageParticipants(viewer, await organisesSession(deps.db, session, viewer.id))) throw forbidden();
  const page = keyset(args, [
    { column: sessionMessages.createdAt, type: 'timestamp', descending: true },
    { column: sessionMessages.id, type: 'uuid', descending: true },
  ]);
  const ofSession = eq(sessionMessages.sessionId, id);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(sessionMessages), authorName: users.displayName, cursor: page.cursor })
      .from(sessionMessages)
      .leftJoin(users, eq(users.id, sessionMessages.authorId))
      .where(and(ofSession, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(sessionMessages).where(ofSession),
  ]);
  return page.connection(rows, total?.n ?? 0, (row) => presentSessionMessage(row, row.authorName));
}

/** The sessions, among these, whose participants the viewer may write to: one query for their organisations. */
async function sessionsViewerMessages(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<Map<string, BookableSession>> {
  if (!viewer || !list.length) return new Map();
  const [sessions, orgIds] = await Promise.all([
    bookableSessions(deps.db, [...new Set(list.map((s) => s.id))]),
    userOrganisationIds(deps.db, viewer.id),
  ]);
  const mine = new Set(orgIds);
  return new Map([...sessions].filter(([, s]) => policy.messageParticipants(viewer, mine.has(s.organisationId))));
}

/** Whether the viewer may write to each session's participants now (it is neither cancelled nor long over). */
export async function mayMessageParticipants(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<boolean[]> {
  const allowed = await sessionsViewerMessages(deps, viewer, list);
  const now = new Date();
  return list.map((s) => {
    const session = allowed.get(s.id);
    return !!session && policy.messagingClosed(session, now) === null;
  });
}

/**
 * How many people a message would reach now, per session (not the viewer); null where the viewer
 * may not write to them. A few queries per session: it is asked for on one session's page.
 */
export async function messageRecipientCounts(
  deps: Deps,
  viewer: Viewer | null,
  list: { id: string }[],
): Promise<(number | null)[]> {
  const allowed = await sessionsViewerMessages(deps, viewer, list);
  const counts = new Map<string, number>();
  for (const session of allowed.values()) {
    counts.set(session.id, (await messageNotices(deps.db, session, viewer!)).count);
  }
  return list.map((s) => counts.get(s.id) ?? null);
}
