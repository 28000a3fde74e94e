/**
 * The report's SQL. Every statement reads the whole span from the previous period's first day to
 * the current period's last, once, and splits it with `FILTER`: each figure beside the previous one
 * costs one scan. Facts are the anonymous report_* tables (./tables.ts); sessions, offers and
 * organisations are read where they live (none of them is a person's data, and a booked session is
 * never deleted). Definitions: shared/src/reports.ts (REPORT_TEXTS), which the tests hold these to.
 */
import { previousPeriod, ROVANIEMI_CODE, type ReportPeriod } from '@keskusvaraamo/shared';
import { sql, type SQL } from 'drizzle-orm';
import { courseSessions, offers } from '../offers/tables.js';
import { organisations } from '../organisations/tables.js';
import { reportBookings, reportMatches, reportNeeds } from './tables.js';

/** The three instants that bound the two periods: previous [lo, mid), current [mid, hi). */
export interface Bounds {
  lo: SQL;
  mid: SQL;
  hi: SQL;
}

const startOfDay = (date: string) => sql`((${date}::date)::timestamp at time zone 'Europe/Helsinki')`;

export function boundsOf(period: ReportPeriod): Bounds {
  const previous = previousPeriod(period);
  return {
    lo: startOfDay(previous.from),
    mid: startOfDay(period.from),
    hi: sql`(((${period.to}::date + 1))::timestamp at time zone 'Europe/Helsinki')`,
  };
}

/** 'C' for the current period, 'P' for the previous one, by the instant `at`. */
const periodOf = (at: SQL, b: Bounds) => sql`case when ${at} >= ${b.mid} then 'C' else 'P' end`;

/** Needs published in either period, by kind and their state at the end of their period. */
export const needsByKindAndState = (b: Bounds) => sql`
  select kind, period, state, count(*)::int as count
  from (
    select n.kind, p.period,
      case
        when n.filled_at < p.period_end then 'FILLED'
        -- The only move between ended states is EXPIRED → FILLED: before filling it was EXPIRED.
        when n.ended_at < p.period_end then case when n.state = 'FILLED' then 'EXPIRED' else n.state end
        else 'OPEN'
      end as state
    from ${reportNeeds} n
    cross join lateral (
      select ${periodOf(sql`n.published_at`, b)} as period,
             case when n.published_at >= ${b.mid} then ${b.hi} else ${b.mid} end as period_end
    ) p
    where n.published_at >= ${b.lo} and n.published_at < ${b.hi}
  ) s
  group by kind, period, state`;

/** Needs published in each month of the current period, by kind. */
export const needsPerMonth = (b: Bounds) => sql`
  select to_char(published_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month, kind, count(*)::int as count
  from ${reportNeeds}
  where published_at >= ${b.mid} and published_at < ${b.hi}
  group by 1, 2`;

/** Matches made in either period, by how and by the need's kind, and the placements among them. */
export const matchesMade = (b: Bounds) => sql`
  select ${periodOf(sql`matched_at`, b)} as period, how, need_kind as kind, placement,
         count(*)::int as count
  from ${reportMatches}
  where matched_at >= ${b.lo} and matched_at < ${b.hi}
  group by 1, 2, 3, 4`;

/** Medians in days of publication → first match and publication → filled, for either period. */
export const medians = (b: Bounds) => sql`
  select 'FIRST_MATCH' as measure, ${periodOf(sql`first_match_at`, b)} as period,
         percentile_cont(0.5) within group (order by extract(epoch from first_match_at - published_at) / 86400)::float8 as days
  from ${reportNeeds}
  where first_match_at >= ${b.lo} and first_match_at < ${b.hi}
  group by 2
  union all
  select 'FILLED', ${periodOf(sql`filled_at`, b)},
         percentile_cont(0.5) within group (order by extract(epoch from filled_at - published_at) / 86400)::float8
  from ${reportNeeds}
  where filled_at >= ${b.lo} and filled_at < ${b.hi}
  group by 2`;

/**
 * Sessions held (started in the period, ended, not cancelled) with their confirmed bookings' seats,
 * participants and attendance, one row per session; the figures are summed from these in SQL below.
 */
const heldSessions = (b: Bounds) => sql`
  select s.id, s.offer_id, o.organisation_id as educator_organisation_id, eo.kind as educator_kind,
         s.municipality_code, ${periodOf(sql`s.starts_at`, b)} as period,
         to_char(s.starts_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month
  from ${courseSessions} s
  join ${offers} o on o.id = s.offer_id
  join ${organisations} eo on eo.id = o.organisation_id
  where s.starts_at >= ${b.lo} and s.starts_at < ${b.hi} and s.cancelled_at is null and s.ends_at <= now()`;

/** Course figures for either period, and sessions per month for the current one. */
export const courseFigures = (b: Bounds) => sql`
  with held as (${heldSessions(b)}),
  per_session as (
    select h.id, h.offer_id, h.period, h.month,
           coalesce(sum(rb.seats), 0)::int as seats,
           coalesce(sum(rb.participants), 0)::int as participants,
           coalesce(sum(rb.marked), 0)::int as marked,
           coalesce(sum(rb.attended), 0)::int as attended
    from held h
    left join ${reportBookings} rb on rb.session_id = h.id and rb.state = 'CONFIRMED'
    group by h.id, h.offer_id, h.period, h.month
  )
  select period, null as month,
         count(distinct offer_id)::int as courses, count(*)::int as sessions,
         sum(seats)::int as seats, sum(attended)::int as attended,
         (sum(participants) filter (where marked > 0))::int as marked_participants,
         (sum(attended) filter (where marked > 0))::int as marked_attended
  from per_session group by period
  union all
  select 'M', month, 0, count(*)::int, 0, sum(attended)::int, 0, 0
  from per_session where period = 'C' group by month`;

/** Sessions cancelled in either period because their minimum was not reached. */
export const cancelledTooFew = (b: Bounds) => sql`
  select ${periodOf(sql`cancelled_at`, b)} as period, count(*)::int as count
  from ${courseSessions}
  where cancel_reason = 'MINIMUM_NOT_REACHED' and cancelled_at >= ${b.lo} and cancelled_at < ${b.hi}
  group by 1`;

/**
 * Everything that involves companies and places, from one set of activity rows: needs posted,
 * matches made and confirmed bookings on sessions held. Gives companies served and active, people
 * served per municipality, the share outside Rovaniemi, active educational organisations and the
 * four EU indicators.
 */
export const reachAndIndicators = (b: Bounds) => sql`
  with held as (${heldSessions(b)}),
  activity as (
    select 'NEED' as what, ${periodOf(sql`n.published_at`, b)} as period, n.organisation_id as company_id,
           n.municipality_code as place, null::uuid as educator_organisation_id, null::text as educator_kind,
           0 as people, 0 as attended, false as placement
    from ${reportNeeds} n
    where n.published_at >= ${b.lo} and n.published_at < ${b.hi}
    union all
    select 'MATCH', ${periodOf(sql`m.matched_at`, b)}, m.company_id, m.municipality_code,
           m.educator_organisation_id, eo.kind::text, case when m.placement then 1 else 0 end, 0, m.placement
    from ${reportMatches} m
    left join ${organisations} eo on eo.id = m.educator_organisation_id
    where m.matched_at >= ${b.lo} and m.matched_at < ${b.hi}
    union all
    select 'SESSION', h.period, null, h.municipality_code, h.educator_organisation_id, h.educator_kind::text, 0, 0, false
    from held h
    union all
    select 'BOOKING', h.period, rb.company_id, coalesce(h.municipality_code, co.municipality_code),
           h.educator_organisation_id, h.educator_kind::text, rb.seats, rb.attended, false
    from held h
    join ${reportBookings} rb on rb.session_id = h.id and rb.state = 'CONFIRMED'
    left join ${organisations} co on co.id = rb.company_id
  ),
  with_company as (
    select a.*, c.kind = 'COMPANY' as is_company, c.municipality_code as company_place
    from activity a
    left join ${organisations} c on c.id = a.company_id
  )
  select 'TOTALS' as row_kind, period, null as place,
    (count(distinct company_id) filter (where is_company))::int as active_companies,
    (count(distinct company_id) filter (where is_company and what in ('MATCH', 'BOOKING')))::int as companies_served,
    sum(people)::int as people_served,
    (count(*) filter (where what <> 'BOOKING' and place is not null))::int as placed_activities,
    (count(*) filter (where what <> 'BOOKING' and place is not null and place <> ${ROVANIEMI_CODE}))::int as outside_rovaniemi,
    (count(distinct educator_organisation_id) filter (where what in ('MATCH', 'SESSION')))::int as active_educational,
    (count(distinct company_id) filter (where is_company and (what = 'MATCH' or (what = 'BOOKING' and attended > 0))))::int as rco01,
    (count(distinct company_id) filter (where is_company and (
        (what = 'MATCH' and (placement or educator_kind = 'EDUCATIONAL'))
        or (what = 'BOOKING' and attended > 0 and educator_kind = 'EDUCATIONAL'))))::int as rco10,
    (count(*) filter (where is_company and what = 'MATCH' and placement))::int as rcr97,
    (sum(attended) filter (where is_company and what = 'BOOKING'))::int as rcr98
  from with_company group by period
  union all
  select 'PLACE', period, place, 0, 0, sum(people)::int, 0, 0, 0, 0, 0, 0, 0
  from with_company where what in ('MATCH', 'BOOKING') and people > 0 group by period, place
  union all
  select 'COMPANY_PLACE', period, company_place, 0, (count(distinct company_id))::int, 0, 0, 0, 0, 0, 0, 0, 0
  from with_company where is_company and what in ('MATCH', 'BOOKING') group by period, company_place`;

/** Verified cluster members at the end of each period, and those verified during it. */
export const members = (b: Bounds) => sql`
  select
    (count(*) filter (where verified_at < ${b.hi}))::int as verified_current,
    (count(*) filter (where verified_at < ${b.mid}))::int as verified_previous,
    (count(*) filter (where verified_at >= ${b.mid} and verified_at < ${b.hi}))::int as new_current,
    (count(*) filter (where verified_at >= ${b.lo} and verified_at < ${b.mid}))::int as new_previous
  from ${organisations}
  where verified_at is not null`;

/** Every statement of the report, by name: the use case runs them, the benchmark runs them raw. */
export function reportStatements(period: ReportPeriod) {
  const b = boundsOf(period);
  return {
    needsByKindAndState: needsByKindAndState(b),
    needsPerMonth: needsPerMonth(b),
    matchesMade: matchesMade(b),
    medians: medians(b),
    courseFigures: courseFigures(b),
    cancelledTooFew: cancelledTooFew(b),
    reachAndIndicators: reachAndIndicators(b),
    members: members(b),
  };
}
