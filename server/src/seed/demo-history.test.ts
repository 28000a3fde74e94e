import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.js';
import { enforceMinimums, expireOffers } from '../modules/bookings/index.js';
import { expireNeeds } from '../modules/needs/index.js';
import { buildTestApp, type TestApp } from '../test/helper.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ SEED_DEMO_DATA: 'true' });
});
afterAll(() => app.closeAndDrop());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(app.db, query);
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0]!;
const month = (column: string) => sql.raw(`to_char(${column} at time zone 'Europe/Helsinki', 'YYYY-MM')`);

describe('the seeded demo history', () => {
  it('has postings in at least ten months over more than a year, and sessions held with attendance in six', async () => {
    const needs = await one<{ months: number; days: number }>(sql`
      select count(distinct ${month('published_at')})::int as months,
             extract(day from now() - min(published_at))::int as days
      from needs where published_at is not null`);
    expect(needs.months).toBeGreaterThanOrEqual(10);
    expect(needs.days).toBeGreaterThanOrEqual(365);
    expect(needs.days).toBeLessThanOrEqual(548);

    const held = await one<{ months: number; marked: number; attended: number }>(sql`
      select count(distinct ${month('s.starts_at')})::int as months,
             count(p.attended)::int as marked, (count(*) filter (where p.attended))::int as attended
      from course_sessions s
      join bookings b on b.session_id = s.id and b.state = 'CONFIRMED'
      join booking_participants p on p.booking_id = b.id
      where s.ends_at < now() and s.cancelled_at is null and p.attended is not null`);
    expect(held.months).toBeGreaterThanOrEqual(6);
    expect(held.attended / held.marked).toBeGreaterThan(0.8);
    expect(held.attended).toBeLessThan(held.marked);
  });

  it('has the report facts for it, across the months, each kind of match among them', async () => {
    const facts = await one<{ needs: number; needMonths: number; filled: number }>(sql`
      select count(*)::int as needs, count(distinct ${month('published_at')})::int as "needMonths",
             count(filled_at)::int as filled
      from report_needs`);
    const published = await one<{ n: number }>(
      sql`select count(*)::int as n from needs where published_at is not null`,
    );
    expect(facts.needs).toBe(published.n);
    expect(facts.needMonths).toBeGreaterThanOrEqual(10);
    expect(facts.filled).toBeGreaterThanOrEqual(15);

    const matches = await rows<{ how: string; n: number; months: number }>(sql`
      select how, count(*)::int as n, count(distinct ${month('matched_at')})::int as months
      from report_matches group by how order by how`);
    expect(matches.map((m) => m.how)).toEqual(['APPLICATION', 'BOOKING', 'PROPOSAL']);
    expect(matches.every((m) => m.n >= 5)).toBe(true);
    const matchMonths = await one<{ n: number }>(
      sql`select count(distinct ${month('matched_at')})::int as n from report_matches`,
    );
    expect(matchMonths.n).toBeGreaterThanOrEqual(8);

    const bookings = await one<{ months: number; attended: number }>(sql`
      select count(distinct ${month('s.starts_at')})::int as months, sum(r.attended)::int as attended
      from report_bookings r join course_sessions s on s.id = r.session_id
      where r.state = 'CONFIRMED' and s.ends_at < now()`);
    expect(bookings.months).toBeGreaterThanOrEqual(6);
    expect(bookings.attended).toBeGreaterThan(100);
  });

  it('records the facts from the rows’ own moments', async () => {
    // Each fact as the trigger would have written it when the thing happened.
    const needs = await one<{ wrong: number }>(sql`
      select count(*)::int as wrong from needs n join report_needs r on r.need_id = n.id
      where r.published_at <> n.published_at
         or r.state <> n.state::text
         or (n.state = 'FILLED') <> (r.filled_at is not null)
         or (n.state = 'FILLED' and r.filled_at <> n.updated_at)
         or (n.state = 'CLOSED' and r.ended_at <> n.closed_at)
         or (n.state = 'EXPIRED' and r.ended_at <> n.updated_at)`);
    expect(needs.wrong).toBe(0);
    const proposalMatches = await one<{ wrong: number }>(sql`
      select count(*)::int as wrong from matches m
      left join report_matches r on r.source_id = m.proposal_id and r.matched_at = m.matched_at
      where r.source_id is null`);
    expect(proposalMatches.wrong).toBe(0);
    const placements = await one<{ accepted: number; facts: number }>(sql`
      select (select count(*)::int from application_events where to_state = 'ACCEPTED') as accepted,
             (select count(*)::int from report_matches where how = 'APPLICATION') as facts`);
    expect(placements.facts).toBe(placements.accepted);
    // A need's first match is its earliest match of any kind.
    const first = await one<{ wrong: number }>(sql`
      select count(*)::int as wrong from report_needs r
      where r.first_match_at is distinct from (select min(matched_at) from report_matches m where m.need_id = r.need_id)`);
    expect(first.wrong).toBe(0);
  });

  it('puts nothing in the future that should not be there', async () => {
    const future = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from needs where state in ('FILLED', 'EXPIRED', 'CLOSED')
           and (published_at > now() or updated_at > now() or closed_at > now())) as needs,
        (select count(*)::int from matches where matched_at > now()) as matches,
        (select count(*)::int from application_events where at > now()) as events,
        (select count(*)::int from bookings where confirmed_at > now() or cancelled_at > now()) as bookings,
        (select count(*)::int from booking_participants p join bookings b on b.id = p.booking_id
           join course_sessions s on s.id = b.session_id where p.attended is not null and s.ends_at > now()) as marks,
        (select count(*)::int from organisations where verified_at > now() or created_at > now()) as organisations,
        (select count(*)::int from users where created_at > now()) as users,
        (select count(*)::int from report_needs where published_at > now() or ended_at > now()) as need_facts,
        (select count(*)::int from report_matches where matched_at > now()) as match_facts,
        (select count(*)::int from report_bookings where confirmed_at > now()) as booking_facts`);
    expect(
      Object.values(future).every((n) => n === 0),
      JSON.stringify(future),
    ).toBe(true);
    // Nothing for the jobs to catch up on: no session short of its minimum, no need past its deadline.
    expect(await enforceMinimums(app.db)).toBe(0);
    expect(await expireNeeds(app.db)).toBe(0);
    expect(await expireOffers(app.db)).toBe(0);
  });

  it('keeps every session’s seat count equal to its bookings', async () => {
    const wrong = await one<{ n: number }>(sql`
      select count(*)::int as n from course_sessions s
      where s.seats_taken <> coalesce((select sum(seats) from bookings b
        where b.session_id = s.id and b.state in ('CONFIRMED', 'OFFERED')), 0)`);
    expect(wrong.n).toBe(0);
    const cancelled = await one<{ sessions: number; active: number }>(sql`
      select count(*)::int as sessions,
             (select count(*)::int from bookings b join course_sessions c on c.id = b.session_id
              where c.cancel_reason = 'MINIMUM_NOT_REACHED' and b.state <> 'CANCELLED') as active
      from course_sessions where cancel_reason = 'MINIMUM_NOT_REACHED' and cancelled_at < now()`);
    expect(cancelled.sessions).toBeGreaterThan(0);
    expect(cancelled.active).toBe(0);
  });

  it('lets organisations join over the months, verified by the coordinator', async () => {
    const orgs = await one<{ months: number; unverified: number; before: number }>(sql`
      select count(distinct ${month('verified_at')})::int as months,
             (count(*) filter (where verified_at is null))::int as unverified,
             (count(*) filter (where verified_at < created_at))::int as before
      from organisations`);
    expect(orgs.months).toBeGreaterThanOrEqual(8);
    expect(orgs.unverified).toBe(3);
    expect(orgs.before).toBe(0);
  });

  it('spreads the current demo over its last days instead of one minute', async () => {
    const open = await one<{ days: number; minutes: number; old: number }>(sql`
      select count(distinct (published_at at time zone 'Europe/Helsinki')::date)::int as days,
             count(distinct date_trunc('minute', published_at))::int as minutes,
             (count(*) filter (where published_at < now() - interval '14 days'))::int as old
      from needs where state = 'OPEN'`);
    expect(open.days).toBeGreaterThanOrEqual(5);
    expect(open.minutes).toBeGreaterThanOrEqual(20);
    // Only the coordinator's queue waits longer than two weeks (demo-proposals.ts).
    expect(open.old).toBe(3);
    const index = await one<{ wrong: number }>(sql`
      select count(*)::int as wrong from search_items s
      where s.published_at <> coalesce((select published_at from needs where id = s.id),
                                       (select published_at from offers where id = s.id))`);
    expect(index.wrong).toBe(0);
  });
});
