/** Fields of needs the caller may already see, for the GraphQL loaders: one query per field and list. */
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationsByIds, userOrganisationIds, type OrganisationDto } from '../organisations/index.js';
import { needPolicy as policy } from './policy.js';
import type { NeedDto } from './presenter.js';

/** Whether the viewer may edit each need, in one query. */
export async function canEditNeeds(deps: Deps, viewer: Viewer | null, list: NeedDto[]): Promise<boolean[]> {
  if (!viewer) return list.map(() => false);
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  return list.map((need) =>
    policy.manage(viewer, need, need.organisationId && orgIds.has(need.organisationId) ? 'MEMBER' : null),
  );
}

/** Each need's company, null for one posted without. */
export async function organisationsOf(deps: Deps, list: NeedDto[]): Promise<(OrganisationDto | null)[]> {
  if (!list.some((need) => need.organisationId)) return list.map(() => null);
  return organisationsByIds(
    deps.db,
    list.map((need) => need.organisationId ?? ''),
  );
}
