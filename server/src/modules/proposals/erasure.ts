/**
 * Proposals' part of erasing a person: the only free text a person writes here is a proposal's
 * note (a coordinator's or an educator's), which becomes ERASED_TEXT. Proposals and matches stay,
 * as the cluster's record; the ids of who proposed and answered now name an anonymised account.
 * Open proposals of the erased person as a student are declined on their behalf first.
 */
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { and, eq, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { declineProposal } from './commands/answer.js';
import { proposals } from './tables.js';

/** Removes the notes of the proposals the person made (idempotent); returns how many changed. */
export async function eraseProposalNotesOf(db: Database, userId: string): Promise<number> {
  const changed = await db
    .update(proposals)
    .set({ note: ERASED_TEXT })
    .where(and(eq(proposals.proposedBy, userId), ne(proposals.note, ERASED_TEXT)))
    .returning({ id: proposals.id });
  return changed.length;
}

/**
 * Declines, as the student, every open proposal of them that they have not answered (through the
 * ordinary decline, so its parties are told), in the caller's transaction. One they accepted
 * already stays open for the company's answer: they had agreed to it. Returns how many were declined.
 */
export async function declineProposalsForStudent(deps: Deps, db: Database, student: Viewer): Promise<number> {
  const open = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.studentId, student.id), eq(proposals.state, 'OPEN')));
  let declined = 0;
  for (const { id } of open) {
    try {
      await declineProposal({ ...deps, db }, student, id);
      declined++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return declined;
}

/**
 * The proposals that name the person (as the student, the proposer or an answerer), and those they
 * made (whose notifications carry their note): privacy asks messaging to remove their name there.
 */
export async function proposalIdsNaming(db: Database, userId: string): Promise<{ naming: string[]; madeBy: string[] }> {
  const rows = await db
    .select({ id: proposals.id, proposedBy: proposals.proposedBy })
    .from(proposals)
    .where(
      or(
        eq(proposals.studentId, userId),
        eq(proposals.proposedBy, userId),
        eq(proposals.needAnsweredBy, userId),
        eq(proposals.targetAnsweredBy, userId),
      ),
    );
  return { naming: rows.map((r) => r.id), madeBy: rows.filter((r) => r.proposedBy === userId).map((r) => r.id) };
}
