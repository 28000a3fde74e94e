/**
 * The report's facts are recorded by the database as the use cases change things, and they stay
 * when the people behind them are deleted or anonymised: the report of a period does not change.
 */
import { presetPeriod } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { buildApplication, buildOrganisation, buildUser, depsOf, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { course, courseNeed, placementNeed } from '../../test/proposal-factories.js';
import { computeReport } from './index.js';
import { withBilling } from '../../test/billing.js';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`;
const MARK = `mutation ($id: ID!, $attended: Boolean) { markAttendance(participantId: $id, attended: $attended) { id } }`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state participants { id } } }`;

let app: TestApp;
const period = () => presetPeriod('LAST_12_MONTHS', todayInHelsinki());
const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await app.db.execute(query)) as unknown as { rows: T[] }).rows;

let booker: TestUser;
let student: TestUser;
let placementOwner: TestUser;
let companyId: string;
let schoolId: string;
let courseNeedId: string;
let placementId: string;
let bookingId: string;

beforeAll(async () => {
  app = await buildTestApp();
  const company = await buildOrganisation(app, { municipalityCode: '732' });
  companyId = company.id;
  booker = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  await app.db.execute(
    sql`insert into memberships (organisation_id, user_id, role) values (${company.id}, ${booker.id}, 'MEMBER')`,
  );
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  schoolId = school.id;
  const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  const theCourse = await course(app, school);

  // A proposal of the course for the company's course need, accepted by the company.
  const need = await courseNeed(app, company);
  courseNeedId = need.id;
  const proposed = await gql(
    app,
    PROPOSE,
    { input: { needId: need.id, targetKind: 'SESSION', sessionId: theCourse.sessionId, note: 'Sopii.' } },
    { token: coordinator.token },
  );
  const accepted = await gql(app, ACCEPT, { id: proposed.data!.proposeMatch.id }, { token: company.owner.token });
  expect(accepted.errors).toBeUndefined();
  // The school answers for its course too.
  await gql(app, ACCEPT, { id: proposed.data!.proposeMatch.id }, { token: school.owner.token });

  // An internship of another company, filled by a student's accepted application.
  const other = await buildOrganisation(app, { municipalityCode: '698' });
  placementOwner = other.owner;
  const placement = await placementNeed(app, other, { positions: 1 });
  placementId = placement.id;
  const application = await buildApplication(app, placement, { state: 'ACCEPTED' });
  student = application.student;

  // Two of the company's people on the course, booked by a member; one attends.
  const booked = await gql(
    app,
    BOOK,
    {
      input: withBilling({
        sessionId: theCourse.sessionId,
        idempotencyKey: crypto.randomUUID(),
        participants: [
          { name: 'Eeva Esimerkki', email: 'eeva@example.fi' },
          { name: 'Otto Osallistuja', email: 'otto@example.fi' },
        ],
      }),
    },
    { token: booker.token },
  );
  expect(booked.errors).toBeUndefined();
  bookingId = booked.data!.bookSeats.id;
  // The session took place two days ago.
  await app.db.execute(sql`
    update course_sessions set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '6 hours',
      registration_deadline = now() - interval '3 days'
    where id = ${theCourse.sessionId}`);
  const [first, second] = booked.data!.bookSeats.participants as { id: string }[];
  for (const [id, attended] of [
    [first!.id, true],
    [second!.id, false],
  ] as const) {
    expect((await gql(app, MARK, { id, attended }, { token: school.owner.token })).errors).toBeUndefined();
  }
}, 60_000);

afterAll(() => app?.closeAndDrop());

describe('facts recorded as things happen', () => {
  it('records a published need, its first match and its filling', async () => {
    const [courseFact] = await rows<{
      kind: string;
      organisation_id: string;
      municipality_code: string;
      first_match_at: Date;
    }>(sql`select * from report_needs where need_id = ${courseNeedId}`);
    const [live] = await rows<{ municipality_code: string }>(
      sql`select municipality_code from needs where id = ${courseNeedId}`,
    );
    expect(courseFact).toMatchObject({
      kind: 'COURSE',
      organisation_id: companyId,
      municipality_code: live!.municipality_code,
    });
    expect(courseFact!.first_match_at).not.toBeNull();
    const [placementFact] = await rows<{ state: string; filled_at: Date | null; ended_at: Date | null }>(
      sql`select * from report_needs where need_id = ${placementId}`,
    );
    expect(placementFact!.state).toBe('FILLED');
    expect(placementFact!.filled_at).not.toBeNull();
    expect(placementFact!.ended_at).toEqual(placementFact!.filled_at);
  });

  it('records the accepted proposal and the accepted application as matches', async () => {
    const matches = await rows<{
      how: string;
      need_id: string;
      company_id: string;
      educator_organisation_id: string | null;
      placement: boolean;
    }>(sql`select how, need_id, company_id, educator_organisation_id, placement from report_matches order by how`);
    expect(matches).toEqual([
      expect.objectContaining({
        how: 'APPLICATION',
        need_id: placementId,
        placement: true,
        educator_organisation_id: null,
      }),
      expect.objectContaining({
        how: 'PROPOSAL',
        need_id: courseNeedId,
        company_id: companyId,
        educator_organisation_id: schoolId,
        placement: false,
      }),
    ]);
  });

  it('records the booking with the company its booker acts for, and its attendance', async () => {
    const [fact] = await rows<Record<string, unknown>>(
      sql`select * from report_bookings where booking_id = ${bookingId}`,
    );
    expect(fact).toMatchObject({
      company_id: companyId,
      state: 'CONFIRMED',
      seats: 2,
      participants: 2,
      marked: 2,
      attended: 1,
    });
  });

  it('holds no name, e-mail or text of anyone', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_name in ('report_needs', 'report_matches', 'report_bookings')`);
    expect(
      columns
        .map((c) => c.column_name)
        .filter((c) => /name|email|text|title|description|letter|user|student|booked_by|posted_by/.test(c)),
    ).toEqual([]);
  });
});

describe('a period’s figures after people are deleted', () => {
  it('do not change when the booker, the student and a poster are deleted with their data', async () => {
    const before = await computeReport(depsOf(app), period());
    expect(before.matches.made.current).toBe(2);
    expect(before.courses.participantsAttended.current).toBe(1);
    expect(before.courses.seatsBooked.current).toBe(2);
    expect(before.placements.filled.current).toBe(1);
    expect(before.needs.posted.current).toBe(2);

    // Participants' details anonymised first, as erasure does, then the people deleted outright:
    // their bookings, participants, applications and the internship go with them (cascades).
    await app.db.execute(sql`update booking_participants set name = 'Poistettu', email = 'poistettu@invalid'
                             where booking_id = ${bookingId}`);
    await app.db.execute(sql`delete from users where id in (${booker.id}, ${student.id}, ${placementOwner.id})`);
    expect(await rows(sql`select 1 from bookings where id = ${bookingId}`)).toEqual([]);
    expect(await rows(sql`select 1 from needs where id = ${placementId}`)).toEqual([]);

    const after = await computeReport(depsOf(app), period());
    expect(after).toEqual(before);
  });
});
