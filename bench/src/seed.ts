/**
 * Seeds a migrated, empty database with a marketplace of realistic size, set-based (INSERT ...
 * SELECT generate_series), then fills `search_items` the way the app's `indexDocument` does, in
 * one INSERT ... SELECT. Everything runs on one connection: the word lists are temp tables.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { vocabulary } from './vocabulary.js';

export interface SeedSizes {
  needs: number;
  offers: number;
  sessions: number;
  users: number;
  companies: number;
  educational: number;
  /** Students with a profile (users of their own, role STUDENT); 0 or absent: none. */
  students?: number;
  /**
   * A past to report on (the reports benchmark): needs published over this many days before now
   * instead of 180, each filled, closed or expired need changing state (`updated_at`, and
   * `closed_at`) 3–60 days after publication instead of now, and sessions starting from this many
   * days back instead of 60. Absent: the search and matching benchmarks' data, unchanged.
   */
  historyDays?: number;
}

export interface SeedReport {
  steps: { step: string; ms: number; rows: number }[];
  totalMs: number;
  /** search_items rows per kind, and what the source tables say there should be. */
  index: { kind: string; rows: number; expected: number }[];
}

/** A fixed dummy hash: nobody signs in as a seeded user. */
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaA$bm90LWEtcmVhbC1oYXNoLWp1c3QtYmVuY2g';

/** "Title" case for the first letter only, as a person would type it. */
const capitalise = (expr: string) => `upper(left(${expr}, 1)) || substr(${expr}, 2)`;

/** Fills the {T} {A} {T2} {A2} {M} slots of a template expression. */
const fill = (tpl: string) =>
  `replace(replace(replace(replace(replace(${tpl}, '{T2}', tw2), '{A2}', a2w), '{T}', tw1), '{A}', a1w), '{M}', muni_name)`;

/**
 * Rows with their random picks, resolved to words in the row's language. `extra` adds columns to
 * the materialised random CTE; `kindSql` and `stateSql` map the first two random numbers.
 */
function pickedRows(opts: { count: string; kindSql: string; stateSql: string; titleKind: string; bodyGroup: string }) {
  return `
  r as materialized (
    select g, ${opts.kindSql} as kind, ${opts.stateSql} as state,
      case when rl < 0.75 then 'fi' when rl < 0.85 then 'sv' else 'en' end as lang,
      floor(random() * (select count(*) from w_topic))::int as t1,
      floor(random() * (select count(*) from w_topic))::int as t2,
      floor(random() * (select count(*) from w_act))::int as a1,
      floor(random() * (select count(*) from w_act))::int as a2,
      floor(power(random(), 2) * (select count(*) from w_muni))::int as m,
      floor(random() * 1000000)::int as pick,
      random() as r_remote, random() as r_second, random() as r_deadline, random() as r_pub, random() as r_org,
      random() as r_pay, random() as r_lang2,
      (20 + floor(random() * 300))::int as start_in, (30 + floor(random() * 120))::int as length_days
    from (select g, random() as rk, random() as rs, random() as rl from generate_series(1, ${opts.count}) g) x
  ),
  p as (
    select r.*, t1.id as topic1, t2.id as topic2, m.code as muni, m.name as muni_name,
      case r.lang when 'fi' then t1.fi when 'sv' then t1.sv else t1.en end as t1p,
      case r.lang when 'fi' then t2.fi when 'sv' then t2.sv else t2.en end as t2p,
      case r.lang when 'fi' then a1.fi when 'sv' then a1.sv else a1.en end as a1w,
      case r.lang when 'fi' then a2.fi when 'sv' then a2.sv else a2.en end as a2w,
      (select tpl from w_title tt where tt.lang = r.lang and tt.kind = ${opts.titleKind}) as title_tpl,
      (select tpls from w_sent s where s.lang = r.lang and s.grp = ${opts.bodyGroup}) as lead_s,
      (select tpls from w_sent s where s.lang = r.lang and s.grp = 'common') as common_s
    from r
    join w_topic t1 on t1.i = r.t1
    join w_topic t2 on t2.i = r.t2
    join w_act a1 on a1.i = r.a1
    join w_act a2 on a2.i = r.a2
    join w_muni m on m.i = r.m
  ),
  q as (
    select p.*,
      t1p[1 + pick % cardinality(t1p)] as tw1,
      t2p[1 + (pick / 7) % cardinality(t2p)] as tw2,
      lead_s[1 + pick % cardinality(lead_s)]
        || ' ' || common_s[1 + (pick / 3) % cardinality(common_s)]
        || ' ' || common_s[1 + (pick / 17) % cardinality(common_s)]
        || ' ' || common_s[1 + (pick / 101) % cardinality(common_s)] as body
    from p
  )`;
}

const NEEDS_SQL = `
  insert into needs (kind, state, organisation_id, posted_by, title, description, language, topics, municipality_code,
    remote, period_start, period_end, positions, pay_kind, pay_amount_cents, budget_cents, thesis_level, languages,
    application_deadline, published_at, closed_at, updated_at)
  with ${pickedRows({
    count: '$1::int',
    // Mostly placements (what search lists), a quarter COURSE needs (which it does not).
    kindSql: `case when rk < 0.35 then 'INTERNSHIP' when rk < 0.60 then 'SUMMER_JOB' when rk < 0.75 then 'THESIS' else 'COURSE' end`,
    stateSql: `case when rs < 0.85 then 'OPEN' when rs < 0.90 then 'DRAFT' when rs < 0.94 then 'FILLED' when rs < 0.97 then 'CLOSED' else 'EXPIRED' end`,
    titleKind: `case when r.kind = 'COURSE' then 'NEED_COURSE' else r.kind end`,
    bodyGroup: `'need'`,
  })}
  select q.kind::need_kind, q.state::need_state, case when q.r_org < 0.9 then c.id end, c.owner,
    ${capitalise(fill('title_tpl'))}, ${fill('body')}, lang,
    case when r_second < 0.4 and topic2 <> topic1 then array[topic1, topic2] else array[topic1] end,
    case when r_remote < 0.04 then null else muni end, r_remote < 0.08,
    current_date + start_in, current_date + start_in + length_days,
    1 + pick % 3,
    (case when q.kind = 'COURSE' then null when r_pay < 0.7 then 'PAID' else 'UNPAID' end)::pay_kind,
    case when q.kind <> 'COURSE' and r_pay < 0.7 then (1800 + (pick % 12) * 100) * 100 end,
    case when q.kind = 'COURSE' then (500 + (pick % 40) * 100) * 100 end,
    case when q.kind = 'THESIS' then (array['VOCATIONAL', 'BACHELOR', 'MASTER'])[1 + pick % 3]::study_level end,
    case when r_lang2 < 0.2 and lang <> 'en' then array[lang, 'en'] else array[lang] end,
    case when q.state = 'EXPIRED' then current_date - 1 - pick % 30
         when r_deadline < 0.1 then null
         else current_date + 3 + floor(r_deadline * (start_in - 3))::int end,
    case when q.state = 'DRAFT' then null else published end,
    case when q.state in ('FILLED', 'CLOSED') then ended end,
    case when q.state in ('FILLED', 'CLOSED', 'EXPIRED') and $2::int is not null then ended else now() end
  from q join w_company c on c.i = q.g % (select count(*) from w_company)
  cross join lateral (
    select date_trunc('milliseconds', now() - r_pub * coalesce($2::int, 180) * interval '1 day') as published
  ) pub
  cross join lateral (
    select case when $2::int is null then now() - r_pub * interval '10 days'
                else least(now(), pub.published + (3 + r_deadline * 57) * interval '1 day') end as ended
  ) e`;

const OFFERS_SQL = `
  insert into offers (kind, state, organisation_id, created_by, title, description, language, topics, municipality_code,
    online, languages, student_count, period_start, period_end, placement_kinds, study_level, field_of_study,
    published_at, archived_at)
  with ${pickedRows({
    count: '$1::int',
    kindSql: `case when rk < 0.85 then 'COURSE' else 'STUDENT_POOL' end`,
    stateSql: `case when rs < 0.85 then 'PUBLISHED' when rs < 0.95 then 'DRAFT' else 'ARCHIVED' end`,
    titleKind: `case when r.kind = 'COURSE' then 'OFFER_COURSE' else r.kind end`,
    bodyGroup: `case when r.kind = 'COURSE' then 'course' else 'pool' end`,
  })}
  select q.kind::offer_kind, q.state::offer_state, e.id, e.owner,
    ${capitalise(fill('title_tpl'))}, ${fill('body')}, lang,
    case when r_second < 0.4 and topic2 <> topic1 then array[topic1, topic2] else array[topic1] end,
    case when r_remote < 0.08 then null else muni end, r_remote < 0.15,
    case when r_lang2 < 0.2 and lang <> 'en' then array[lang, 'en'] else array[lang] end,
    case when q.kind = 'STUDENT_POOL' then 5 + pick % 26 end,
    case when q.kind = 'STUDENT_POOL' then current_date + start_in end,
    case when q.kind = 'STUDENT_POOL' then current_date + start_in + length_days end,
    case when q.kind <> 'STUDENT_POOL' then '{}'::text[]
         when pick % 3 = 0 then '{INTERNSHIP}'::text[]
         when pick % 3 = 1 then '{INTERNSHIP,SUMMER_JOB}'::text[]
         else '{THESIS}'::text[] end,
    case when q.kind = 'STUDENT_POOL' then (array['VOCATIONAL', 'BACHELOR', 'MASTER'])[1 + pick % 3]::study_level end,
    case when q.kind = 'STUDENT_POOL' then 'Energiatekniikka' end,
    case when q.state = 'DRAFT' then null else date_trunc('milliseconds', now() - r_pub * interval '120 days') end,
    case when q.state = 'ARCHIVED' then now() - r_pub * interval '5 days' end
  from q join w_edu e on e.i = q.g % (select count(*) from w_edu)`;

/** Sessions: most in the coming year, some already past (those leave the index), a few cancelled. */
const SESSIONS_SQL = `
  insert into course_sessions (offer_id, starts_at, ends_at, registration_deadline, place, municipality_code, online_url,
    seats, seats_taken, price_cents, language, cancelled_at)
  with r as materialized (
    select g,
      date_trunc('day', now()) + (floor(random() * ($2::int + 360))::int - $2::int) * interval '1 day' + interval '7 hours'
        as starts_at,
      floor(random() * 3)::int as extra_days, (1 + floor(random() * 14))::int as deadline_days,
      (8 + floor(random() * 23))::int as seats, random() as r_taken, random() as r_price, random() as r_cancel, random() as r_lang
    from generate_series(1, $1::int) g
  )
  select c.id, r.starts_at, r.starts_at + r.extra_days * interval '1 day' + interval '7 hours',
    r.starts_at - r.deadline_days * interval '1 day',
    case when c.online then null else 'Koulutuskeskus, ' || m.name end, c.municipality_code,
    case when c.online then 'https://meet.example.fi/kurssi-' || r.g end,
    r.seats, floor(r.r_taken * (r.seats + 1))::int,
    case when r.r_price < 0.1 then 0 else (50 + floor(r.r_price * 850))::int * 100 end,
    case when r.r_lang < 0.9 then c.language else 'en' end,
    case when r.r_cancel < 0.03 then now() end
  from r
  join w_course c on c.i = r.g % (select count(*) from w_course)
  left join w_muni m on m.code = c.municipality_code`;

/**
 * Student profiles for users created just before (role STUDENT, e-mail bench.student…): an
 * institution, a field and level of study, 1–3 topics drawn like the needs' (uniform over the
 * topics, so they overlap with needs and offers as often as those overlap with each other), their
 * language (and English for half), a period they are available in the coming year, a home
 * municipality with the same skew as the needs', a short introduction for most, and about 60 %
 * discoverable (only those are matched with placements).
 */
const STUDENT_PROFILES_SQL = `
  insert into student_profiles (user_id, institution_name, field_of_study, study_level, topics, languages,
    available_from, available_to, home_municipality_code, introduction, discoverable)
  with s as (
    select id, locale, (row_number() over (order by id))::int as g from users where email like 'bench.student%'
  ),
  r as materialized (
    select s.id, s.g, s.locale as lang,
      floor(random() * (select count(*) from w_topic))::int as t1,
      floor(random() * (select count(*) from w_topic))::int as t2,
      floor(random() * (select count(*) from w_topic))::int as t3,
      floor(random() * (select count(*) from w_act))::int as a1,
      random() as r_n, random() as r_lang2, random() as r_period, random() as r_intro, random() as r_disc,
      random() as r_muni,
      floor(power(random(), 2) * (select count(*) from w_muni))::int as m,
      floor(random() * 1000000)::int as pick,
      (10 + floor(random() * 200))::int as start_in, (60 + floor(random() * 120))::int as length_days
    from s
  )
  select r.id,
    ($1::text[])[1 + r.pick % cardinality($1::text[])],
    ($2::text[])[1 + (r.pick / 7) % cardinality($2::text[])],
    (array['VOCATIONAL', 'BACHELOR', 'MASTER'])[1 + (r.pick / 3) % 3]::study_level,
    array[t1.id]
      || case when r.r_n >= 0.4 and r.t2 <> r.t1 then array[t2.id] else '{}'::text[] end
      || case when r.r_n >= 0.75 and r.t3 <> r.t1 and r.t3 <> r.t2 then array[t3.id] else '{}'::text[] end,
    case when r.r_lang2 < 0.5 and r.lang <> 'en' then array[r.lang, 'en'] else array[r.lang] end,
    case when r.r_period < 0.1 then null else current_date + r.start_in end,
    case when r.r_period < 0.1 then null else current_date + r.start_in + r.length_days end,
    case when r.r_muni < 0.05 then null else m.code end,
    case when r.r_intro < 0.3 then null
         else replace(replace(replace(i.tpls[1 + (r.pick / 11) % cardinality(i.tpls)],
           '{T}', case r.lang when 'sv' then t1.sv[1] when 'en' then t1.en[1] else t1.fi[1] end),
           '{A}', case r.lang when 'sv' then a1.sv when 'en' then a1.en else a1.fi end), '{M}', m.name) end,
    r.r_disc < 0.6
  from r
  join w_topic t1 on t1.i = r.t1
  join w_topic t2 on t2.i = r.t2
  join w_topic t3 on t3.i = r.t3
  join w_act a1 on a1.i = r.a1
  join w_muni m on m.i = r.m
  join w_sent i on i.lang = r.lang and i.grp = 'student'`;

/**
 * The index, as needs' and offers' `syncIndex` + search's
 * `indexDocument` write it: open placements, published pools, and published courses that have a
 * session still taking registrations (not cancelled, registration deadline ahead).
 */
export const INDEX_SQL = `
  insert into search_items (id, kind, title, excerpt, language, document, topics, facet_topics, municipality_code, remote,
    period_start, period_end, languages, organisation_name, price_cents, seats_free, next_starts_at,
    application_deadline, starts_on, visible_until, published_at, refresh_at)
  with open_sessions as (
    select * from course_sessions where cancelled_at is null and registration_deadline > now()
  ),
  docs as (
    select n.id, n.kind::text as kind, n.title, n.description, n.language, o.name as org_name, n.topics,
      n.municipality_code, n.remote, n.period_start, n.period_end, n.languages,
      null::int as price_cents, null::int as seats_free, null::timestamptz as next_starts_at, n.application_deadline,
      n.period_start::timestamp at time zone 'UTC' as starts_on,
      (n.application_deadline + 1)::timestamp at time zone 'Europe/Helsinki' as visible_until,
      coalesce(n.published_at, now()) as published_at, null::timestamptz as refresh_at
    from needs n left join organisations o on o.id = n.organisation_id
    where n.state = 'OPEN' and n.kind in ('INTERNSHIP', 'SUMMER_JOB', 'THESIS')
    union all
    select o.id, 'STUDENT_POOL', o.title, o.description, o.language, org.name, o.topics,
      o.municipality_code, o.online, o.period_start, o.period_end, o.languages,
      null, null, null, null,
      o.period_start::timestamp at time zone 'UTC', null, coalesce(o.published_at, now()), null
    from offers o join organisations org on org.id = o.organisation_id
    where o.state = 'PUBLISHED' and o.kind = 'STUDENT_POOL'
    union all
    select o.id, 'COURSE', o.title, o.description, o.language, org.name, o.topics,
      o.municipality_code, o.online,
      (s.first_start at time zone 'Europe/Helsinki')::date, (s.last_end at time zone 'Europe/Helsinki')::date,
      -- the offer's languages, then the sessions' in order of their first start (a JS Set of both)
      o.languages || array(
        select l from unnest(s.languages) with ordinality as u(l, ord)
        where l <> all(o.languages) group by l order by min(ord)),
      s.price_cents, s.seats_free, s.first_start, null, s.first_start, s.visible_until,
      coalesce(o.published_at, now()),
      -- price, seats and dates change when the next session's registration closes
      s.refresh_at
    from offers o
    join organisations org on org.id = o.organisation_id
    join (
      select offer_id, min(starts_at) as first_start, max(ends_at) as last_end, min(price_cents) as price_cents,
        sum(seats - seats_taken)::int as seats_free, max(registration_deadline) as visible_until,
        min(registration_deadline) as refresh_at,
        array_agg(language order by starts_at) as languages
      from open_sessions group by offer_id
    ) s on s.offer_id = o.id
    where o.state = 'PUBLISHED' and o.kind = 'COURSE'
  )
  select d.id, d.kind::search_kind, d.title,
    -- excerptOf(): whitespace flattened; over 240 characters cut at the last space (not before 200) + '…'
    case when char_length(f.flat) <= 240 then f.flat
         else left(f.cut, greatest(case when strpos(reverse(f.cut), ' ') = 0 then -1
                                        else 240 - strpos(reverse(f.cut), ' ') end, 200)) || '…' end,
    d.language,
    setweight(to_tsvector(c.cfg, d.title), 'A')
      || setweight(to_tsvector(c.cfg, d.description), 'B')
      || setweight(to_tsvector('simple', coalesce(d.org_name, '')), 'C'),
    d.topics,
    -- each topic and its group, first occurrence first (a JS Set)
    array(
      select x from unnest(d.topics) with ordinality as u(id, ord)
      left join w_parent p on p.id = u.id
      cross join lateral (values (u.id, 0), (coalesce(p.parent, u.id), 1)) as v(x, sub)
      group by x order by min(ord * 2 + sub)),
    d.municipality_code, d.remote, d.period_start, d.period_end, d.languages, d.org_name,
    d.price_cents, d.seats_free, d.next_starts_at, d.application_deadline, d.starts_on, d.visible_until, d.published_at,
    d.refresh_at
  from docs d
  cross join lateral (
    select (case d.language when 'fi' then 'finnish' when 'sv' then 'swedish' else 'english' end)::regconfig as cfg
  ) c
  cross join lateral (
    select flat, left(flat, 240) as cut
    from (select btrim(regexp_replace(d.description, '\\s+', ' ', 'g')) as flat) x
  ) f`;

const EXPECTED_SQL = `
  select 'placements' as kind, count(*)::int as n from needs
    where state = 'OPEN' and kind in ('INTERNSHIP', 'SUMMER_JOB', 'THESIS')
  union all
  select 'STUDENT_POOL', count(*)::int from offers where state = 'PUBLISHED' and kind = 'STUDENT_POOL'
  union all
  select 'COURSE', count(*)::int from offers o where state = 'PUBLISHED' and kind = 'COURSE'
    and exists (select 1 from course_sessions s where s.offer_id = o.id and s.cancelled_at is null and s.registration_deadline > now())`;

export async function seed(client: pg.Client, sizes: SeedSizes): Promise<SeedReport> {
  const steps: SeedReport['steps'] = [];
  const started = performance.now();
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(text, params);
    steps.push({ step: name, ms: Math.round(performance.now() - t0), rows: result.rowCount ?? 0 });
    return result;
  };
  const v = vocabulary();
  const entrepreneurs = Math.round(sizes.users * 0.6);
  const educators = Math.round(sizes.users * 0.15);

  await client.query('select setseed(0.2027)');
  // Word lists as temp tables, loaded from JSON in one statement each.
  await client.query(
    `create temp table w_topic as
       select (ord - 1)::int as i, x->>'id' as id,
         array(select jsonb_array_elements_text(x->'fi')) as fi,
         array(select jsonb_array_elements_text(x->'sv')) as sv,
         array(select jsonb_array_elements_text(x->'en')) as en
       from jsonb_array_elements($1::jsonb) with ordinality as e(x, ord)`,
    [JSON.stringify(v.topics)],
  );
  await client.query(
    `create temp table w_parent as
       select x->>'id' as id, x->>'parent' as parent from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(v.topicParents)],
  );
  await client.query(
    `create temp table w_act as
       select (ord - 1)::int as i, x->>'fi' as fi, x->>'sv' as sv, x->>'en' as en
       from jsonb_array_elements($1::jsonb) with ordinality as e(x, ord)`,
    [JSON.stringify(v.activities)],
  );
  await client.query(
    `create temp table w_muni as
       select (ord - 1)::int as i, x->>'code' as code, x->>'name' as name
       from jsonb_array_elements($1::jsonb) with ordinality as e(x, ord)`,
    [JSON.stringify(v.municipalities)],
  );
  await client.query(
    `create temp table w_title as
       select x->>'lang' as lang, x->>'kind' as kind, x->>'tpl' as tpl from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(v.titles)],
  );
  await client.query(
    `create temp table w_sent as
       select x->>'lang' as lang, x->>'grp' as grp, array(select jsonb_array_elements_text(x->'tpls')) as tpls
       from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(v.sentences)],
  );

  await step(
    'users',
    `insert into users (email, email_verified_at, password_hash, display_name, roles, locale)
     select 'bench.user' || g || '@example.fi', now(), $2,
       ($3::text[])[1 + g % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g / 7) % cardinality($4::text[])],
       case when g <= $5 then '{ENTREPRENEUR}' when g <= $5 + $6 then '{EDUCATOR}' else '{STUDENT}' end::user_role[],
       case g % 10 when 0 then 'sv' when 1 then 'en' else 'fi' end
     from generate_series(1, $1::int) g`,
    [sizes.users, PASSWORD_HASH, v.firstNames, v.lastNames, entrepreneurs, educators],
  );
  await step(
    'organisations',
    `insert into organisations (name, kind, business_id, municipality_code, verified_at)
     with r as materialized (
       select g, floor(power(random(), 2) * (select count(*) from w_muni))::int as m from generate_series(1, $1::int) g
     )
     select ($2::text[])[1 + g % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (g / 5) % cardinality($3::text[])],
       'COMPANY', lpad(g::text, 7, '0') || '-' || (g % 10), m.code, case when g % 3 > 0 then now() end
     from r join w_muni m on m.i = r.m
     union all
     select ($5::text[])[1 + g % cardinality($5::text[])] || ', kampus ' || m.name,
       (case when g % 2 = 0 then 'EDUCATIONAL' else 'TRAINING_BODY' end)::organisation_kind, null, m.code, now()
     from generate_series(1, $4::int) g join w_muni m on m.i = g % (select count(*) from w_muni)`,
    [sizes.companies, v.companyPrefixes, v.companySuffixes, sizes.educational, v.eduNames],
  );
  await client.query(
    `create temp table w_company as
       select c.i, c.id, u.id as owner
       from (select (row_number() over (order by id) - 1)::int as i, id from organisations where kind = 'COMPANY') c
       join (select (row_number() over (order by id) - 1)::int as i, id from users where 'ENTREPRENEUR' = any(roles)) u
         on u.i = c.i % $1`,
    [entrepreneurs],
  );
  await client.query(
    `create temp table w_edu as
       select c.i, c.id, u.id as owner
       from (select (row_number() over (order by id) - 1)::int as i, id from organisations where kind <> 'COMPANY') c
       join (select (row_number() over (order by id) - 1)::int as i, id from users where 'EDUCATOR' = any(roles)) u
         on u.i = c.i % $1`,
    [educators],
  );
  await step(
    'memberships',
    `insert into memberships (organisation_id, user_id, role)
     select id, owner, 'OWNER'::membership_role from w_company union all select id, owner, 'OWNER' from w_edu`,
  );
  await step('needs', NEEDS_SQL, [sizes.needs, sizes.historyDays ?? null]);
  await step('offers', OFFERS_SQL, [sizes.offers]);
  await client.query(
    `create temp table w_course as
       select (row_number() over (order by id) - 1)::int as i, id, language, municipality_code, online
       from offers where kind = 'COURSE'`,
  );
  await step('course_sessions', SESSIONS_SQL, [sizes.sessions, sizes.historyDays ?? 60]);
  if (sizes.students) {
    await step(
      'student users',
      `insert into users (email, email_verified_at, password_hash, display_name, roles, locale)
       select 'bench.student' || g || '@example.fi', now(), $2,
         ($3::text[])[1 + (g / 3) % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g / 11) % cardinality($4::text[])],
         '{STUDENT}'::user_role[],
         case when g % 10 = 0 then 'sv' when g % 10 in (1, 2) then 'en' else 'fi' end
       from generate_series(1, $1::int) g`,
      [sizes.students, PASSWORD_HASH, v.firstNames, v.lastNames],
    );
    await step('student_profiles', STUDENT_PROFILES_SQL, [v.eduNames, v.fieldsOfStudy]);
  }
  await step('search_items', INDEX_SQL);

  const expected = new Map<string, number>();
  for (const row of (await client.query<{ kind: string; n: number }>(EXPECTED_SQL)).rows) expected.set(row.kind, row.n);
  const actual = new Map<string, number>();
  for (const row of (
    await client.query<{ kind: string; n: number }>(
      `select kind::text as kind, count(*)::int as n from search_items group by kind`,
    )
  ).rows) {
    actual.set(row.kind, row.n);
  }
  const placements = ['INTERNSHIP', 'SUMMER_JOB', 'THESIS'].reduce((sum, k) => sum + (actual.get(k) ?? 0), 0);
  const index = [
    { kind: 'INTERNSHIP+SUMMER_JOB+THESIS', rows: placements, expected: expected.get('placements') ?? 0 },
    { kind: 'COURSE', rows: actual.get('COURSE') ?? 0, expected: expected.get('COURSE') ?? 0 },
    { kind: 'STUDENT_POOL', rows: actual.get('STUDENT_POOL') ?? 0, expected: expected.get('STUDENT_POOL') ?? 0 },
  ];
  const bad = index.filter((i) => i.rows !== i.expected || i.rows === 0);
  if (bad.length) throw new Error(`search_items does not have the expected rows: ${JSON.stringify(bad)}`);

  // VACUUM as well as ANALYZE: it also flushes the GIN indexes' pending lists and sets the
  // visibility map, as autovacuum would have done on a live database.
  const t0 = performance.now();
  await client.query('vacuum analyze');
  steps.push({ step: 'vacuum analyze', ms: Math.round(performance.now() - t0), rows: 0 });
  return { steps, totalMs: Math.round(performance.now() - started), index };
}
