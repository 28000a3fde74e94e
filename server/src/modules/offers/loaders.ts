/** GraphQL field loaders of offers: one query per list, results in the order asked. */
import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { userOrganisationIds } from '../organisations/index.js';
import { offerPolicy as policy } from './policy.js';
import { presentSession, type OfferDto, type SessionDto } from './presenter.js';
import { courseSessions } from './tables.js';

/** Sessions of each offer, soonest first, in one query. */
export async function sessionsOfOffers(deps: Deps, offerIds: string[]): Promise<SessionDto[][]> {
  const rows = offerIds.length
    ? await deps.db
        .select()
        .from(courseSessions)
        .where(and(inArray(courseSessions.offerId, offerIds), isNull(courseSessions.cancelledAt)))
        .orderBy(asc(courseSessions.startsAt))
    : [];
  const now = new Date();
  return offerIds.map((id) => rows.filter((r) => r.offerId === id).map((r) => presentSession(r, now)));
}

export async function canEditOffers(deps: Deps, viewer: Viewer | null, list: OfferDto[]): Promise<boolean[]> {
  if (!viewer) return list.map(() => false);
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  return list.map((o) => policy.manage(viewer, orgIds.has(o.organisationId) ? 'MEMBER' : null));
}
