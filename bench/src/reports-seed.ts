/**
 * The past the reports benchmark reports on, on top of the search benchmark's marketplace seeded
 * with `historyDays` (./seed.ts): needs that aged (filled, closed or expired), applications with
 * their timelines, accepted proposals with their matches, bookings with participants and
 * attendance, sessions cancelled for too few participants, members verified over the years.
 * Everything set-based (INSERT … SELECT generate_series, one UPDATE per change) and through the
 * app's tables, so that the triggers of migrations/0011_report_facts.sql record the report's facts
 * as they do in the app: no fact is written here directly.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';

export interface HistorySizes {
  /** Days of history, as given to seed(): needs, sessions and verifications spread over them. */
  historyDays: number;
  bookings: number;
  applications: number;
  /** Proposals accepted by both sides, each a match. */
  proposals: number;
}

export interface HistoryStep {
  step: string;
  ms: number;
  rows: number;
}

/** Temp tables of what the history draws from, numbered from 0 for picking by modulo. */
const PICK_TABLES = [
  `create temp table h_placement as
     select (row_number() over (order by id) - 1)::int as i, id, published_at
     from needs where kind <> 'COURSE' and published_at is not null`,
  `create temp table h_course_need as
     select (row_number() over (order by id) - 1)::int as i, id, published_at, organisation_id
     from needs where kind = 'COURSE' and published_at is not null`,
  `create temp table h_student as
     select (row_number() over (order by id) - 1)::int as i, id from users where 'STUDENT' = any(roles)`,
  // Bookers: entrepreneurs (each owns a company, so their bookings count for it) and, for one
  // booking in six, students and educators booking for themselves.
  `create temp table h_entrepreneur as
     select (row_number() over (order by id) - 1)::int as i, id from users where 'ENTREPRENEUR' = any(roles)`,
  `create temp table h_person as
     select (row_number() over (order by id) - 1)::int as i, id from users where not ('ENTREPRENEUR' = any(roles))`,
  `create temp table h_session as
     select (row_number() over (order by id) - 1)::int as i, id, offer_id, starts_at, ends_at, cancelled_at
     from course_sessions`,
  `create temp table h_course as
     select (row_number() over (order by id) - 1)::int as i, id from offers where kind = 'COURSE' and published_at is not null`,
];

/**
 * Open needs older than four months moved on as they would have: 35 % filled, 25 % closed, 40 %
 * expired, 3–60 days after publication. One UPDATE of `state`: the need trigger records each.
 */
const AGE_NEEDS_SQL = `
  update needs n set
    state = x.state::need_state,
    updated_at = x.at,
    closed_at = case when x.state in ('FILLED', 'CLOSED') then x.at end
  from (
    select id, least(now(), published_at + (3 + random() * 57) * interval '1 day') as at,
      case when r < 0.35 then 'FILLED' when r < 0.60 then 'CLOSED' else 'EXPIRED' end as state
    from (select id, published_at, random() as r from needs
          where state = 'OPEN' and published_at < now() - interval '120 days') o
  ) x
  where n.id = x.id`;

/** Sessions the seed cancelled (at seeding time): cancelled before they started, half for too few participants. */
const CANCELLED_SESSIONS_SQL = `
  update course_sessions set
    cancelled_at = least(now(), starts_at - interval '2 days'),
    registration_deadline = least(registration_deadline, starts_at - interval '3 days'),
    cancel_reason = case when random() < 0.5 then 'MINIMUM_NOT_REACHED' else 'SESSION_CANCELLED' end
  where cancelled_at is not null`;
const MINIMUM_SQL = `
  update course_sessions set min_participants = least(seats, 6), decision_at = starts_at - interval '2 days'
  where cancel_reason = 'MINIMUM_NOT_REACHED'`;

/** Members verified at some moment of the history rather than at seeding time. */
const VERIFIED_SQL = `
  update organisations set verified_at = now() - random() * $1::int * interval '1 day' where verified_at is not null`;

/**
 * Applications to placements: need and student pairs that never repeat (one per student and need),
 * sent within three weeks of the need's publication; their states as a season ends: 12 % accepted,
 * 30 % rejected, 3 % declined, 5 % withdrawn, the rest under way.
 */
const APPLICATIONS_SQL = `
  insert into applications (need_id, student_id, profile_user_id, cover_letter, state, reject_reason, created_at, updated_at)
  with r as materialized (
    select g, random() as r_state, random() as r_sent, random() as r_step,
      (g::bigint * 48271) % (select count(*) from h_placement) as need_i,
      (g::bigint * 7919 + g / (select count(*) from h_placement)) % (select count(*) from h_student) as student_i
    from generate_series(1, $1::int) g
  ),
  s as (
    select r.*, n.id as need_id, n.published_at, st.id as student_id,
      case when r_state < 0.12 then 'ACCEPTED' when r_state < 0.42 then 'REJECTED' when r_state < 0.45 then 'DECLINED'
           when r_state < 0.50 then 'WITHDRAWN' when r_state < 0.55 then 'OFFERED' when r_state < 0.70 then 'SHORTLISTED'
           else 'SUBMITTED' end as state,
      least(now(), n.published_at + r_sent * interval '21 days') as sent_at
    from r
    join h_placement n on n.i = r.need_i
    join h_student st on st.i = r.student_i
  )
  select need_id, student_id, null,
    'Hei! Haen tehtävää, koska opintoni sopivat siihen hyvin ja haluan oppia lisää alan työstä.',
    state::application_state, case when state = 'REJECTED' and r_step < 0.3 then 'Valitsimme toisen hakijan.' end,
    sent_at, least(now(), sent_at + (1 + r_step * 20) * interval '1 day')
  from s
  on conflict do nothing`;

/**
 * Each application's timeline: submitted, then offered (for those offered, accepted or declined),
 * then its last state at its last change. The trigger records a match for each acceptance.
 */
const APPLICATION_EVENTS_SQL = `
  insert into application_events (application_id, from_state, to_state, actor_id, at)
  select a.id, e.from_state::application_state, e.to_state::application_state, null, e.at
  from applications a
  cross join lateral (
    select null as from_state, 'SUBMITTED' as to_state, a.created_at as at
    union all
    select 'SUBMITTED', 'OFFERED', a.created_at + (a.updated_at - a.created_at) / 2
    where a.state in ('OFFERED', 'ACCEPTED', 'DECLINED')
    union all
    select case when a.state in ('ACCEPTED', 'DECLINED') then 'OFFERED' else 'SUBMITTED' end, a.state::text, a.updated_at
    where a.state not in ('SUBMITTED', 'OFFERED')
  ) e`;

/**
 * Proposals a coordinator made and both sides accepted: a course for a COURSE need (60 %) or a
 * student for a placement, decided 2–40 days after the need's publication.
 */
const PROPOSALS_SQL = `
  insert into proposals (need_id, target_kind, offer_id, student_id, origin, proposed_by, note, state,
    need_answer, need_answered_at, target_answer, target_answered_at, created_at, decided_at)
  with r as materialized (
    select g, random() < 0.6 as for_course, random() as r_at,
      floor(random() * (select count(*) from h_course_need))::int as cn,
      floor(random() * (select count(*) from h_placement))::int as pn,
      floor(random() * (select count(*) from h_course))::int as c,
      floor(random() * (select count(*) from h_student))::int as st
    from generate_series(1, $1::int) g
  ),
  p as (
    select r.*, case when for_course then cn.id else pn.id end as need_id,
      case when for_course then cn.published_at else pn.published_at end as published_at,
      co.id as offer_id, s.id as student_id
    from r
    join h_course_need cn on cn.i = r.cn
    join h_placement pn on pn.i = r.pn
    join h_course co on co.i = r.c
    join h_student s on s.i = r.st
  )
  select need_id, case when for_course then 'OFFER' else 'STUDENT' end,
    case when for_course then offer_id end, case when for_course then null else student_id end,
    'COORDINATOR', $2::uuid, '', 'ACCEPTED', 'ACCEPTED', d.at, 'ACCEPTED', d.at,
    least(d.at, published_at + interval '1 day'), d.at
  from p cross join lateral (select least(now(), published_at + (2 + r_at * 38) * interval '1 day') as at) d`;

const MATCHES_SQL = `
  insert into matches (need_id, proposal_id, matched_at, minutes_to_match)
  select p.need_id, p.id, p.decided_at, greatest(0, extract(epoch from p.decided_at - n.published_at) / 60)::int
  from proposals p join needs n on n.id = p.need_id
  where p.state = 'ACCEPTED'`;

/**
 * Bookings, confirmed when made (1–40 days before the session), one to three seats; one in fifty
 * books a course for a COURSE need (a BOOKING match). A later UPDATE cancels 12 % of them, as a
 * booker would: the booking trigger records each confirmation and each cancellation.
 */
const BOOKINGS_SQL = `
  insert into bookings (session_id, booked_by, state, seats, idempotency_key, confirmed_at, created_at, updated_at, need_id)
  with r as materialized (
    select g, random() as r_who, random() as r_seats, random() as r_at, random() as r_need,
      floor(random() * (select count(*) from h_session))::int as si,
      floor(random() * (select count(*) from h_entrepreneur))::int as ei,
      floor(random() * (select count(*) from h_person))::int as pi,
      floor(random() * (select count(*) from h_course_need))::int as ni
    from generate_series(1, $1::int) g
  )
  select s.id, case when r.r_who < 0.83 then e.id else p.id end, 'CONFIRMED',
    case when r.r_seats < 0.6 then 1 when r.r_seats < 0.85 then 2 else 3 end,
    'bench-history-' || r.g, b.at, b.at, b.at,
    case when r.r_need < 0.02 then n.id end
  from r
  join h_session s on s.i = r.si
  join h_entrepreneur e on e.i = r.ei
  join h_person p on p.i = r.pi
  join h_course_need n on n.i = r.ni
  cross join lateral (select least(now(), s.starts_at - (1 + r.r_at * 39) * interval '1 day') as at) b`;

const CANCEL_BOOKINGS_SQL = `
  update bookings b set state = 'CANCELLED', cancel_reason = 'BY_BOOKER',
    cancelled_at = least(now(), b.confirmed_at + (s.starts_at - b.confirmed_at) / 2),
    updated_at = least(now(), b.confirmed_at + (s.starts_at - b.confirmed_at) / 2)
  from course_sessions s
  where s.id = b.session_id and b.idempotency_key like 'bench-history-%' and random() < 0.12`;

/**
 * A participant per seat; on a session held (ended, not cancelled), 85 % of organisers marked
 * attendance, and 88 % of those marked were present. Each row fires the participants trigger.
 */
const PARTICIPANTS_SQL = `
  insert into booking_participants (booking_id, position, name, email, attended)
  select b.id, k, 'Osallistuja ' || k, 'osallistuja' || k || '.' || left(b.id::text, 8) || '@example.fi',
    case when s.ends_at <= now() and s.cancelled_at is null and m.marked then random() < 0.88 end
  from bookings b
  join course_sessions s on s.id = b.session_id
  -- correlated, so that it is drawn per booking and not once
  cross join lateral (select random() < 0.85 as marked where b.id is not null) m
  cross join lateral generate_series(1, b.seats) k
  where b.idempotency_key like 'bench-history-%'`;

export async function seedHistory(client: pg.Client, sizes: HistorySizes): Promise<HistoryStep[]> {
  const steps: HistoryStep[] = [];
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(text, params);
    steps.push({ step: name, ms: Math.round(performance.now() - t0), rows: result.rowCount ?? 0 });
  };
  await client.query('select setseed(0.1414)');
  await step('needs aged', AGE_NEEDS_SQL);
  // The search index lists open needs only; these left it.
  await step('search_items', `delete from search_items s using needs n where s.id = n.id and n.state <> 'OPEN'`);
  await step('sessions cancelled', CANCELLED_SESSIONS_SQL);
  await step('session minimums', MINIMUM_SQL);
  await step('members verified', VERIFIED_SQL, [sizes.historyDays]);
  for (const text of PICK_TABLES) await client.query(text);
  await step('applications', APPLICATIONS_SQL, [sizes.applications]);
  await step('application_events', APPLICATION_EVENTS_SQL);
  const coordinator = await client.query<{ id: string }>(
    `insert into users (email, email_verified_at, password_hash, display_name, roles, locale)
     values ('bench.history.coordinator@example.fi', now(), 'x', 'Koordinaattori', '{COORDINATOR}', 'fi') returning id`,
  );
  await step('proposals', PROPOSALS_SQL, [sizes.proposals, coordinator.rows[0]!.id]);
  await step('matches', MATCHES_SQL);
  await step('bookings', BOOKINGS_SQL, [sizes.bookings]);
  await step('bookings cancelled', CANCEL_BOOKINGS_SQL);
  await step('booking_participants', PARTICIPANTS_SQL);
  const t0 = performance.now();
  await client.query('vacuum analyze');
  steps.push({ step: 'vacuum analyze', ms: Math.round(performance.now() - t0), rows: 0 });
  return steps;
}

/** The facts the triggers recorded, to print beside the source rows. */
export async function factCounts(client: pg.Client | pg.Pool) {
  const { rows } = await client.query<{ name: string; n: number }>(`
    select 'report_needs' as name, count(*)::int as n from report_needs
    union all select 'report_matches', count(*)::int from report_matches
    union all select 'report_bookings', count(*)::int from report_bookings
    union all select 'bookings', count(*)::int from bookings
    union all select 'applications', count(*)::int from applications
    union all select 'booking_participants', count(*)::int from booking_participants`);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}
