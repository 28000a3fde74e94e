/**
 * Organisations' part of erasing a person: they leave every organisation, and the invitations
 * addressed to them are deleted. What blocks it: being the only owner of an organisation that has
 * other members (LAST_OWNER), who would be left with nobody to run it; the person transfers
 * ownership first. An organisation where they are the only member is left without members: it
 * stays, with its courses and needs (the cluster's record), and a coordinator can see it.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invitations, memberships, organisations } from './tables.js';

export interface OwnershipBlocker {
  organisationId: string;
  organisationName: string;
}

/**
 * Organisations where the person is the only owner and others are members. `lock` holds the
 * organisations' owner rows until the transaction ends (as every change of roles does), so that an
 * ownership transfer and the erasure take turns.
 */
export async function ownershipBlockers(db: Database, userId: string, lock = false): Promise<OwnershipBlocker[]> {
  const owned = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'OWNER')))
    .orderBy(memberships.organisationId);
  const blockers: OwnershipBlocker[] = [];
  for (const { organisationId } of owned) {
    const ownersQuery = db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'OWNER')));
    const owners = lock ? await ownersQuery.for('update') : await ownersQuery;
    if (owners.some((o) => o.userId !== userId)) continue;
    const [others] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), ne(memberships.userId, userId)));
    if (!others?.n) continue;
    const [org] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    blockers.push({ organisationId, organisationName: org?.name ?? '' });
  }
  return blockers;
}

/** How many organisations the person belongs to (for the erasure preview). */
export async function membershipCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.userId, userId));
  return row?.n ?? 0;
}

/**
 * The person leaves every organisation and the invitations to their address are deleted (open,
 * accepted or revoked: each names them). The caller checked the blockers under their lock (or, for
 * the retention job, chose to leave such an organisation without an owner). Idempotent.
 */
export async function leaveOrganisations(db: Database, userId: string, email: string): Promise<number> {
  const left = await db
    .delete(memberships)
    .where(eq(memberships.userId, userId))
    .returning({ organisationId: memberships.organisationId });
  await db.delete(invitations).where(eq(invitations.email, email));
  return left.length;
}
