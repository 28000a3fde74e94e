/**
 * Need use cases that change state: an entrepreneur posts a need as a draft, publishes it, edits
 * and closes it; the applications module fills it. Open placements are kept in the search index.
 */
import { isPlacementKind, needSchema, type NeedData, type NeedState } from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import {
  forbidden,
  invalidState as invalidStateOf,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../errors.js';
import { endOfHelsinkiDay, todayInHelsinki } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationsByIds, roleIn } from '../organisations/index.js';
import { indexDocument, removeFromIndex } from '../search/index.js';
import { needPolicy as policy } from './policy.js';
import { presentNeed, type NeedDto } from './presenter.js';
import { loadManagedNeed, loadNeedRow, type NeedRow } from './queries.js';
import { needs } from './tables.js';

const invalidState = (state: string) => invalidStateOf('a need', state);

/** The company must be one the poster belongs to. */
async function checkOrganisation(deps: Deps, viewer: Viewer, organisationId: string | null) {
  if (!organisationId) return;
  const [org] = await organisationsByIds(deps.db, [organisationId]);
  const role = await roleIn(deps.db, organisationId, viewer.id);
  if (!org || !policy.postFor(org, role)) {
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
    organisationId: need.organisationId,
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

/**
 * What editing a need must ask of the applications to it. Applications depend on needs, not the
 * other way round, so the applications module supplies this when it runs `updateNeed` for the API:
 * positions may not go below the accepted applications, and lowered to them the need is filled.
 */
export interface NeedHiring {
  /** Applications accepted for the need; called while the need's row is locked. */
  acceptedCount(tx: Database, needId: string): Promise<number>;
  /** The positions now equal the accepted applications: fill the need, as when the last one is accepted. */
  fillAtAccepted(tx: Database, need: NeedDto): Promise<void>;
}

/**
 * Edits a draft or open need. The kind is fixed; the company must be the editor's; an open need's
 * deadline may not move into the past. `hiring` bounds the positions by the accepted applications,
 * counted under the need's row lock, which accepting an application takes too.
 */
export async function updateNeed(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  hiring: NeedHiring,
): Promise<NeedDto> {
  const need = await loadManagedNeed(deps, viewer, id);
  const data = parseInput(needSchema, input);
  if (data.kind !== need.kind) throw validationError([{ field: 'kind', message: 'validation.kindLocked' }]);
  if (data.organisationId !== need.organisationId) await checkOrganisation(deps, viewer!, data.organisationId);
  if (need.state === 'OPEN' && data.applicationDeadline !== need.applicationDeadline) assertDeadlineAhead(data);
  return deps.db.transaction(async (tx) => {
    // Accepting an application counts under this lock too: the count below cannot be overtaken.
    const locked = await lockNeed(tx, need.id, 'update');
    const accepted = data.positions < locked.positions ? await hiring.acceptedCount(tx, need.id) : 0;
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
      await hiring.fillAtAccepted(tx, presentNeed(row));
      return presentNeed(await loadNeedRow(tx, row.id));
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
    if (!row) throw invalidState((await loadNeedRow(tx, need.id)).state);
    await syncIndex(tx, row);
    return presentNeed(row);
  });
}

export async function publishNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto> {
  const need = await loadManagedNeed(deps, viewer, id);
  assertDeadlineAhead(need);
  return transition(deps, need, ['DRAFT'], 'OPEN', { publishedAt: new Date() });
}

export async function closeNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<NeedDto> {
  const need = await loadManagedNeed(deps, viewer, id);
  return transition(deps, need, ['DRAFT', 'OPEN'], 'CLOSED', { closedAt: new Date() });
}

export async function deleteNeed(deps: Deps, viewer: Viewer | null, id: string): Promise<void> {
  const need = await loadManagedNeed(deps, viewer, id);
  const deleted = await deps.db
    .delete(needs)
    .where(and(eq(needs.id, need.id), eq(needs.state, 'DRAFT')))
    .returning({ id: needs.id });
  if (deleted.length === 0) throw invalidState(need.state);
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
