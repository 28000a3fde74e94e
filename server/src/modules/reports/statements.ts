/**
 * The report's SQL: one statement per kind of fact, each reading the span from the previous
 * period's first day to the current period's last once (an index range scan) and answering several
 * groupings at once (GROUPING SETS), so that a figure and its previous value cost one scan. The
 * statements are independent and run side by side on the pool. Companies are counted in the use
 * case (./queries.ts) as the union of the sets these return, as no sum of counts can be.
 * Definitions: shared/src/reports.ts (REPORT_TEXTS), which the tests hold these to.
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
/** The Helsinki month ("YYYY-MM") of an instant. */
const monthOf = (at: SQL) =>
  sql`to_char(date_trunc('month', ${at}, 'Europe/Helsinki') at time zone 'Europe/Helsinki', 'YYYY-MM')`;

/**
 * Needs published in either period. Rows by `g` (which grouping): 'STATE' by kind and state at the
 * end of its period; 'MONTH' by month and kind (current period); 'PLACE' the ones with a place and
 * those outside Rovaniemi; 'COMPANY' the companies that posted.
 */
export const needFacts = (b: Bounds) => sql`
  select case grouping(s.kind, s.state, s.month, s.organisation_id)
           when 3 then 'STATE' when 5 then 'MONTH' when 15 then 'PLACE' else 'COMPANY' end as g,
         s.period, s.kind, s.state, s.month, s.organisation_id,
         count(*)::int as count,
         (count(s.place))::int as placed,
         (count(*) filter (where s.place <> ${ROVANIEMI_CODE}))::int as outside
  from (
    select ${periodOf(sql`n.published_at`, b)} as period, n.kind, n.organisation_id, n.municipality_code as place,
           case when n.published_at >= ${b.mid} then ${monthOf(sql`n.published_at`)} end as month,
           case
             when n.filled_at < e.period_end then 'FILLED'
             -- The only move between ended states is EXPIRED → FILLED: before filling it was EXPIRED.
             when n.ended_at < e.period_end then case when n.state = 'FILLED' then 'EXPIRED' else n.state end
             else 'OPEN'
           end as state
    from ${reportNeeds} n
    cross join lateral (select case when n.published_at >= ${b.mid} then ${b.hi} else ${b.mid} end as period_end) e
    where n.published_at >= ${b.lo} and n.published_at < ${b.hi}
  ) s
  group by grouping sets ((s.period, s.kind, s.state), (s.period, s.month, s.kind), (s.period), (s.period, s.organisation_id))`;

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
 * Matches made in either period. 'HOW' by how, the need's kind and whether a student was placed;
 * 'COMPANY' per company: its placements and whether it cooperated with an educational
 * organisation (a placement, or a match with one's course or pool); 'PLACE' placements and
 * matches per municipality; 'EDUCATOR' the educational organisations matched.
 */
export const matchFacts = (b: Bounds) => sql`
  select case grouping(s.how, s.need_kind, s.placement, s.company_id, s.place, s.educator_organisation_id)
           when 7 then 'HOW' when 59 then 'COMPANY' when 61 then 'PLACE' else 'EDUCATOR' end as g,
         s.period, s.how, s.need_kind as kind, s.placement, s.company_id, s.place, s.educator_organisation_id,
         count(*)::int as count,
         (count(*) filter (where s.placement))::int as placements,
         bool_or(s.placement or s.educator_kind = 'EDUCATIONAL') as cooperation
  from (
    select ${periodOf(sql`m.matched_at`, b)} as period, m.how, m.need_kind, m.placement, m.company_id,
           m.municipality_code as place, m.educator_organisation_id, e.kind as educator_kind
    from ${reportMatches} m
    left join ${organisations} e on e.id = m.educator_organisation_id
    where m.matched_at >= ${b.lo} and m.matched_at < ${b.hi}
  ) s
  group by grouping sets ((s.period, s.how, s.need_kind, s.placement), (s.period, s.company_id), (s.period, s.place),
                          (s.period, s.educator_organisation_id))`;

/**
 * Confirmed bookings on the sessions held in either period (started in it, ended, not cancelled: a
 * cancelled session cancels its bookings). 'TOTAL' sums; 'MONTH' attendance per month (current
 * period); 'PLACE' seats per session municipality; 'COMPANY' per company (null: people on their
 * own) its attendance, attendance at educational organisations' courses and seats online.
 */
export const bookingFacts = (b: Bounds) => sql`
  select case grouping(s.month, s.place, s.company_id)
           when 7 then 'TOTAL' when 3 then 'MONTH' when 5 then 'PLACE' else 'COMPANY' end as g,
         s.period, s.month, s.place, s.company_id,
         sum(s.seats)::int as seats,
         sum(s.attended)::int as attended,
         (sum(s.participants) filter (where s.marked > 0))::int as marked_participants,
         (sum(s.attended) filter (where s.marked > 0))::int as marked_attended,
         (sum(s.attended) filter (where s.educator_kind = 'EDUCATIONAL'))::int as attended_educational,
         (sum(s.seats) filter (where s.place is null))::int as online_seats
  from (
    select ${periodOf(sql`r.session_starts_at`, b)} as period,
           case when r.session_starts_at >= ${b.mid} then ${monthOf(sql`r.session_starts_at`)} end as month,
           r.municipality_code as place, r.company_id, r.seats, r.attended, r.participants, r.marked, r.educator_kind
    from ${reportBookings} r
    where r.state = 'CONFIRMED' and r.session_starts_at >= ${b.lo} and r.session_starts_at < ${b.hi}
      and r.session_ends_at <= now()
  ) s
  group by grouping sets ((s.period), (s.period, s.month), (s.period, s.place), (s.period, s.company_id))`;

/**
 * Sessions held in either period, with the courses and educational organisations behind them and
 * how many have a place outside Rovaniemi; 'MONTH' rows count them per month (current period);
 * 'CANCELLED' rows count those cancelled in the period for too few participants.
 */
export const sessionFacts = (b: Bounds) => sql`
  with held as (
    select ${periodOf(sql`s.starts_at`, b)} as period, s.offer_id, o.organisation_id, s.municipality_code as place,
           case when s.starts_at >= ${b.mid} then ${monthOf(sql`s.starts_at`)} end as month
    from ${courseSessions} s
    join ${offers} o on o.id = s.offer_id
    where s.starts_at >= ${b.lo} and s.starts_at < ${b.hi} and s.cancelled_at is null and s.ends_at <= now()
  )
  select 'TOTAL' as g, period, null as month, count(*)::int as sessions, count(distinct offer_id)::int as courses,
         count(place)::int as placed, (count(*) filter (where place <> ${ROVANIEMI_CODE}))::int as outside,
         array_agg(distinct organisation_id) as educators
  from held group by period
  union all
  select 'MONTH', period, month, count(*)::int, 0, 0, 0, null from held where period = 'C' group by period, month
  union all
  select 'CANCELLED', ${periodOf(sql`cancelled_at`, b)}, null, count(*)::int, 0, 0, 0, null
  from ${courseSessions}
  where cancel_reason = 'MINIMUM_NOT_REACHED' and cancelled_at >= ${b.lo} and cancelled_at < ${b.hi}
  group by 2`;

/** Every company with its municipality (the sets above are counted and placed against it). */
export const companies = () => sql`
  select id, municipality_code from ${organisations} where kind = 'COMPANY'`;

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
    needFacts: needFacts(b),
    medians: medians(b),
    matchFacts: matchFacts(b),
    bookingFacts: bookingFacts(b),
    sessionFacts: sessionFacts(b),
    companies: companies(),
    members: members(b),
  };
}
