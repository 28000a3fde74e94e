/** Reads of offers and sessions for the API and for other modules. */
import type { OfferState } from '@keskusvaraamo/shared';
import { and, asc, count, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, unauthenticated, validationError } from '../../errors.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationIdsOfUser, roleIn, userOrganisationIds } from '../organisations/index.js';
import { offerPolicy as policy } from './policy.js';
import { presentOffer, presentSession, type OfferDto, type SessionDto } from './presenter.js';
import { loadOffer, type OfferRow } from './rows.js';
import type { BookableSession } from './seats.js';
import { courseSessions, offers } from './tables.js';

export async function getOffer(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferDto | null> {
  let offer: OfferRow;
  try {
    offer = await loadOffer(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (policy.read(viewer, offer.state, null)) return presentOffer(offer);
  const role = viewer ? await roleIn(deps.db, offer.organisationId, viewer.id) : null;
  return policy.read(viewer, offer.state, role) ? presentOffer(offer) : null;
}

/** Offers of the viewer's organisations, most recently changed first. */
export async function myOffers(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: OfferState | null; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const page = keyset(args, [
    { column: offers.updatedAt, type: 'timestamp', descending: true },
    { column: offers.id, type: 'uuid', descending: true },
  ]);
  const orgIds = await userOrganisationIds(deps.db, viewer.id);
  if (orgIds.length === 0) return page.connection([], 0, presentOffer);
  const filters = and(inArray(offers.organisationId, orgIds), args.state ? eq(offers.state, args.state) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(offers), cursor: page.cursor })
      .from(offers)
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(offers).where(filters),
  ]);
  return page.connection(rows, total?.n ?? 0, presentOffer);
}

/** How far ahead `organisedSessions` looks unless told, and at most (days); and how many it returns at most. */
const ORGANISED_DAYS = 7;
const ORGANISED_DAYS_MAX = 31;
const ORGANISED_SESSIONS_MAX = 50;

function organisedDays(days: number | null | undefined): number {
  if (days === null || days === undefined) return ORGANISED_DAYS;
  if (!Number.isInteger(days) || days < 1) throw validationError([{ field: 'days', message: 'validation.atLeastOne' }]);
  if (days > ORGANISED_DAYS_MAX) {
    throw validationError([{ field: 'days', message: 'validation.tooLarge', params: { max: ORGANISED_DAYS_MAX } }]);
  }
  return days;
}

/**
 * Sessions of the courses of the viewer's organisations (drafts too: theirs to see) that start
 * within `days` from now and are not cancelled, soonest first, with their course.
 */
export async function organisedSessions(
  deps: Deps,
  viewer: Viewer | null,
  args: { days?: number | null },
): Promise<{ offer: OfferDto; session: SessionDto }[]> {
  if (!viewer) throw unauthenticated();
  const days = organisedDays(args.days);
  const rows = await deps.db
    .select({ session: courseSessions, offer: offers })
    .from(courseSessions)
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(
      and(
        sql`${courseSessions.offerId} in (${offerIdsOrganisedBy(viewer.id)})`,
        isNull(courseSessions.cancelledAt),
        sql`${courseSessions.startsAt} > now()`,
        sql`${courseSessions.startsAt} <= now() + make_interval(days => ${days})`,
      ),
    )
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id))
    .limit(ORGANISED_SESSIONS_MAX);
  const now = new Date();
  return rows.map((r) => ({ offer: presentOffer(r.offer), session: presentSession(r.session, now) }));
}

/** Whether the viewer manages this offer; asks for their role in its organisation only when that decides. */
export async function mayManageOffer(deps: Deps, viewer: Viewer | null, offer: OfferDto): Promise<boolean> {
  if (policy.manage(viewer, null)) return true;
  if (!viewer) return false;
  return policy.manage(viewer, await roleIn(deps.db, offer.organisationId, viewer.id));
}

/** Sessions by id, as the API shows them; null where the viewer may not see the course. */
export async function sessionsByIds(deps: Deps, viewer: Viewer | null, ids: string[]): Promise<(SessionDto | null)[]> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = valid.length
    ? await deps.db
        .select({ session: courseSessions, offer: offers })
        .from(courseSessions)
        .innerJoin(offers, eq(offers.id, courseSessions.offerId))
        .where(inArray(courseSessions.id, valid))
    : [];
  const orgIds = viewer ? new Set(await userOrganisationIds(deps.db, viewer.id)) : new Set<string>();
  const now = new Date();
  const byId = new Map(
    rows
      .filter((r) => policy.read(viewer, r.offer.state, orgIds.has(r.offer.organisationId) ? 'MEMBER' : null))
      .map((r) => [r.session.id, presentSession(r.session, now)]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

/** Offers by id, in the order asked; null where unknown or not visible to the viewer (drafts). */
export async function offersByIds(deps: Deps, viewer: Viewer | null, ids: string[]): Promise<(OfferDto | null)[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await deps.db.select().from(offers).where(inArray(offers.id, unique)) : [];
  const orgIds = viewer ? new Set(await userOrganisationIds(deps.db, viewer.id)) : new Set<string>();
  const visible = new Map(
    rows
      .filter((o) => policy.read(viewer, o.state, orgIds.has(o.organisationId) ? 'MEMBER' : null))
      .map((o) => [o.id, presentOffer(o)]),
  );
  return ids.map((id) => visible.get(id) ?? null);
}

/** Offers by id, whatever their state, for a module that has checked the viewer may see them. */
export async function offersByIdsUnchecked(db: Database, ids: string[]): Promise<Map<string, OfferDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(offers).where(inArray(offers.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentOffer(row)]));
}

/** Whether the user is a member of the organisation that runs a session. */
export async function organisesSession(db: Database, session: BookableSession, userId: string): Promise<boolean> {
  return (await roleIn(db, session.organisationId, userId)) !== null;
}

/** SQL for the ids of the sessions of courses a user's organisations run, as a subquery. */
export function sessionIdsOrganisedBy(userId: string): SQL {
  return sql`select ${courseSessions.id} from ${courseSessions} join ${offers} on ${offers.id} = ${courseSessions.offerId} where ${offers.organisationId} in (${organisationIdsOfUser(userId)})`;
}

/** SQL for the ids of the offers of a user's organisations, as a subquery. */
export function offerIdsOrganisedBy(userId: string): SQL {
  return sql`select ${offers.id} from ${offers} where ${offers.organisationId} in (${organisationIdsOfUser(userId)})`;
}
