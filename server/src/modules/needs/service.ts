/**
 * Need use cases: an entrepreneur posts a need as a draft, publishes it, edits and closes it;
 * open needs expire after their application deadline. Open placements are kept in the search index.
 */
import { isPlacementKind, needSchema, type NeedData, type NeedState } from '@keskusvaraamo/shared';
import { and, count, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import {
  AppError,
  invalidState as invalidStateOf,
  forbidden,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../errors.js';
import { endOfHelsinkiDay, todayInHelsinki } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { acceptedCount, fillNeedAtAccepted } from '../applications/service.js';
import { organisationIdsOfUser, organisationsByIds, roleIn, userOrganisationIds } from '../organisations/index.js';
import { indexDocument, removeFromIndex } from '../search/service.js';
import { needPolicy as policy } from './policy.js';
import { presentNeed, type NeedDto } from './presenter.js';
import { needs } from './tables.js';

type NeedRow = typeof needs.$inferSelect;

const invalidState = (state: string) => invalidStateOf('a need', state);

async function load(db: Database, id: string): Promise<NeedRow> {
  const [row] = await db
    .select()
    .from(needs)
    .where(eq(needs.id, assertId(id, 'No such need')));
  if (!row) throw notFound('No such need');
  return row;
}

async function loadManaged(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedRow> {
  if (!viewer) throw unauthenticated();
  const need = await load(deps.db, id);
  const role = need.organisationId ? await roleIn(deps.db, need.organisationId, viewer.id) : null;
  if (!policy.manage(viewer, need, role)) {
    // Someone who may not even read a draft learns nothing of it.
    throw policy.read(viewer, need, role) ? forbidden() : notFound('No such need');
  }
  return need;
}

/** The company must be one the poster belongs to. */
async function checkOrganisation(deps: Deps, viewer: Viewer, organisationId: string | null) {
  if (!organisationId) return;
  const [org] = await organisationsByIds(deps.db, [organisationId]);
  const role = await roleIn(deps.db, organisationId, viewer.id);
  if (!org || org.kind !== 'COMPANY' || role === null) {
    throw validationError([{ field: 'organisationId', message: 'validation.notYourCompany' }]);
  }
}

function assertDeadlineAhead(data: Pick<NeedData, 'applicationDeadline'>) {
  if (data.applicationDeadline && data.applicationDeadline < todayInHelsinki()) {
    throw validationError([{ field: 'applicationDeadline', message: 'validation.inPast' }]);
  }
}

/** Keeps the search index in step with a need: open placements are listed, everything else is not. */
async function syncIndex(db: Database, need: NeedRow): Promise<void> {
  if (need.state !== 'OPEN' || !isPlacementKind(need.kind)) {
    await removeFromIndex(db, need.id);
    return;
  }
  const [org] = need.organisationId ? await organisationsByIds(db, [need.organisationId]) : [];
  await indexDocument(db, {
    id: need.id,
    kind: need.kind,
    title: need.title,
    description: need.description,
    language: need.language as NeedDto['language'],
    organisationName: org?.name ?? null,
    topics: need.topics,
    municipalityCode: need.municipalityCode,
    remote: need.remote,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    languages: need.languages,
    priceCents: null,
    seatsFree: null,
    nextStartsAt: null,
    applicationDeadline: need.applicationDeadline,
    startsOn: new Date(`${need.periodStart}T00:00:00Z`),
    visibleUntil: need.applicationDeadline ? endOfHelsinkiDay(need.applicationDeadline) : null,
    publishedAt: need.publishedAt ?? new Date(),
    refreshAt: null,
  });
}

export async function createNeed(deps: Deps, viewer: Viewer | null, input: unknown): Promise<NeedDto> {
  if (!viewer) throw unauthenticated();
  if (!policy.post(viewer)) throw forbidden('Only entrepreneurs post needs');
  const data = parseInput(needSchema, input);
  await checkOrganisation(deps, viewer, data.organisationId);
  const [row] = await deps.db
    .insert(needs)
    .values({ ...data, postedBy: viewer.id })
    .returning();
  return presentNeed(row!);
}

export async function updateNeed(deps: Deps, viewer: Viewer | null, id: string, input: unknown): Promise<NeedDto> {
  const need = await loadManaged(deps, viewer, id);
  const data = parseInput(needSchema, input);
  if (data.kind !== need.kind) throw validationError([{ field: 'kind', message: 'validation.kindLocked' }]);
  if (data.organisationId !== need.organisationId) await checkOrganisation(deps, viewer!, data.organisationId);
  if (need.state === 'OPEN' && data.applicationDeadline !== need.applicationDeadline) assertDeadlineAhead(data);
  return deps.db.transaction(async (tx) => {
    // Accepting an application counts under this lock too: the count below cannot be overtaken.
    const locked = await lockNeed(tx, need.id, 'update');
    const accepted = data.positions < locked.positions ? await acceptedCount(tx, need.id) : 0;
    if (data.positions < accepted) {
      throw validationError([
        { field: 'positions', message: 'validation.positionsBelowAccepted', params: { accepted } },
      ]);
    }
    const [row] = await tx
      .update(needs)
      .set({ ...data, updatedAt: sql`now()` })
      .where(and(eq(needs.id, need.id), inArray(needs.state, ['DRAFT', 'OPEN'])))
      .returning();
    if (!row) throw invalidState(locked.state);
    if (accepted > 0 && data.positions === accepted) {
      // Every position is now taken: filled as by accepting the last one (open applications rejected).
      await fillNeedAtAccepted(deps, tx, presentNeed(row));
      return presentNeed(await load(tx, row.id));
    }
    await syncIndex(tx, row);
    return presentNeed(row);
  });
}

/** Moves a need from one of `from` to `to`, atomically: of two racing changes one wins. */
async function transition(deps: Deps, need: NeedRow, from: NeedState[], to: NeedState, extra: Partial<NeedRow> = {}) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(needs)
      .set({ state: to, updatedAt: sql`now()`, ...extra })
      .where(and(eq(needs.id, need.id), inArray(needs.state, from)))
      .returning();
    if (!row) throw invalidState((await load(tx, need.id)).state);
    await syncIndex(tx, row);
    return presentNeed(row);
  });
}

export async function publishNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto> {
  const need = await loadManaged(deps, viewer, id);
  assertDeadlineAhead(need);
  return transition(deps, need, ['DRAFT'], 'OPEN', { publishedAt: new Date() });
}

export async function closeNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto> {
  const need = await loadManaged(deps, viewer, id);
  return transition(deps, need, ['DRAFT', 'OPEN'], 'CLOSED', { closedAt: new Date() });
}

export async function deleteNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<void> {
  const need = await loadManaged(deps, viewer, id);
  const deleted = await deps.db
    .delete(needs)
    .where(and(eq(needs.id, need.id), eq(needs.state, 'DRAFT')))
    .returning({ id: needs.id });
  if (deleted.length === 0) throw invalidState(need.state);
}

/**
 * OPEN → EXPIRED for needs whose application deadline (a Helsinki date) has passed. Run by a job
 * in every instance: the conditional update makes it safe to run anywhere, any number of times.
 */
export async function expireNeeds(db: Database, today: string = todayInHelsinki()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(needs)
      .set({ state: 'EXPIRED', updatedAt: sql`now()` })
      .where(and(eq(needs.state, 'OPEN'), isNotNull(needs.applicationDeadline), lt(needs.applicationDeadline, today)))
      .returning({ id: needs.id });
    for (const { id } of expired) await removeFromIndex(tx, id);
    return expired.length;
  });
}

export async function getNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto | null> {
  let need: NeedRow;
  try {
    need = await load(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (policy.read(viewer, need, null)) return presentNeed(need);
  const role = need.organisationId && viewer ? await roleIn(deps.db, need.organisationId, viewer.id) : null;
  return policy.read(viewer, need, role) ? presentNeed(need) : null;
}

/** Needs the viewer manages: posted by them or for one of their companies. */
export async function myNeeds(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: NeedState | null; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const orgIds = await userOrganisationIds(deps.db, viewer.id);
  const mine = or(eq(needs.postedBy, viewer.id), orgIds.length ? inArray(needs.organisationId, orgIds) : undefined)!;
  const filters: (SQL | undefined)[] = [mine, args.state ? eq(needs.state, args.state) : undefined];
  const after = cursor
    ? sql`(${needs.updatedAt}, ${needs.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(needs)
      .where(and(...filters, after))
      .orderBy(desc(needs.updatedAt), desc(needs.id))
      .limit(size + 1),
    deps.db
      .select({ n: count() })
      .from(needs)
      .where(and(...filters)),
  ]);
  return toConnection(rows.map(presentNeed), size, (n) => [n.updatedAt, n.id], total?.n ?? 0);
}

/**
 * Reads a need and locks its row until the transaction ends: `update` for a change that depends
 * on the need's state (filling its positions), `share` to keep it as it is while adding to it (an
 * application), which many may hold at once.
 */
export async function lockNeed(db: Database, id: string, mode: 'update' | 'share'): Promise<NeedDto> {
  const [row] = await db
    .select()
    .from(needs)
    .where(eq(needs.id, assertId(id, 'No such need')))
    .for(mode);
  if (!row) throw notFound('No such need');
  return presentNeed(row);
}

/**
 * OPEN (or EXPIRED: the deadline is for applying, hiring may go on) → FILLED, when every position
 * has been accepted; takes it out of search. Returns whether the need changed. The applications
 * module calls it inside the transaction that accepted the last position.
 */
export async function markNeedFilled(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .update(needs)
    .set({ state: 'FILLED', updatedAt: sql`now()` })
    .where(and(eq(needs.id, id), inArray(needs.state, ['OPEN', 'EXPIRED'])))
    .returning();
  if (!row) return false;
  await syncIndex(db, row);
  return true;
}

/** Needs by id, whatever their state, for a module that has checked the viewer may see them. */
export async function needsByIds(db: Database, ids: string[]): Promise<Map<string, NeedDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(needs).where(inArray(needs.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentNeed(row)]));
}

/** SQL for the ids of the needs a user posted or that belong to their companies, as a subquery. */
export function needIdsManagedBy(userId: string): SQL {
  return sql`select ${needs.id} from ${needs} where ${needs.postedBy} = ${userId} or ${needs.organisationId} in (${organisationIdsOfUser(userId)})`;
}

/** Whether the viewer may edit each need, in one query. */
export async function canEditNeeds(deps: Deps, viewer: Viewer | null, list: NeedDto[]): Promise<boolean[]> {
  if (!viewer) return list.map(() => false);
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  return list.map((need) =>
    policy.manage(viewer, need, need.organisationId && orgIds.has(need.organisationId) ? 'MEMBER' : null),
  );
}

/** Whether the viewer manages this need; asks for their role in its company only when that decides. */
export async function mayManageNeed(deps: Deps, viewer: Viewer | null, need: NeedDto): Promise<boolean> {
  if (policy.manage(viewer, need, null)) return true;
  if (!viewer || !need.organisationId) return false;
  return policy.manage(viewer, need, await roleIn(deps.db, need.organisationId, viewer.id));
}

/**
 * Open needs published at or before `publishedBefore`, leaving out the ids `excluding` selects (a
 * subquery, such as the needs that have a match), oldest first, a page at a time: `limit` rows
 * after the need `afterId`. With the count of all such needs.
 */
export async function openNeedsPublishedBefore(
  db: Database,
  args: { publishedBefore: Date; excluding: SQL; limit: number; afterId: string | null },
): Promise<{ rows: NeedDto[]; total: number }> {
  const filters = and(
    eq(needs.state, 'OPEN'),
    lt(needs.publishedAt, args.publishedBefore),
    sql`${needs.id} not in (${args.excluding})`,
  );
  const after = args.afterId
    ? sql`(${needs.publishedAt}, ${needs.id}) > (select n.published_at, n.id from ${needs} n where n.id = ${args.afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(needs).where(and(filters, after)).orderBy(needs.publishedAt, needs.id).limit(args.limit),
    db.select({ n: count() }).from(needs).where(filters),
  ]);
  return { rows: rows.map(presentNeed), total: total?.n ?? 0 };
}

/**
 * Open COURSE needs whose period has not ended by `today`, with the topic when one is given, leaving
 * out the ids `excluding` selects (a subquery): what demand pools form from.
 */
export async function openCourseNeeds(
  db: Database,
  args: { today: string; topic?: string | null; excluding?: SQL },
): Promise<NeedDto[]> {
  const rows = await db
    .select()
    .from(needs)
    .where(
      and(
        eq(needs.state, 'OPEN'),
        eq(needs.kind, 'COURSE'),
        sql`${needs.periodEnd} >= ${args.today}`,
        args.topic ? sql`${needs.topics} @> array[${args.topic}]::text[]` : undefined,
        args.excluding ? sql`${needs.id} not in (${args.excluding})` : undefined,
      ),
    );
  return rows.map(presentNeed);
}
