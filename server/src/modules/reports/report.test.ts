/**
 * The coordinator's report computed from facts laid down by hand, every figure worked out in the
 * comments beside it: the period is 2025, the previous one 2024. Facts are written directly (with
 * the times they happened); sessions, offers and organisations are the live rows. How use cases
 * record the facts is ./facts.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { buildOrganisation, buildUser, depsOf, type TestOrganisation } from '../../test/factories.js';
import { computeReport, publicResults, type ClusterReportDto } from './index.js';
import { forgetPublicResults, publicCount } from './public.js';

let app: TestApp;
let report: ClusterReportDto;
const org: Record<string, TestOrganisation> = {};

const need = (
  kind: string,
  organisationId: string | null,
  municipality: string | null,
  published: string,
  more: { firstMatch?: string; filled?: string; ended?: string; state?: string } = {},
) => {
  const id = randomUUID();
  return app.db.execute(sql`
    insert into report_needs (need_id, kind, organisation_id, municipality_code, remote, positions, state,
                              published_at, first_match_at, filled_at, ended_at)
    values (${id}, ${kind}, ${organisationId}, ${municipality}, ${municipality === null}, 1, ${more.state ?? 'OPEN'},
            ${published}, ${more.firstMatch ?? null}, ${more.filled ?? null}, ${more.ended ?? null})`);
};

const match = (
  how: string,
  kind: string,
  companyId: string | null,
  educatorId: string | null,
  placement: boolean,
  municipality: string | null,
  at: string,
) =>
  app.db.execute(sql`
    insert into report_matches (source_id, how, need_id, need_kind, company_id, educator_organisation_id,
                                placement, municipality_code, matched_at)
    values (${randomUUID()}, ${how}, ${randomUUID()}, ${kind}, ${companyId}, ${educatorId}, ${placement},
            ${municipality}, ${at})`);

async function course(organisationId: string) {
  const id = randomUUID();
  await app.db.execute(sql`
    insert into offers (id, kind, state, organisation_id, title, description, language, topics, languages, published_at)
    values (${id}, 'COURSE', 'PUBLISHED', ${organisationId}, 'Kurssi', 'Kuvaus', 'fi', '{solar-pv}', '{fi}', '2023-01-01')`);
  return id;
}

async function session(
  offerId: string,
  municipality: string | null,
  startsAt: string,
  cancelled?: { at: string; reason: string },
) {
  const id = randomUUID();
  await app.db.execute(sql`
    insert into course_sessions (id, offer_id, starts_at, ends_at, registration_deadline, municipality_code,
                                 online_url, seats, price_cents, language, cancelled_at, cancel_reason)
    values (${id}, ${offerId}, ${startsAt}, ${startsAt}::timestamptz + interval '6 hours',
            ${startsAt}::timestamptz - interval '7 days', ${municipality},
            ${municipality === null ? 'https://example.fi/live' : null}, 20, 0, 'fi',
            ${cancelled?.at ?? null}, ${cancelled?.reason ?? null})`);
  return id;
}

const booking = (
  sessionId: string,
  companyId: string | null,
  state: string,
  seats: number,
  participants: number,
  marked: number,
  attended: number,
) =>
  app.db.execute(sql`
    insert into report_bookings (booking_id, session_id, company_id, state, seats, participants, marked, attended,
                                 confirmed_at, session_starts_at, session_ends_at, municipality_code,
                                 educator_organisation_id, educator_kind)
    select ${randomUUID()}, s.id, ${companyId}, ${state}, ${seats}, ${participants}, ${marked}, ${attended},
           '2025-01-01T00:00:00Z', s.starts_at, s.ends_at, s.municipality_code, o.organisation_id, e.kind
    from course_sessions s join offers o on o.id = s.offer_id join organisations e on e.id = o.organisation_id
    where s.id = ${sessionId}`);

beforeAll(async () => {
  app = await buildTestApp();
  // Companies in Salla, Rovaniemi, Kemi and Tornio; a university and a training body.
  org.A = await buildOrganisation(app, { municipalityCode: '732', verifiedAt: new Date('2024-03-01T10:00:00Z') });
  org.B = await buildOrganisation(app, { municipalityCode: '698', verifiedAt: new Date('2025-05-01T10:00:00Z') });
  org.C = await buildOrganisation(app, { municipalityCode: '240' });
  org.D = await buildOrganisation(app, { municipalityCode: '851' });
  org.U = await buildOrganisation(app, {
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    verifiedAt: new Date('2023-01-01T10:00:00Z'),
  });
  // 23:30 on New Year's Eve in Helsinki: verified in 2025.
  org.T = await buildOrganisation(app, {
    kind: 'TRAINING_BODY',
    municipalityCode: '851',
    verifiedAt: new Date('2025-12-31T21:30:00Z'),
  });
  const { A, B, C, U, T } = org as Record<string, TestOrganisation>;

  // Needs. Current period (2025):
  await need('COURSE', A!.id, '732', '2025-02-10T10:00:00Z', { firstMatch: '2025-02-20T10:00:00Z' }); // N1: first match 10 d
  await need('INTERNSHIP', B!.id, '698', '2025-03-01T10:00:00Z', {
    firstMatch: '2025-03-05T10:00:00Z', // N2: 4 d
    filled: '2025-03-11T10:00:00Z', // 10 d
    ended: '2025-03-11T10:00:00Z',
    state: 'FILLED',
  });
  await need('SUMMER_JOB', A!.id, '732', '2025-04-01T10:00:00Z', { ended: '2025-05-01T10:00:00Z', state: 'CLOSED' }); // N3
  // N4: expired only after the period: OPEN at its end.
  await need('THESIS', C!.id, '240', '2025-11-20T10:00:00Z', { ended: '2026-01-10T10:00:00Z', state: 'EXPIRED' });
  await need('COURSE', null, null, '2025-07-15T10:00:00Z'); // N6: a person without a company, remote
  await need('COURSE', null, null, '2024-12-31T22:30:00Z'); // N9: 00:30 on 1 January in Helsinki: 2025
  // Previous period (2024):
  await need('INTERNSHIP', B!.id, '698', '2024-06-01T10:00:00Z', {
    firstMatch: '2024-06-03T10:00:00Z', // N5: 2 d
    filled: '2025-01-15T10:00:00Z', // filled in 2025 after 228 d
    ended: '2025-01-15T10:00:00Z',
    state: 'FILLED',
  });
  await need('SUMMER_JOB', A!.id, '732', '2024-10-01T10:00:00Z', {
    firstMatch: '2024-10-21T10:00:00Z', // N8: 20 d
    ended: '2024-11-01T10:00:00Z', // expired, then filled in 2025 after 123 d: EXPIRED at the end of 2024
    filled: '2025-02-01T10:00:00Z',
    state: 'FILLED',
  });

  // Matches.
  await match('PROPOSAL', 'COURSE', A!.id, U!.id, false, '732', '2025-02-20T10:00:00Z'); // M1
  await match('APPLICATION', 'INTERNSHIP', B!.id, null, true, '698', '2025-03-05T10:00:00Z'); // M2
  await match('APPLICATION', 'INTERNSHIP', B!.id, null, true, '698', '2024-06-03T10:00:00Z'); // M3 (2024)
  await match('PROPOSAL', 'SUMMER_JOB', A!.id, null, true, '732', '2024-10-21T10:00:00Z'); // M4 (2024), a student
  await match('BOOKING', 'COURSE', A!.id, T!.id, false, '732', '2025-09-10T10:00:00Z'); // M5

  // Sessions: O1 the university's course, O2 the training body's.
  const o1 = await course(U!.id);
  const o2 = await course(T!.id);
  const s1 = await session(o1, '698', '2025-03-10T07:00:00Z');
  const s2 = await session(o1, '732', '2025-09-15T06:00:00Z');
  const s3 = await session(o2, null, '2025-09-20T06:00:00Z'); // online
  await session(o2, '240', '2025-10-01T06:00:00Z', { at: '2025-09-20T06:00:00Z', reason: 'MINIMUM_NOT_REACHED' });
  await session(o1, '698', '2025-12-10T06:00:00Z', { at: '2025-12-01T06:00:00Z', reason: 'BY_ORGANISER' });
  const s5 = await session(o1, '698', '2024-05-05T06:00:00Z');
  // A session ahead is not held yet.
  const ahead = await session(o1, '698', new Date(Date.now() + 30 * 86_400_000).toISOString());

  await booking(s1, B!.id, 'CONFIRMED', 3, 3, 3, 2); // B1
  await booking(s1, null, 'CONFIRMED', 1, 1, 0, 0); // B2: a person on their own
  await booking(s1, A!.id, 'CANCELLED', 2, 2, 0, 0); // B3: does not count
  await booking(s2, A!.id, 'CONFIRMED', 2, 2, 2, 2); // B4
  await booking(s3, A!.id, 'CONFIRMED', 1, 1, 0, 0); // B5
  await booking(s3, org.D!.id, 'CONFIRMED', 1, 1, 1, 1); // B7
  await booking(s5, B!.id, 'CONFIRMED', 2, 2, 2, 1); // B6 (2024)
  await booking(ahead, A!.id, 'CONFIRMED', 5, 5, 0, 0);

  report = await computeReport(depsOf(app), { from: '2025-01-01', to: '2025-12-31' });
}, 60_000);

afterAll(() => app?.closeAndDrop());

describe('the coordinator report, worked out by hand', () => {
  it('compares 2025 with 2024', () => {
    expect(report.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(report.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('counts needs by kind and by their state at the end of each period', () => {
    // N1, N2, N3, N4, N6, N9 / N5, N8.
    expect(report.needs.posted).toEqual({ current: 6, previous: 2 });
    const nonZero = report.needs.byKindAndState.filter((r) => r.current || r.previous);
    expect(nonZero).toEqual([
      { kind: 'COURSE', state: 'OPEN', current: 3, previous: 0 },
      { kind: 'INTERNSHIP', state: 'OPEN', current: 0, previous: 1 },
      { kind: 'INTERNSHIP', state: 'FILLED', current: 1, previous: 0 },
      { kind: 'SUMMER_JOB', state: 'CLOSED', current: 1, previous: 0 },
      { kind: 'SUMMER_JOB', state: 'EXPIRED', current: 0, previous: 1 },
      { kind: 'THESIS', state: 'OPEN', current: 1, previous: 0 },
    ]);
  });

  it('lists every month of the period for every kind', () => {
    expect(report.needs.perMonth).toHaveLength(12 * 4);
    expect(report.needs.perMonth.filter((r) => r.count)).toEqual([
      { month: '2025-01', kind: 'COURSE', count: 1 },
      { month: '2025-02', kind: 'COURSE', count: 1 },
      { month: '2025-03', kind: 'INTERNSHIP', count: 1 },
      { month: '2025-04', kind: 'SUMMER_JOB', count: 1 },
      { month: '2025-07', kind: 'COURSE', count: 1 },
      { month: '2025-11', kind: 'THESIS', count: 1 },
    ]);
  });

  it('counts matches by how, and the medians', () => {
    expect(report.matches.made).toEqual({ current: 3, previous: 2 });
    expect(report.matches.byHow).toEqual([
      { how: 'PROPOSAL', current: 1, previous: 1 },
      { how: 'APPLICATION', current: 1, previous: 1 },
      { how: 'BOOKING', current: 1, previous: 0 },
    ]);
    // First match in 2025: N1 10 d, N2 4 d → 7; in 2024: N5 2 d, N8 20 d → 11.
    expect(report.matches.medianDaysToFirstMatch).toEqual({ current: 7, previous: 11 });
    // Filled in 2025: N2 10 d, N8 123 d, N5 228 d → 123; none in 2024.
    expect(report.matches.medianDaysToFilled).toEqual({ current: 123, previous: null });
  });

  it('counts courses, sessions, seats and attendance of the sessions held', () => {
    const c = report.courses;
    expect(c.coursesHeld).toEqual({ current: 2, previous: 1 });
    expect(c.sessionsHeld).toEqual({ current: 3, previous: 1 });
    // S1 3 + 1, S2 2, S3 1 + 1; B3 was cancelled; the session ahead is not held.
    expect(c.seatsBooked).toEqual({ current: 8, previous: 2 });
    expect(c.participantsAttended).toEqual({ current: 5, previous: 1 });
    // Bookings whose attendance was marked: B1 2 of 3, B4 2 of 2, B7 1 of 1 → 5 / 6; 2024: B6 1 / 2.
    expect(c.attendanceRate).toEqual({ current: 0.833, previous: 0.5 });
    expect(c.sessionsCancelledTooFew).toEqual({ current: 1, previous: 0 });
    expect(c.sessionsPerMonth.filter((m) => m.sessions)).toEqual([
      { month: '2025-03', sessions: 1, participantsAttended: 2 },
      { month: '2025-09', sessions: 2, participantsAttended: 3 },
    ]);
  });

  it('counts placements by kind', () => {
    expect(report.placements.filled).toEqual({ current: 1, previous: 2 });
    expect(report.placements.byKind).toEqual([
      { kind: 'INTERNSHIP', current: 1, previous: 1 },
      { kind: 'SUMMER_JOB', current: 0, previous: 1 },
      { kind: 'THESIS', current: 0, previous: 0 },
    ]);
  });

  it('places companies and people, and the share outside Rovaniemi', () => {
    const r = report.reach;
    // Served: A, B, D / A, B.
    expect(r.companiesServed).toEqual({ current: 3, previous: 2 });
    // M2 1 + B1 3 + B2 1 + B4 2 + B5 1 + B7 1 / M3 1 + M4 1 + B6 2.
    expect(r.peopleServed).toEqual({ current: 9, previous: 4 });
    // Online bookings are placed by the company: B5 in Salla (A), B7 in Tornio (D).
    expect(r.byMunicipality).toEqual([
      { municipalityCode: '698', companies: 1, people: 5, previousCompanies: 1, previousPeople: 3 },
      { municipalityCode: '732', companies: 1, people: 3, previousCompanies: 1, previousPeople: 1 },
      { municipalityCode: '851', companies: 1, people: 1, previousCompanies: 0, previousPeople: 0 },
    ]);
    // 2025: needs 732 698 732 240, matches 732 698 732, sessions 698 732 → 6 of 9 outside.
    // 2024: needs 698 732, matches 698 732, session 698 → 2 of 5.
    expect(r.shareOutsideRovaniemi).toEqual({ current: 0.667, previous: 0.4 });
  });

  it('counts organisations and members at the end of each period', () => {
    expect(report.organisations).toEqual({
      activeCompanies: { current: 4, previous: 2 }, // A B C D / A B
      activeEducational: { current: 2, previous: 1 }, // U T / U
      verifiedMembers: { current: 4, previous: 2 }, // U A B T / U A
      newMembers: { current: 2, previous: 1 }, // B T / A
    });
  });

  it('computes the EU indicators as defined', () => {
    expect(report.indicators).toEqual([
      { code: 'RCO01', current: 3, previous: 2 }, // A B D (D: staff attended) / A B
      { code: 'RCO10', current: 2, previous: 2 }, // A (university course) B (placement); D's course is a training body's
      { code: 'RCR97', current: 1, previous: 2 },
      { code: 'RCR98', current: 5, previous: 1 }, // 2 + 2 + 0 + 1; B2 was not booked by a company
    ]);
  });

  it('compares a period of any length with as many days before it', async () => {
    const march = await computeReport(depsOf(app), { from: '2025-03-01', to: '2025-03-10' });
    expect(march.previousPeriod).toEqual({ from: '2025-02-19', to: '2025-02-28' });
    expect(march.needs.posted).toEqual({ current: 1, previous: 0 });
    expect(march.matches.made).toEqual({ current: 1, previous: 1 });
  });
});

describe('the public results', () => {
  it('suppress counts of 1 to 4 and show 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(publicCount)).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 12, suppressed: false },
    ]);
  });

  it('give last year and this year so far, suppressed', async () => {
    forgetPublicResults(depsOf(app));
    const results = await publicResults(depsOf(app), new Date('2026-06-01T09:00:00Z'));
    expect(results.lastYear).toEqual({
      year: 2025,
      needsPosted: { value: 6, suppressed: false },
      matchesMade: { value: null, suppressed: true },
      sessionsHeld: { value: null, suppressed: true },
      participantsAttended: { value: 5, suppressed: false },
      placementsFilled: { value: null, suppressed: true },
      companiesServed: { value: null, suppressed: true },
      municipalitiesReached: { value: null, suppressed: true },
    });
    expect(results.thisYear.year).toBe(2026);
  });
});

describe('who reads what', () => {
  const REPORT = `query ($from: String!, $to: String!) { clusterReport(from: $from, to: $to) { needs { posted { current previous } } } }`;
  const UNMET = `{ unmetDemand { topic } }`;

  it('gives the report to coordinators only', async () => {
    const as = async (roles: string[] | null) => {
      const user = roles ? await buildUser(app, { roles: roles as never }) : null;
      return gql(app, REPORT, { from: '2025-01-01', to: '2025-12-31' }, { token: user?.token });
    };
    const coordinator = await as(['COORDINATOR']);
    expect(coordinator.data?.clusterReport.needs.posted).toEqual({ current: 6, previous: 2 });
    expect(codeOf(await as(null))).toBe('UNAUTHENTICATED');
    for (const role of ['ENTREPRENEUR', 'STUDENT', 'EDUCATOR', 'ADMIN']) {
      const result = await as([role]);
      expect(codeOf(result), role).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
  });

  it('gives unmet demand to coordinators and educators', async () => {
    for (const [role, code] of [
      ['COORDINATOR', undefined],
      ['EDUCATOR', undefined],
      ['ENTREPRENEUR', 'FORBIDDEN'],
      ['STUDENT', 'FORBIDDEN'],
      ['ADMIN', 'FORBIDDEN'],
    ] as const) {
      const user = await buildUser(app, { roles: [role] });
      expect(codeOf(await gql(app, UNMET, {}, { token: user.token })), role).toBe(code);
    }
    expect(codeOf(await gql(app, UNMET))).toBe('UNAUTHENTICATED');
  });

  it('gives the public results to anyone', async () => {
    const result = await gql(app, `{ publicResults { lastYear { year needsPosted { value suppressed } } } }`);
    expect(result.errors).toBeUndefined();
    // The year in Helsinki: on New Year's Eve after 22:00 UTC it is already the next one.
    expect(result.data?.publicResults.lastYear.year).toBe(Number(todayInHelsinki().slice(0, 4)) - 1);
  });

  it('refuses bad periods with a validation error, never an internal one', async () => {
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    for (const [from, to, field] of [
      ['2025-12-31', '2025-01-01', 'to'],
      ['2019-01-01', '2025-01-01', 'to'],
      ['2025-02-30', '2025-03-01', 'from'],
      ['yesterday', '2025-03-01', 'from'],
      ['1999-12-31', '2000-01-05', 'from'],
      ['2025-01-01', 'x'.repeat(5000), 'to'],
    ] as const) {
      const result = await gql(app, REPORT, { from, to }, { token: coordinator.token });
      expect(codeOf(result), `${from}–${to.slice(0, 12)}`).toBe('VALIDATION');
      expect(
        result.errors?.[0]?.extensions.fields?.[0]?.path ?? result.errors?.[0]?.extensions.fields?.[0]?.field,
      ).toContain(field);
    }
  });
});
