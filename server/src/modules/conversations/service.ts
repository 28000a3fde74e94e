/**
 * Conversations: one thread per subject (an application, a booking, a proposal) between its parties,
 * with coordinators able to join any. The thread is made by its first message. Who the parties are
 * is asked of the subject's own module each time, so a colleague who joins the company sees the
 * thread at once and one who leaves stops seeing it. Posting notifies everyone else in the thread
 * in the same transaction; `conversation_reads` keeps how far each person has read.
 */
import { messageSchema, type ConversationSubjectKind } from '@keskusvaraamo/shared';
import { and, count, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, parseInput, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { decodeIdCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { getUser, usersByIds } from '../accounts/index.js';
import { hasRole, type Viewer } from '../../lib/viewer.js';
import { applicationIdsOfParty, applicationParties } from '../applications/service.js';
import { bookingIdsOfParty, bookingParties } from '../bookings/service.js';
import { notify } from '../messaging/index.js';
import { proposalIdsOfParty, proposalParties } from '../proposals/service.js';
import { conversationPolicy as policy } from './policy.js';
import { presentConversation, presentMessage, type ConversationDto, type MessageDto } from './presenter.js';
import { conversationReads, conversations, messages } from './tables.js';

interface Subject {
  /** The need's or the course's title. */
  title: string;
  partyIds: string[];
}

interface SubjectKind {
  /** Title and parties of each subject that exists, by id. */
  load(db: Database, ids: string[]): Promise<Map<string, Subject>>;
  /** SQL for the ids of the subjects a user is a party to. */
  idsOfParty(userId: string): SQL;
}

/** Each kind of subject a thread can be about: a new kind is an entry here and in the shared list. */
const SUBJECTS: Record<ConversationSubjectKind, SubjectKind> = {
  APPLICATION: { load: applicationParties, idsOfParty: applicationIdsOfParty },
  BOOKING: { load: bookingParties, idsOfParty: bookingIdsOfParty },
  PROPOSAL: { load: proposalParties, idsOfParty: proposalIdsOfParty },
};

const EXCERPT_LENGTH = 200;
const noSuchConversation = () => notFound('No such conversation');

type ConversationRow = typeof conversations.$inferSelect;

async function subjectOf(db: Database, kind: ConversationSubjectKind, id: string): Promise<Subject> {
  const subjectKind = SUBJECTS[kind];
  if (!subjectKind) throw noSuchConversation();
  const subject = (await subjectKind.load(db, [id])).get(id);
  if (!subject) throw noSuchConversation();
  return subject;
}

/** The subject, when the viewer may read its thread; NOT_FOUND otherwise, as if it did not exist. */
async function readableSubject(db: Database, viewer: Viewer, kind: ConversationSubjectKind, id: string) {
  const subject = await subjectOf(db, kind, id);
  if (!policy.read(viewer, subject.partyIds.includes(viewer.id))) throw noSuchConversation();
  return subject;
}

async function load(db: Database, id: string): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.id, assertId(id, 'No such conversation')));
  if (!row) throw noSuchConversation();
  return row;
}

/** The thread about a subject, or an empty one (no id) before anyone has written. */
export async function getConversation(
  deps: Deps,
  viewer: Viewer | null,
  kind: ConversationSubjectKind,
  subjectId: string,
): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const id = assertId(subjectId, 'No such conversation');
  const subject = await readableSubject(deps.db, viewer, kind, id);
  const [row] = await deps.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.subjectKind, kind), eq(conversations.subjectId, id)));
  return presentConversation(row ?? null, { kind, id, title: subject.title });
}

export async function getConversationById(deps: Deps, viewer: Viewer | null, id: string): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const row = await load(deps.db, id);
  const subject = await readableSubject(deps.db, viewer, row.subjectKind, row.subjectId);
  return presentConversation(row, { kind: row.subjectKind, id: row.subjectId, title: subject.title });
}

/** Moves a reader's mark forward (never back). */
async function markReadUpTo(db: Database, conversationId: string, userId: string, upTo: SQL | Date) {
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadAt: upTo })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { lastReadAt: sql`greatest(${conversationReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * Writes a message in the subject's thread, making the thread if this is the first, and notifies
 * everyone else in it: the subject's parties, and coordinators who have written in it.
 */
export async function sendMessage(
  deps: Deps,
  viewer: Viewer | null,
  kind: ConversationSubjectKind,
  subjectId: string,
  input: unknown,
): Promise<MessageDto> {
  if (!viewer) throw unauthenticated();
  const { body } = parseInput(messageSchema, input);
  const id = assertId(subjectId, 'No such conversation');
  const subject = await subjectOf(deps.db, kind, id);
  const party = subject.partyIds.includes(viewer.id);
  if (!policy.write(viewer, party)) throw policy.read(viewer, party) ? forbidden() : noSuchConversation();
  const authorName = viewer.displayName ?? (await getUser(deps, viewer.id))?.displayName ?? '';

  return deps.db.transaction(async (tx) => {
    // Two first messages at once: the unique subject makes them meet in one thread.
    const [conversation] = await tx
      .insert(conversations)
      .values({ subjectKind: kind, subjectId: id })
      .onConflictDoUpdate({
        target: [conversations.subjectKind, conversations.subjectId],
        set: { lastMessageAt: sql`now()` },
      })
      .returning();
    const [message] = await tx
      .insert(messages)
      .values({ conversationId: conversation!.id, authorId: viewer.id, body })
      .returning();
    // Writing is reading: the author has seen the thread up to their own message.
    await markReadUpTo(tx, conversation!.id, viewer.id, message!.createdAt);

    const recipients = new Set(subject.partyIds);
    const earlier = await tx
      .selectDistinct({ id: messages.authorId })
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id));
    const outsiders = earlier.flatMap((e) => (e.id && !recipients.has(e.id) ? [e.id] : []));
    for (const user of (await usersByIds({ ...deps, db: tx }, outsiders)).values()) {
      // A former colleague who wrote here once no longer reads along; a coordinator who did, does.
      if (user.roles.includes('COORDINATOR')) recipients.add(user.id);
    }
    recipients.delete(viewer.id);
    await notify(
      tx,
      [...recipients].map((userId) => ({
        userId,
        type: 'MESSAGE_RECEIVED' as const,
        data: {
          conversationId: conversation!.id,
          subjectKind: kind,
          subjectId: id,
          subject: subject.title,
          authorName,
          excerpt: body.slice(0, EXCERPT_LENGTH),
          path: `/conversations/${conversation!.id}`,
        },
      })),
    );
    return presentMessage(message!);
  });
}

/** Marks the thread read up to its newest message; returns the thread. */
export async function markConversationRead(deps: Deps, viewer: Viewer | null, id: string): Promise<ConversationDto> {
  if (!viewer) throw unauthenticated();
  const row = await load(deps.db, id);
  const subject = await readableSubject(deps.db, viewer, row.subjectKind, row.subjectId);
  // Up to the newest message there is, not "now": one committed a moment later stays unread.
  const newest = sql`(select coalesce(max(${messages.createdAt}), now()) from ${messages} where ${messages.conversationId} = ${row.id})`;
  await markReadUpTo(deps.db, row.id, viewer.id, newest);
  return presentConversation(row, { kind: row.subjectKind, id: row.subjectId, title: subject.title });
}

/** A thread's messages, newest first; `after` pages back in time. The caller has checked the viewer may read it. */
export async function messagesOf(
  deps: Deps,
  conversation: ConversationDto,
  args: { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const afterId = decodeIdCursor(args.after);
  if (!conversation.id) return toConnection<MessageDto>([], size, (m) => [m.id], 0);
  const inThread = eq(messages.conversationId, conversation.id);
  const older = afterId
    ? sql`(${messages.createdAt}, ${messages.id}) < (select m.created_at, m.id from ${messages} m where m.id = ${afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(messages)
      .where(and(inThread, older))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(messages).where(inThread),
  ]);
  return toConnection(rows.map(presentMessage), size, (m) => [m.id], total?.n ?? 0);
}

/** The newest message of each thread, in one query. */
export async function lastMessagesOf(deps: Deps, list: ConversationDto[]): Promise<(MessageDto | null)[]> {
  const ids = list.flatMap((c) => (c.id ? [c.id] : []));
  const rows = ids.length
    ? await deps.db
        .selectDistinctOn([messages.conversationId])
        .from(messages)
        .where(inArray(messages.conversationId, ids))
        .orderBy(messages.conversationId, desc(messages.createdAt), desc(messages.id))
    : [];
  return list.map((c) => {
    const row = rows.find((r) => r.conversationId === c.id);
    return row ? presentMessage(row) : null;
  });
}

/** Unread: written by someone else after the reader's mark (or ever, without one). */
function unreadBy(userId: string): SQL {
  return and(
    sql`${messages.authorId} is distinct from ${userId}`,
    or(isNull(conversationReads.lastReadAt), gt(messages.createdAt, conversationReads.lastReadAt)),
  )!;
}

/** The viewer's unread messages in each thread, in one query. */
export async function unreadCountsOf(deps: Deps, viewer: Viewer | null, list: ConversationDto[]): Promise<number[]> {
  const ids = list.flatMap((c) => (c.id ? [c.id] : []));
  if (!viewer || ids.length === 0) return list.map(() => 0);
  const rows = await deps.db
    .select({ conversationId: messages.conversationId, n: count() })
    .from(messages)
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.conversationId, messages.conversationId), eq(conversationReads.userId, viewer.id)),
    )
    .where(and(inArray(messages.conversationId, ids), unreadBy(viewer.id)))
    .groupBy(messages.conversationId);
  return list.map((c) => rows.find((r) => r.conversationId === c.id)?.n ?? 0);
}

/** The threads the viewer is in: as a party of the subject, or as a coordinator who has written there. */
function threadsOf(viewer: Viewer): SQL {
  const asParty = (Object.keys(SUBJECTS) as ConversationSubjectKind[]).map(
    (kind) =>
      sql`(${conversations.subjectKind} = ${kind} and ${conversations.subjectId} in (${SUBJECTS[kind].idsOfParty(viewer.id)}))`,
  );
  const asCoordinator = hasRole(viewer, 'COORDINATOR')
    ? sql`exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.authorId} = ${viewer.id})`
    : undefined;
  return or(...asParty, asCoordinator)!;
}

/** The viewer's threads, the most recently active first, with their subjects' titles. */
export async function myConversations(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const afterId = decodeIdCursor(args.after);
  const mine = threadsOf(viewer);
  const older = afterId
    ? sql`(${conversations.lastMessageAt}, ${conversations.id}) < (select c.last_message_at, c.id from ${conversations} c where c.id = ${afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(conversations)
      .where(and(mine, older))
      .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(conversations).where(mine),
  ]);
  const titles = new Map<string, string>();
  for (const kind of Object.keys(SUBJECTS) as ConversationSubjectKind[]) {
    const ids = rows.filter((r) => r.subjectKind === kind).map((r) => r.subjectId);
    if (!ids.length) continue;
    for (const [id, subject] of await SUBJECTS[kind].load(deps.db, ids)) titles.set(`${kind}:${id}`, subject.title);
  }
  const list = rows.map((r) =>
    presentConversation(r, {
      kind: r.subjectKind,
      id: r.subjectId,
      title: titles.get(`${r.subjectKind}:${r.subjectId}`) ?? '',
    }),
  );
  return toConnection(list, size, (c) => [c.id!], total?.n ?? 0);
}

/** Unread messages in all the viewer's threads. */
export async function unreadMessageCount(deps: Deps, viewer: Viewer | null): Promise<number> {
  if (!viewer) throw unauthenticated();
  const [row] = await deps.db
    .select({ n: count() })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(
      conversationReads,
      and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, viewer.id)),
    )
    .where(and(threadsOf(viewer), unreadBy(viewer.id)));
  return row?.n ?? 0;
}

/** Whether each message is the viewer's own. */
export const isMine = (viewer: Viewer | null, message: MessageDto) => !!viewer && message.authorId === viewer.id;

/** Authors' names, null where the account is gone. */
export async function authorNamesOf(deps: Deps, list: MessageDto[]): Promise<(string | null)[]> {
  const people = await usersByIds(
    deps,
    list.flatMap((m) => (m.authorId ? [m.authorId] : [])),
  );
  return list.map((m) => (m.authorId ? (people.get(m.authorId)?.displayName ?? null) : null));
}
