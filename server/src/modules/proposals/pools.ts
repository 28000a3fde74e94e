/**
 * Demand pools: open COURSE needs that could be one course. Per topic, needs are linked when their
 * periods overlap and their municipalities are at most POOL_DISTANCE_KM apart; a pool is a group
 * of linked needs (single linkage: a chain of links is enough). Remote needs go anywhere, so they
 * do not link places to each other: each joins every local pool of its topic that has a need
 * overlapping its period, and remote needs that join none pool among themselves by period. A pool
 * holds at least two needs. Pure: given the needs, the same pools with the same keys.
 */
import { createHash } from 'node:crypto';
import { distanceKm, MUNICIPALITIES, POOL_DISTANCE_KM, seasonOf, type Season } from '@keskusvaraamo/shared';
import type { NeedDto } from '../needs/index.js';

export type PoolNeed = Pick<
  NeedDto,
  | 'id'
  | 'topics'
  | 'municipalityCode'
  | 'remote'
  | 'periodStart'
  | 'periodEnd'
  | 'positions'
  | 'organisationId'
  | 'postedBy'
>;

export interface DemandPool<N extends PoolNeed = PoolNeed> {
  /** A hash of the topic and the needs' ids: the same while the pool's needs are the same. */
  key: string;
  topic: string;
  /** The needs, by id. */
  needs: N[];
  /** Where the local needs are, the municipality with the most people first. */
  municipalityCodes: string[];
  remoteNeeds: number;
  periodStart: string;
  periodEnd: string;
  season: Season;
  companyCount: number;
  /** People to train: the sum of the needs' positions. */
  people: number;
}

/** The distance between every two municipalities, computed once. */
let distances: Map<string, number> | undefined;
function near(a: string, b: string, maxKm: number): boolean {
  if (a === b) return true;
  if (!distances) {
    distances = new Map();
    for (const x of MUNICIPALITIES) {
      for (const y of MUNICIPALITIES) distances.set(`${x.code}:${y.code}`, distanceKm(x.code, y.code)!);
    }
  }
  const km = distances.get(`${a}:${b}`);
  return km !== undefined && km <= maxKm;
}

const overlaps = (a: PoolNeed, b: PoolNeed) => a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;

/**
 * Groups needs by single linkage: sorted by start, each need is compared only with those starting
 * before it ends (the others cannot overlap it), and linked ones are joined in a union-find.
 */
function cluster<N extends PoolNeed>(list: N[], linked: (a: N, b: N) => boolean): N[][] {
  const sorted = [...list].sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.periodStart <= sorted[i]!.periodEnd; j++) {
      if (linked(sorted[i]!, sorted[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, N[]>();
  sorted.forEach((need, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(need);
    else groups.set(r, [need]);
  });
  return [...groups.values()];
}

const isLocal = (n: PoolNeed) => !n.remote && n.municipalityCode !== null;

/** The pools of one topic's needs. */
function poolsOfTopic<N extends PoolNeed>(topic: string, list: N[], maxKm: number): DemandPool<N>[] {
  const local = list.filter(isLocal);
  const remote = list.filter((n) => !isLocal(n));
  const groups = cluster(local, (a, b) => near(a.municipalityCode!, b.municipalityCode!, maxKm));
  const unplaced: N[] = [];
  for (const need of remote) {
    const joined = groups.filter((group) => group.some((member) => isLocal(member) && overlaps(member, need)));
    for (const group of joined) group.push(need);
    if (!joined.length) unplaced.push(need);
  }
  groups.push(...cluster(unplaced, () => true));
  return groups.filter((group) => group.length >= 2).map((group) => describe(topic, group));
}

function describe<N extends PoolNeed>(topic: string, group: N[]): DemandPool<N> {
  const needs = [...group].sort((a, b) => (a.id < b.id ? -1 : 1));
  const key = createHash('sha256')
    .update(`${topic}|${needs.map((n) => n.id).join(',')}`)
    .digest('base64url')
    .slice(0, 22);
  const peopleByPlace = new Map<string, number>();
  for (const n of needs.filter(isLocal)) {
    peopleByPlace.set(n.municipalityCode!, (peopleByPlace.get(n.municipalityCode!) ?? 0) + n.positions);
  }
  const periodStart = needs.reduce((min, n) => (n.periodStart < min ? n.periodStart : min), needs[0]!.periodStart);
  const periodEnd = needs.reduce((max, n) => (n.periodEnd > max ? n.periodEnd : max), needs[0]!.periodEnd);
  return {
    key,
    topic,
    needs,
    municipalityCodes: [...peopleByPlace.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([code]) => code),
    remoteNeeds: needs.filter((n) => !isLocal(n)).length,
    periodStart,
    periodEnd,
    season: seasonOf(periodStart, periodEnd),
    // A need posted without a company counts its poster as one.
    companyCount: new Set(needs.map((n) => n.organisationId ?? `person:${n.postedBy}`)).size,
    people: needs.reduce((sum, n) => sum + n.positions, 0),
  };
}

/**
 * The demand pools of these needs (open COURSE needs), per topic, or of one topic only; the
 * largest first (by people, then needs), then by key so that the order is stable.
 */
export function formPools<N extends PoolNeed>(
  needs: N[],
  options: { topic?: string | null; maxKm?: number } = {},
): DemandPool<N>[] {
  const byTopic = new Map<string, N[]>();
  for (const need of needs) {
    for (const topic of need.topics) {
      if (options.topic && topic !== options.topic) continue;
      const list = byTopic.get(topic);
      if (list) list.push(need);
      else byTopic.set(topic, [need]);
    }
  }
  return [...byTopic.entries()]
    .flatMap(([topic, list]) => poolsOfTopic(topic, list, options.maxKm ?? POOL_DISTANCE_KM))
    .sort((a, b) => b.people - a.people || b.needs.length - a.needs.length || (a.key < b.key ? -1 : 1));
}
