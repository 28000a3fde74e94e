/**
 * Reads of proposals for the API: one proposal, a need's proposals, the viewer's, the
 * coordinators' brokering queue and the demand pools; and what conversations about proposals ask.
 */
import { BROKERING_QUEUE_DAYS, isTopicId, type ProposalState } from '@keskusvaraamo/shared';
import { and, count, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, unauthenticated, validationError } from '../../errors.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { getNeed, needIdsManagedBy, openCourseNeeds, presentNeed, type NeedDto } from '../needs/index.js';
import { needs } from '../needs/tables.js';
import { offerIdsOrganisedBy } from '../offers/index.js';
import { offers } from '../offers/tables.js';
import { userOrganisationIds } from '../organisations/index.js';
import { concerned, loadProposal, noSuchProposal, onNeedSide, partiesOf, sidesOf } from './parties.js';
import { proposalPolicy as policy } from './policy.js';
import { formPools, type DemandPool } from './pools.js';
import { presentProposal, type ProposalDto } from './presenter.js';
import { matches, proposals } from './tables.js';

const DAY_MS = 86_400_000;

/** One proposal: for its sides, its proposer and coordinators; NOT_FOUND for anyone else. */
export async function getProposal(deps: Deps, viewer: Viewer | null, id: string): Promise<ProposalDto> {
  if (!viewer) throw unauthenticated();
  const row = await loadProposal(deps.db, id);
  const [parties] = await partiesOf(deps.db, [row]);
  if (!policy.read(viewer, sidesOf(viewer, row, parties!))) throw noSuchProposal();
  return presentProposal(row);
}

/** SQL: the proposals a user is a party to (their need's, their organisation's offer's, themselves as the student) or made. */
function concerning(userId: string): SQL {
  return or(
    sql`${proposals.needId} in (${needIdsManagedBy(userId)})`,
    sql`${proposals.offerId} in (${offerIdsOrganisedBy(userId)})`,
    eq(proposals.studentId, userId),
    eq(proposals.proposedBy, userId),
  )!;
}

/** SQL for the ids of the proposals a user is a party to or made, as a subquery (conversations). */
export function proposalIdsOfParty(userId: string): SQL {
  return sql`select ${proposals.id} from ${proposals} where ${concerning(userId)}`;
}

/**
 * A need's proposals, newest first: all of them for its side and coordinators, the viewer's own for
 * anyone else who may read the need (an educator sees what they proposed). NOT_FOUND when the need
 * is not theirs to read.
 */
export async function proposalsForNeed(deps: Deps, viewer: Viewer | null, needId: string): Promise<ProposalDto[]> {
  if (!viewer) throw unauthenticated();
  const need = await getNeed(deps, viewer, needId);
  if (!need) throw notFound('No such need');
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  const all = policy.readAllOfNeed(viewer, onNeedSide(viewer.id, need, orgIds));
  const rows = await deps.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.needId, need.id), all ? undefined : concerning(viewer.id)))
    .orderBy(desc(proposals.createdAt), desc(proposals.id));
  return rows.map(presentProposal);
}

/** The proposals concerning the viewer (see `concerning`), newest first. */
export async function myProposals(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: ProposalState | null; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const page = keyset(args, [
    { column: proposals.createdAt, type: 'timestamp', descending: true },
    { column: proposals.id, type: 'uuid', descending: true },
  ]);
  const filters = and(concerning(viewer.id), args.state ? eq(proposals.state, args.state) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(proposals), cursor: page.cursor })
      .from(proposals)
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(proposals).where(filters),
  ]);
  return page.connection(rows, total?.n ?? 0, presentProposal);
}

/** A need is in the brokering queue at `now`: open, published BROKERING_QUEUE_DAYS ago or more, no match. */
export const inBrokeringQueue = (now: Date) =>
  and(
    eq(needs.state, 'OPEN'),
    lt(needs.publishedAt, new Date(now.getTime() - BROKERING_QUEUE_DAYS * DAY_MS)),
    sql`${needs.id} not in (select ${matches.needId} from ${matches})`,
  );

/**
 * The coordinator's queue: open needs published at least BROKERING_QUEUE_DAYS ago that have no
 * match yet, the longest waiting first, with their open proposals counted. The needs are read
 * through their table (a read; the needs module owns the writes), so the page is one statement.
 */
export async function brokeringQueue(
  deps: Deps,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  if (!policy.readQueue(viewer)) throw forbidden('The brokering queue is for coordinators');
  const page = keyset(args, [
    { column: needs.publishedAt, type: 'timestamp' },
    { column: needs.id, type: 'uuid' },
  ]);
  const now = new Date();
  const filters = inBrokeringQueue(now);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ ...getTableColumns(needs), cursor: page.cursor })
      .from(needs)
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.limit),
    deps.db.select({ n: count() }).from(needs).where(filters),
  ]);
  const open = rows.length
    ? await deps.db
        .select({ needId: proposals.needId, n: count() })
        .from(proposals)
        .where(
          and(
            inArray(
              proposals.needId,
              rows.map((n) => n.id),
            ),
            eq(proposals.state, 'OPEN'),
          ),
        )
        .groupBy(proposals.needId)
    : [];
  return page.connection(rows, total?.n ?? 0, (row) => {
    const need = presentNeed(row);
    return {
      need,
      publishedAt: need.publishedAt!,
      daysWaiting: Math.floor((now.getTime() - new Date(need.publishedAt!).getTime()) / DAY_MS),
      openProposals: open.find((o) => o.needId === need.id)?.n ?? 0,
    };
  });
}

/** Open COURSE needs that could pool: their period not over, and no match made for them yet. */
export const poolableNeeds = (db: Database, topic: string | null = null) =>
  openCourseNeeds(db, { today: todayInHelsinki(), topic, excluding: sql`select ${matches.needId} from ${matches}` });

/** The demand pools of open COURSE needs now, optionally of one topic: for educators and coordinators. */
export async function demandPools(
  deps: Deps,
  viewer: Viewer | null,
  topic: string | null = null,
): Promise<DemandPool<NeedDto>[]> {
  if (!viewer) throw unauthenticated();
  if (!policy.readPools(viewer)) throw forbidden('Demand pools are for educators and coordinators');
  if (topic !== null && !isTopicId(topic)) throw validationError([{ field: 'topic', message: 'validation.topic' }]);
  return formPools(await poolableNeeds(deps.db, topic), { topic });
}

export interface PoolAnswer {
  offerId: string;
  offerTitle: string;
  needCount: number;
  firstProposedAt: string;
}

/**
 * The courses that answer each pool: those with an open or accepted proposal for any of its needs,
 * whoever proposed them (an answer to the pool, or a proposal made need by need). One query for
 * every pool; the first proposed first.
 */
export async function poolAnswersOf(db: Database, pools: DemandPool<NeedDto>[]): Promise<PoolAnswer[][]> {
  const needIds = [...new Set(pools.flatMap((pool) => pool.needs.map((need) => need.id)))];
  const rows = needIds.length
    ? await db
        .select({
          needId: proposals.needId,
          offerId: offers.id,
          offerTitle: offers.title,
          first: sql<string>`min(${proposals.createdAt})`,
        })
        .from(proposals)
        .innerJoin(offers, eq(offers.id, proposals.offerId))
        .where(and(inArray(proposals.needId, needIds), inArray(proposals.state, ['OPEN', 'ACCEPTED'])))
        .groupBy(proposals.needId, offers.id, offers.title)
    : [];
  return pools.map((pool) => {
    const inPool = new Set(pool.needs.map((need) => need.id));
    const byOffer = new Map<string, PoolAnswer>();
    for (const row of rows) {
      if (!inPool.has(row.needId)) continue;
      const first = new Date(row.first).toISOString();
      const answer = byOffer.get(row.offerId);
      if (!answer) {
        byOffer.set(row.offerId, {
          offerId: row.offerId,
          offerTitle: row.offerTitle,
          needCount: 1,
          firstProposedAt: first,
        });
      } else {
        answer.needCount++;
        if (first < answer.firstProposedAt) answer.firstProposedAt = first;
      }
    }
    return [...byOffer.values()].sort((a, b) => a.firstProposedAt.localeCompare(b.firstProposedAt));
  });
}

/**
 * What a conversation about each proposal needs: its title (the need's and the target's) and its
 * parties (both sides and the proposer).
 */
export async function proposalParties(
  db: Database,
  ids: string[],
): Promise<Map<string, { title: string; partyIds: string[] }>> {
  const rows = ids.length ? await db.select().from(proposals).where(inArray(proposals.id, ids)) : [];
  const parties = await partiesOf(db, rows);
  return new Map(
    rows.map((row, i) => {
      const p = parties[i]!;
      // A student who is not named (policy `studentNamed`) is left out of the title everyone sees.
      const title = p.targetTitle ? `${p.need.title} – ${p.targetTitle}` : p.need.title;
      return [row.id, { title, partyIds: concerned(row, p) }];
    }),
  );
}
