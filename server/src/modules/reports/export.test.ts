/**
 * The report's downloads: `/api/reports/cluster.csv` and `.xlsx`. The CSV parses (with its BOM) in
 * each language, its figures are the GraphQL report's for the same period, only coordinators get
 * it, and a bad period or language is a 400 with a code. The XLSX opens with numbers as numbers.
 */
import { randomUUID } from 'node:crypto';
import { REPORT_BREAKDOWN_TEXTS, REPORT_TEXTS, type Locale } from '@keskusvaraamo/shared';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { formatValue, reportRows } from './export.js';
import { acceptedLocale } from '../../lib/acceptLanguage.js';
import type { ClusterReportDto } from './types.js';

let app: TestApp;
let coordinator: TestUser;
let graphqlReport: ClusterReportDto;
const PERIOD = 'from=2025-01-01&to=2025-12-31';

const REPORT_QUERY = `query ($from: String!, $to: String!) {
  clusterReport(from: $from, to: $to) {
    period { from to }
    previousPeriod { from to }
    needs {
      posted { current previous }
      byKindAndState { kind state current previous }
      perMonth { month kind count }
    }
    matches {
      made { current previous }
      byHow { how current previous }
      medianDaysToFirstMatch { current previous }
      medianDaysToFilled { current previous }
    }
    courses {
      coursesHeld { current previous }
      sessionsHeld { current previous }
      seatsBooked { current previous }
      participantsAttended { current previous }
      attendanceRate { current previous }
      sessionsCancelledTooFew { current previous }
      sessionsPerMonth { month sessions participantsAttended }
    }
    placements { filled { current previous } byKind { kind current previous } }
    reach {
      companiesServed { current previous }
      peopleServed { current previous }
      byMunicipality { municipalityCode companies people previousCompanies previousPeople }
      shareOutsideRovaniemi { current previous }
    }
    organisations {
      activeCompanies { current previous }
      activeEducational { current previous }
      verifiedMembers { current previous }
      newMembers { current previous }
    }
    indicators { code current previous }
  }
}`;

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const asCoordinator = (url: string, headers: Record<string, string> = {}) =>
  get(url, { authorization: `Bearer ${coordinator.token}`, ...headers });

/** The CSV as a spreadsheet reads it: the BOM first, then rows split by the locale's separator. */
function parseCsv(payload: Buffer, delimiter: ';' | ','): string[][] {
  expect([...payload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(payload, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

beforeAll(async () => {
  app = await buildTestApp();
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], locale: 'fi' });
  // Facts as the triggers would have recorded them (./report.test.ts works each figure out by hand):
  // 2025 is the period, 2024 the one before. Companies in Salla and Rovaniemi, a university.
  const salla = await buildOrganisation(app, { municipalityCode: '732', verifiedAt: new Date('2024-03-01T10:00:00Z') });
  const rovaniemi = await buildOrganisation(app, { municipalityCode: '698' });
  const university = await buildOrganisation(app, { kind: 'EDUCATIONAL', municipalityCode: '698' });
  const need = (kind: string, org: string, place: string, published: string, more: Record<string, string> = {}) =>
    app.db.execute(sql`
      insert into report_needs (need_id, kind, organisation_id, municipality_code, remote, positions, state,
                                published_at, first_match_at, filled_at, ended_at)
      values (${randomUUID()}, ${kind}, ${org}, ${place}, false, 1, ${more.state ?? 'OPEN'}, ${published},
              ${more.firstMatch ?? null}, ${more.filled ?? null}, ${more.filled ?? null})`);
  const match = (how: string, kind: string, org: string, edu: string | null, place: string, at: string) =>
    app.db.execute(sql`
      insert into report_matches (source_id, how, need_id, need_kind, company_id, educator_organisation_id,
                                  placement, municipality_code, matched_at)
      values (${randomUUID()}, ${how}, ${randomUUID()}, ${kind}, ${org}, ${edu}, ${kind !== 'COURSE'}, ${place}, ${at})`);
  await need('COURSE', salla.id, '732', '2025-02-10T10:00:00Z', { firstMatch: '2025-02-20T10:00:00Z' });
  await need('INTERNSHIP', rovaniemi.id, '698', '2025-03-01T10:00:00Z', {
    firstMatch: '2025-03-06T10:00:00Z',
    filled: '2025-03-11T10:00:00Z',
    state: 'FILLED',
  });
  await need('THESIS', salla.id, '732', '2025-11-20T10:00:00Z');
  await need('SUMMER_JOB', salla.id, '732', '2024-10-01T10:00:00Z');
  await match('PROPOSAL', 'COURSE', salla.id, university.id, '732', '2025-02-20T10:00:00Z');
  await match('APPLICATION', 'INTERNSHIP', rovaniemi.id, null, '698', '2025-03-06T10:00:00Z');
  await match('APPLICATION', 'SUMMER_JOB', salla.id, null, '732', '2024-10-21T10:00:00Z');
  // A course of the university held in Rovaniemi in September 2025: three seats, two of three present.
  const offerId = randomUUID();
  const sessionId = randomUUID();
  await app.db.execute(sql`
    insert into offers (id, kind, state, organisation_id, title, description, language, topics, languages, published_at)
    values (${offerId}, 'COURSE', 'PUBLISHED', ${university.id}, 'Kurssi', 'Kuvaus', 'fi', '{solar-pv}', '{fi}', '2025-01-01')`);
  await app.db.execute(sql`
    insert into course_sessions (id, offer_id, starts_at, ends_at, registration_deadline, municipality_code, seats,
                                 price_cents, language)
    values (${sessionId}, ${offerId}, '2025-09-15T06:00:00Z', '2025-09-15T13:00:00Z', '2025-09-08T06:00:00Z', '698',
            20, 0, 'fi')`);
  await app.db.execute(sql`
    insert into report_bookings (booking_id, session_id, company_id, state, seats, participants, marked, attended,
                                 confirmed_at, session_starts_at, session_ends_at, municipality_code,
                                 educator_organisation_id, educator_kind)
    select ${randomUUID()}, s.id, ${salla.id}, 'CONFIRMED', 3, 3, 3, 2, '2025-08-01T00:00:00Z', s.starts_at, s.ends_at,
           s.municipality_code, o.organisation_id, e.kind
    from course_sessions s join offers o on o.id = s.offer_id join organisations e on e.id = o.organisation_id
    where s.id = ${sessionId}`);

  const r = await gql(app, REPORT_QUERY, { from: '2025-01-01', to: '2025-12-31' }, { token: coordinator.token });
  expect(r.errors).toBeUndefined();
  graphqlReport = r.data!.clusterReport as ClusterReportDto;
}, 60_000);

afterAll(() => app?.closeAndDrop());

/** The row of a figure (by its label in `locale`) and breakdown. */
const rowOf = (rows: string[][], locale: Locale, figure: keyof (typeof REPORT_TEXTS)['fi'], breakdown = '') =>
  rows.find((r) => r[1] === REPORT_TEXTS[locale][figure].label && r[2] === breakdown);

describe('the report as CSV', () => {
  it('is UTF-8 with a BOM, semicolon-separated and in Finnish, with the GraphQL report’s figures', async () => {
    const response = await asCoordinator(`/api/reports/cluster.csv?${PERIOD}&lang=fi`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="cluster-report-2025-01-01-2025-12-31.csv"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const rows = parseCsv(response.rawPayload, ';');
    expect(rows[0]).toEqual([
      'Osio',
      'Luku',
      'Erittely',
      'Jakso 1.1.2025–31.12.2025',
      'Edellinen jakso 1.1.2024–31.12.2024',
      'Määritelmä',
    ]);
    // Every row as the report's figures give it, and every row of six cells.
    expect(rows).toEqual(reportRows(graphqlReport, 'fi'));
    expect(rows.every((r) => r.length === 6)).toBe(true);

    // And some worked out here: 3 needs posted in 2025, 1 in 2024.
    expect(rowOf(rows, 'fi', 'needsPosted')?.slice(3, 5)).toEqual(['3', '1']);
    expect(graphqlReport.needs.posted).toEqual({ current: 3, previous: 1 });
    expect(rowOf(rows, 'fi', 'needsByKindAndState', 'Harjoittelu – Täytetty')?.slice(3, 5)).toEqual(['1', '0']);
    expect(rowOf(rows, 'fi', 'newNeedsPerMonth', 'maaliskuu 2025 – Harjoittelu')?.slice(3, 5)).toEqual(['1', '']);
    expect(rowOf(rows, 'fi', 'matchesByHow', 'Hakemus hyväksytty')?.slice(3, 5)).toEqual(['1', '1']);
    // Medians with one decimal and a decimal comma: first matches after 10 and 5 days → 7,5.
    expect(rowOf(rows, 'fi', 'medianDaysToFirstMatch')?.slice(3, 5)).toEqual(['7,5', '']);
    // Attendance 2 of 3 as a percent, one decimal.
    expect(graphqlReport.courses.attendanceRate.current).toBeCloseTo(2 / 3, 3);
    expect(rowOf(rows, 'fi', 'attendanceRate')?.slice(3, 5)).toEqual(['66,7%', '']);
    expect(rowOf(rows, 'fi', 'sessionsHeld', 'syyskuu 2025')?.[3]).toBe('1');
    expect(rowOf(rows, 'fi', 'placementsFilled', 'Kesätyö')?.slice(3, 5)).toEqual(['0', '1']);
    // Reach by municipality, named.
    expect(rows.some((r) => r[2] === 'Salla' && r[1] === REPORT_TEXTS.fi.companiesServed.label)).toBe(true);
    for (const code of ['RCO01', 'RCO10', 'RCR97', 'RCR98'] as const) {
      const row = rowOf(rows, 'fi', code);
      const figure = graphqlReport.indicators.find((i) => i.code === code)!;
      expect(row?.slice(3)).toEqual([
        String(figure.current),
        String(figure.previous),
        REPORT_TEXTS.fi[code].definition,
      ]);
    }
  });

  it('is in Swedish with semicolons and decimal commas', async () => {
    const response = await asCoordinator(`/api/reports/cluster.csv?${PERIOD}&lang=sv`);
    const rows = parseCsv(response.rawPayload, ';');
    expect(rows[0]).toEqual([
      'Avsnitt',
      'Tal',
      'Fördelning',
      'Period 1.1.2025–31.12.2025',
      'Föregående period 1.1.2024–31.12.2024',
      'Definition',
    ]);
    expect(rows).toEqual(reportRows(graphqlReport, 'sv'));
    expect(rowOf(rows, 'sv', 'medianDaysToFirstMatch')?.[3]).toBe('7,5');
    expect(rowOf(rows, 'sv', 'needsByKindAndState', 'Praktik – Tillsatt')?.[3]).toBe('1');
  });

  it('is in English with commas and decimal points', async () => {
    const response = await asCoordinator(`/api/reports/cluster.csv?${PERIOD}&lang=en`);
    const rows = parseCsv(response.rawPayload, ',');
    expect(rows[0]).toEqual([
      'Section',
      'Figure',
      'Breakdown',
      'Period 2025-01-01 – 2025-12-31',
      'Previous period 2024-01-01 – 2024-12-31',
      'Definition',
    ]);
    expect(rows).toEqual(reportRows(graphqlReport, 'en'));
    expect(rowOf(rows, 'en', 'medianDaysToFirstMatch')?.[3]).toBe('7.5');
    expect(rowOf(rows, 'en', 'attendanceRate')?.[3]).toBe('66.7%');
    expect(rowOf(rows, 'en', 'newNeedsPerMonth', 'March 2025 – Internship')?.[3]).toBe('1');
  });

  it('takes the language from lang, else the viewer’s own, else Accept-Language, else Finnish', async () => {
    const swede = await buildUser(app, { roles: ['COORDINATOR'], locale: 'sv' });
    const header = async (url: string, headers: Record<string, string>) =>
      parseCsv((await get(url, headers)).rawPayload, url.includes('lang=en') ? ',' : ';')[0]![0];
    const bearer = (u: TestUser) => ({ authorization: `Bearer ${u.token}` });
    expect(await header(`/api/reports/cluster.csv?${PERIOD}`, bearer(swede))).toBe('Avsnitt');
    expect(await header(`/api/reports/cluster.csv?${PERIOD}`, bearer(coordinator))).toBe('Osio');
    expect(await header(`/api/reports/cluster.csv?${PERIOD}&lang=en`, bearer(swede))).toBe('Section');

    // Every account has a language, so Accept-Language decides only for a viewer loaded without one.
    expect(acceptedLocale('de-DE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(acceptedLocale('en-GB;q=0.5, fi;q=0.7')).toBe('fi');
    expect(acceptedLocale('sv;q=0, en')).toBe('en');
    expect(acceptedLocale('de, fr')).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
    expect(acceptedLocale(`${'x,'.repeat(1000)}sv`)).toBeNull();
  });

  it('writes numbers as the reader’s spreadsheet reads them', () => {
    expect(formatValue(12.5, 'days', 'fi')).toBe('12,5');
    expect(formatValue(12, 'days', 'sv')).toBe('12,0');
    expect(formatValue(12.5, 'days', 'en')).toBe('12.5');
    expect(formatValue(0.875, 'rate', 'fi')).toBe('87,5%');
    expect(formatValue(1, 'rate', 'en')).toBe('100.0%');
    expect(formatValue(12345, 'count', 'fi')).toBe('12345');
    expect(formatValue(null, 'rate', 'fi')).toBe('');
  });
});

describe('who gets the report', () => {
  const files = ['csv', 'xlsx'] as const;

  it.each(files)('answers 401 without a token, or with a bad one (%s)', async (ext) => {
    const anonymous: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of anonymous) {
      const response = await get(`/api/reports/cluster.${ext}?${PERIOD}`, headers);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it.each(files)('answers 403 to every other role (%s)', async (ext) => {
    for (const roles of [
      ['STUDENT'],
      ['ENTREPRENEUR'],
      ['EDUCATOR'],
      ['ADMIN'],
      ['ENTREPRENEUR', 'EDUCATOR'],
    ] as const) {
      const user = await buildUser(app, { roles: [...roles] });
      const response = await get(`/api/reports/cluster.${ext}?${PERIOD}`, { authorization: `Bearer ${user.token}` });
      expect(response.statusCode, roles.join()).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
      // Not even whether the period was good: a bad one is 403 too.
      const bad = await get(`/api/reports/cluster.${ext}?from=x`, { authorization: `Bearer ${user.token}` });
      expect(bad.statusCode).toBe(403);
    }
  });

  it.each(files)('gives it to a coordinator, also one with other roles (%s)', async (ext) => {
    const both = await buildUser(app, { roles: ['COORDINATOR', 'ADMIN'] });
    for (const user of [coordinator, both]) {
      const response = await get(`/api/reports/cluster.${ext}?${PERIOD}`, { authorization: `Bearer ${user.token}` });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('bad requests', () => {
  it.each([
    ['from after to', 'from=2025-12-31&to=2025-01-01', 'to', 'validation.reportPeriodOrder'],
    ['six years', 'from=2019-01-01&to=2024-12-31', 'to', 'validation.reportPeriodTooLong'],
    ['a day that does not exist', 'from=2026-02-30&to=2026-03-31', 'from', 'validation.date'],
    ['no from', 'to=2025-12-31', 'from', null],
    ['no to', 'from=2025-01-01', 'to', null],
    ['nothing', '', 'from', null],
    ['a time, not a date', 'from=2025-01-01T00:00&to=2025-12-31', 'from', 'validation.date'],
    ['from twice', 'from=2025-01-01&from=2025-02-01&to=2025-12-31', 'from', null],
    ['a year 10000', 'from=10000-01-01&to=10000-12-31', 'from', 'validation.date'],
    ['an unknown language', `${PERIOD}&lang=de`, 'lang', 'validation.choice'],
    ['a language twice', `${PERIOD}&lang=fi&lang=sv`, 'lang', 'validation.choice'],
  ])('refuses %s with 400 VALIDATION', async (_name, query, field, message) => {
    for (const ext of ['csv', 'xlsx']) {
      const response = await asCoordinator(`/api/reports/cluster.${ext}?${query}`);
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('VALIDATION');
      const issue = error.fields.find((f: { field: string }) => f.field === field);
      expect(issue).toBeDefined();
      if (message) expect(issue.message).toBe(message);
      expect(issue.message).toMatch(/^validation\./);
    }
  });
});

describe('the report as XLSX', () => {
  it('opens with the same figures, numbers as numbers, a bold heading and column widths', async () => {
    const response = await asCoordinator(`/api/reports/cluster.xlsx?${PERIOD}&lang=fi`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="cluster-report-2025-01-01-2025-12-31.xlsx"',
    );
    expect(response.headers['cache-control']).toBe('no-store');

    const [sheet] = await readXlsxFile(response.rawPayload);
    expect(sheet!.sheet).toBe(REPORT_BREAKDOWN_TEXTS.fi.sheet);
    const rows = sheet!.data;
    const csv = reportRows(graphqlReport, 'fi');
    expect(rows).toHaveLength(csv.length);
    expect(rows[0]).toEqual(csv[0]);
    const needsPosted = rows.find((r) => r[1] === REPORT_TEXTS.fi.needsPosted.label);
    expect(needsPosted?.slice(3, 5)).toEqual([3, 1]);
    const median = rows.find((r) => r[1] === REPORT_TEXTS.fi.medianDaysToFirstMatch.label);
    expect(median?.slice(3, 5)).toEqual([7.5, null]);
    const attendance = rows.find((r) => r[1] === REPORT_TEXTS.fi.attendanceRate.label);
    expect(attendance?.[3]).toBeCloseTo(2 / 3, 3);
    // Every row says what the CSV says: labels and definitions as text, values as numbers.
    for (const [i, row] of rows.entries()) {
      if (i === 0) continue;
      expect(row.slice(0, 3).map((c) => c ?? '')).toEqual(csv[i]!.slice(0, 3));
      expect(row[5]).toBe(csv[i]![5]);
      for (const value of row.slice(3, 5)) expect(value === null || typeof value === 'number').toBe(true);
    }

    // Inside the file: the heading's style is bold, the percent and one-decimal formats exist, widths set.
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const styles = strFromU8(files['xl/styles.xml']!);
    const worksheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(styles).toMatch(/<b\s*\/>/);
    expect(styles).toContain('formatCode="0.0%"');
    expect(styles).toContain('formatCode="0.0"');
    expect(worksheet).toMatch(/<col [^>]*width="80"/);
    expect(worksheet).toContain('state="frozen"');
  });

  it('is in English when asked', async () => {
    const [sheet] = await readXlsxFile((await asCoordinator(`/api/reports/cluster.xlsx?${PERIOD}&lang=en`)).rawPayload);
    expect(sheet!.sheet).toBe('Cluster report');
    expect(sheet!.data[0]![0]).toBe('Section');
  });
});
