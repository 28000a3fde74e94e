/**
 * Unmet demand: open needs that nothing published answers, grouped by topic and municipality. A
 * COURSE need is answered by a published course with a session ahead that shares a topic with it;
 * a placement (internship, summer job, thesis) by a published student pool of the same kind that
 * shares a topic. A need with several topics counts under each of them. Read live (it is about now).
 */
import type { NeedKind } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import { reportPolicy } from './policy.js';
import type { UnmetDemandDto } from './types.js';

export const unmetDemandStatement = (limit: number) => sql`
  with open_needs as (
    select n.id, n.kind, n.topics, n.organisation_id, n.municipality_code, n.positions, n.published_at
    from ${needs} n
    where n.state = 'OPEN'
  ),
  answered_course_topics as (
    select distinct t.topic
    from ${offers} o
    cross join lateral unnest(o.topics) as t(topic)
    where o.kind = 'COURSE' and o.state = 'PUBLISHED'
      and exists (select 1 from ${courseSessions} s
                  where s.offer_id = o.id and s.cancelled_at is null and s.starts_at > now())
  ),
  answered_pool_topics as (
    select distinct k.kind, t.topic
    from ${offers} o
    cross join lateral unnest(o.topics) as t(topic)
    cross join lateral unnest(o.placement_kinds) as k(kind)
    where o.kind = 'STUDENT_POOL' and o.state = 'PUBLISHED'
  ),
  unanswered as (
    select n.* from open_needs n
    where case when n.kind = 'COURSE'
      then not exists (select 1 from answered_course_topics a where a.topic = any(n.topics))
      else not exists (select 1 from answered_pool_topics a where a.kind = n.kind::text and a.topic = any(n.topics))
    end
  )
  select u.kind, t.topic, u.municipality_code,
         count(*)::int as needs, sum(u.positions)::int as people,
         count(distinct u.organisation_id)::int as companies,
         min(u.published_at) as waiting_since,
         (array_agg(u.id order by u.published_at, u.id))[1:5] as example_ids
  from unanswered u
  cross join lateral unnest(u.topics) as t(topic)
  group by u.kind, t.topic, u.municipality_code
  order by sum(u.positions) desc, count(*) desc, min(u.published_at), t.topic, u.kind, u.municipality_code
  limit ${limit}`;

export const UNMET_DEMAND_MAX = 100;

/** Unmet demand, largest first: coordinators and educators. */
export async function unmetDemand(deps: Deps, viewer: Viewer | null, limit: unknown): Promise<UnmetDemandDto[]> {
  if (!viewer) throw unauthenticated();
  if (!reportPolicy.readUnmetDemand(viewer)) throw forbidden('Only coordinators and educators see unmet demand');
  const n = parseInput(unmetDemandLimit, limit ?? 50);
  const rows = await queryRows<{
    kind: NeedKind;
    topic: string;
    municipality_code: string | null;
    needs: number;
    people: number;
    companies: number;
    waiting_since: string | Date;
    example_ids: string[];
  }>(deps.db, unmetDemandStatement(n));
  return rows.map((r) => ({
    kind: r.kind,
    topic: r.topic,
    municipalityCode: r.municipality_code,
    needs: r.needs,
    people: r.people,
    companies: r.companies,
    waitingSince: new Date(r.waiting_since).toISOString(),
    exampleIds: r.example_ids,
  }));
}

const unmetDemandLimit = z
  .number({ error: 'validation.number' })
  .int({ error: 'validation.number' })
  .min(1, { error: 'validation.pageSize' })
  .max(UNMET_DEMAND_MAX, { error: 'validation.pageSize' });
