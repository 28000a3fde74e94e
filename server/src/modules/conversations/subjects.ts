/**
 * What a thread is about. Who the parties are is asked of the subject's own module each time, so a
 * colleague who joins the company sees the thread at once and one who leaves stops seeing it.
 */
import type { ConversationSubjectKind } from '@keskusvaraamo/shared';
import { eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { applicationIdsOfParty, applicationParties } from '../applications/index.js';
import { bookingIdsOfParty, bookingParties } from '../bookings/index.js';
import { proposalIdsOfParty, proposalParties } from '../proposals/index.js';
import { conversationPolicy as policy } from './policy.js';
import { conversations } from './tables.js';

export interface Subject {
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
export const SUBJECTS: Record<ConversationSubjectKind, SubjectKind> = {
  APPLICATION: { load: applicationParties, idsOfParty: applicationIdsOfParty },
  BOOKING: { load: bookingParties, idsOfParty: bookingIdsOfParty },
  PROPOSAL: { load: proposalParties, idsOfParty: proposalIdsOfParty },
};

export const SUBJECT_KINDS = Object.keys(SUBJECTS) as ConversationSubjectKind[];

export const noSuchConversation = () => notFound('No such conversation');

export type ConversationRow = typeof conversations.$inferSelect;

export async function subjectOf(db: Database, kind: ConversationSubjectKind, id: string): Promise<Subject> {
  const subjectKind = SUBJECTS[kind];
  if (!subjectKind) throw noSuchConversation();
  const subject = (await subjectKind.load(db, [id])).get(id);
  if (!subject) throw noSuchConversation();
  return subject;
}

/** The subject, when the viewer may read its thread; NOT_FOUND otherwise, as if it did not exist. */
export async function readableSubject(db: Database, viewer: Viewer, kind: ConversationSubjectKind, id: string) {
  const subject = await subjectOf(db, kind, id);
  if (!policy.read(viewer, subject.partyIds.includes(viewer.id))) throw noSuchConversation();
  return subject;
}

export async function loadConversation(db: Database, id: string): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.id, assertId(id, 'No such conversation')));
  if (!row) throw noSuchConversation();
  return row;
}
