/**
 * Proposals' part of erasing a person: the only free text a person writes here is a proposal's
 * note (a coordinator's or an educator's), which becomes ERASED_TEXT. Proposals and matches stay,
 * as the cluster's record; the ids of who proposed and answered now name an anonymised account.
 */
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
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
