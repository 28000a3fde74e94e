/** Founding, editing and verifying an organisation. */
import { organisationSchema } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import { isUniqueViolation, type Database } from '../../../db/client.js';
import type { Deps } from '../../../deps.js';
import { AppError, forbidden, parseInput, unauthenticated, validationError } from '../../../errors.js';
import type { Viewer } from '../../../lib/viewer.js';
import { userIdsWithRole } from '../../accounts/index.js';
import { recordAudit } from '../../audit/index.js';
import { notify } from '../../messaging/index.js';
import { renameOrganisationInIndex } from '../../search/index.js';
import { organisationPolicy as policy } from '../policy.js';
import { presentOrganisation, type OrganisationDto } from '../presenter.js';
import { loadOrganisation, roleIn } from '../queries.js';
import { memberships, organisations } from '../tables.js';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

const businessIdTaken = () =>
  new AppError('CONFLICT', 'An organisation with this business ID exists', {
    fields: [{ field: 'businessId', message: 'validation.businessIdTaken' }],
  });

export async function createOrganisation(deps: Deps, viewer: Viewer | null, input: unknown): Promise<OrganisationDto> {
  const me = requireViewer(viewer);
  const data = parseInput(organisationSchema, input);
  if (!policy.found(me, data.kind)) throw forbidden('Your role cannot found this kind of organisation');
  try {
    return await deps.db.transaction(async (tx) => {
      const [org] = await tx.insert(organisations).values(data).returning();
      await tx.insert(memberships).values({ organisationId: org!.id, userId: me.id, role: 'OWNER' });
      return presentOrganisation(org!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'business_id')) throw businessIdTaken();
    throw error;
  }
}

export async function updateOrganisation(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<OrganisationDto> {
  const me = requireViewer(viewer);
  const org = await loadOrganisation(deps.db, id);
  if (!policy.update(me, await roleIn(deps.db, org.id, me.id))) throw forbidden();
  const data = parseInput(organisationSchema, input);
  if (data.kind !== org.kind && !policy.changeKind(me)) {
    throw validationError([{ field: 'kind', message: 'validation.kindLocked' }]);
  }
  try {
    return await deps.db.transaction(async (tx) => {
      // Locked, so that a verification at the same moment is either before the rename (and cleared) or after it.
      const [before] = await tx.select().from(organisations).where(eq(organisations.id, org.id)).for('update');
      const renamed = data.name !== before!.name || data.businessId !== before!.businessId;
      const [row] = await tx
        .update(organisations)
        .set({
          ...data,
          // Verification vouches for one name and one legal entity: a verified company renamed after
          // another must not keep the mark. A coordinator checks it and verifies it again.
          ...(renamed ? { verifiedAt: null, verifiedBy: null } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(organisations.id, org.id))
        .returning();
      if (renamed && before!.verifiedAt) await tellCoordinatorsOfRename(tx, me, before!, row!);
      // Its courses, pools and placements in the search carry the new name.
      if (data.name !== before!.name) await renameOrganisationInIndex(tx, org.id, data.name);
      return presentOrganisation(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'business_id')) throw businessIdTaken();
    throw error;
  }
}

type OrganisationRow = typeof organisations.$inferSelect;

/** Every coordinator but the one who made the change learns that a verified organisation must be verified again. */
async function tellCoordinatorsOfRename(db: Database, me: Viewer, before: OrganisationRow, after: OrganisationRow) {
  const coordinators = (await userIdsWithRole(db, 'COORDINATOR')).filter((id) => id !== me.id);
  await notify(
    db,
    coordinators.map((userId) => ({
      userId,
      type: 'ORGANISATION_RENAMED' as const,
      data: {
        organisationId: after.id,
        title: after.name,
        actorName: before.name,
        previousName: before.name,
        businessId: after.businessId,
        previousBusinessId: before.businessId,
        path: `/organisations/${after.id}`,
      },
    })),
  );
}

export async function verifyOrganisation(deps: Deps, viewer: Viewer | null, id: string, verified: boolean) {
  const me = requireViewer(viewer);
  if (!policy.verify(me)) throw forbidden('Only coordinators verify organisations');
  const org = await loadOrganisation(deps.db, id);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(organisations)
      .set(verified ? { verifiedAt: sql`now()`, verifiedBy: me.id } : { verifiedAt: null, verifiedBy: null })
      .where(eq(organisations.id, org.id))
      .returning();
    // Each verification vouches anew (and names who vouched); removing one that was never there is no action.
    if (verified || org.verifiedAt) {
      await recordAudit(tx, {
        actor: me,
        action: verified ? 'ORGANISATION_VERIFIED' : 'ORGANISATION_UNVERIFIED',
        subjectKind: 'ORGANISATION',
        subjectId: org.id,
      });
    }
    return presentOrganisation(row!);
  });
}
