/**
 * The coordinator's report: runs the statements of ./statements.ts side by side and shapes their
 * rows into the DTO of ./types.ts. Counts of companies are unions of the sets the statements
 * return (a company active in two ways counts once), against the list of companies.
 */
import {
  MATCH_HOWS,
  NEED_KINDS,
  NEED_STATES,
  previousPeriod,
  REPORT_INDICATORS,
  reportPeriodSchema,
  ROVANIEMI_CODE,
  type MatchHow,
  type NeedKind,
  type NeedState,
  type ReportPeriod,
} from '@keskusvaraamo/shared';
import { queryRows } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { reportPolicy } from './policy.js';
import { reportStatements } from './statements.js';
import type { ClusterReportDto, Figure, RatioFigure } from './types.js';

type Period = 'C' | 'P';
const PERIODS: Period[] = ['C', 'P'];

interface NeedRow {
  g: 'STATE' | 'MONTH' | 'PLACE' | 'COMPANY';
  period: Period;
  kind: NeedKind | null;
  state: NeedState | null;
  month: string | null;
  organisation_id: string | null;
  count: number;
  placed: number;
  outside: number;
}
interface MatchRow {
  g: 'HOW' | 'COMPANY' | 'PLACE' | 'EDUCATOR';
  period: Period;
  how: MatchHow | null;
  kind: NeedKind | null;
  placement: boolean | null;
  company_id: string | null;
  place: string | null;
  educator_organisation_id: string | null;
  count: number;
  placements: number;
  cooperation: boolean;
}
interface BookingRow {
  g: 'TOTAL' | 'MONTH' | 'PLACE' | 'COMPANY';
  period: Period;
  month: string | null;
  place: string | null;
  company_id: string | null;
  seats: number;
  attended: number;
  marked_participants: number | null;
  marked_attended: number | null;
  attended_educational: number | null;
  online_seats: number | null;
}
interface SessionRow {
  g: 'TOTAL' | 'MONTH' | 'CANCELLED';
  period: Period;
  month: string | null;
  sessions: number;
  courses: number;
  placed: number;
  outside: number;
  educators: string[] | null;
}
interface MembersRow {
  verified_current: number;
  verified_previous: number;
  new_current: number;
  new_previous: number;
}

const PLACEMENT_KINDS = NEED_KINDS.filter((k) => k !== 'COURSE');
const ENDED_STATES = NEED_STATES.filter((s) => s !== 'DRAFT');
const round1 = (n: number | null | undefined) => (n == null ? null : Math.round(n * 10) / 10);
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
const sum = <T>(rows: T[], pick: (row: T) => number | null | undefined) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
/** A figure from rows of both periods. */
const both = <T extends { period: Period }>(rows: T[], pick: (rows: T[]) => number): Figure => ({
  current: pick(rows.filter((r) => r.period === 'C')),
  previous: pick(rows.filter((r) => r.period === 'P')),
});

/** Every month ("YYYY-MM") from the period's first to its last. */
function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** Computes the report for a period, with no check of who asks (the public results use it too). */
export async function computeReport(deps: Deps, period: ReportPeriod): Promise<ClusterReportDto> {
  const s = reportStatements(period);
  const db = deps.db;
  // Independent statements: on PostgreSQL the pool runs them side by side.
  const [needRows, medians, matchRows, bookingRows, sessionRows, companyRows, members] = await Promise.all([
    queryRows<NeedRow>(db, s.needFacts),
    queryRows<{ measure: 'FIRST_MATCH' | 'FILLED'; period: Period; days: number | null }>(db, s.medians),
    queryRows<MatchRow>(db, s.matchFacts),
    queryRows<BookingRow>(db, s.bookingFacts),
    queryRows<SessionRow>(db, s.sessionFacts),
    queryRows<{ id: string; municipality_code: string | null }>(db, s.companies),
    queryRows<MembersRow>(db, s.members),
  ]);

  const needsBy = (g: NeedRow['g']) => needRows.filter((r) => r.g === g);
  const matchesBy = (g: MatchRow['g']) => matchRows.filter((r) => r.g === g);
  const bookingsBy = (g: BookingRow['g']) => bookingRows.filter((r) => r.g === g);
  const sessionsBy = (g: SessionRow['g']) => sessionRows.filter((r) => r.g === g);
  const median = (measure: 'FIRST_MATCH' | 'FILLED'): RatioFigure => ({
    current: round1(medians.find((r) => r.measure === measure && r.period === 'C')?.days),
    previous: round1(medians.find((r) => r.measure === measure && r.period === 'P')?.days),
  });
  const months = monthsOf(period);

  // Companies, by period: who posted, who was matched (and cooperated), who had staff on a session.
  const placeOf = new Map(companyRows.map((c) => [c.id, c.municipality_code]));
  const isCompany = (id: string | null): id is string => id !== null && placeOf.has(id);
  const companySets = (p: Period) => {
    const posted = new Set(
      needsBy('COMPANY')
        .filter((r) => r.period === p)
        .map((r) => r.organisation_id)
        .filter(isCompany),
    );
    const matched = matchesBy('COMPANY').filter((r) => r.period === p && isCompany(r.company_id));
    const booked = bookingsBy('COMPANY').filter((r) => r.period === p && isCompany(r.company_id));
    const served = new Set([...matched, ...booked].map((r) => r.company_id!));
    return {
      active: new Set([...posted, ...served]),
      served,
      rco01: new Set([...matched, ...booked.filter((r) => r.attended > 0)].map((r) => r.company_id!)),
      rco10: new Set(
        [...matched.filter((r) => r.cooperation), ...booked.filter((r) => (r.attended_educational ?? 0) > 0)].map(
          (r) => r.company_id!,
        ),
      ),
      rcr97: sum(matched, (r) => r.placements),
      rcr98: sum(booked, (r) => r.attended),
    };
  };
  const sets = { C: companySets('C'), P: companySets('P') };
  const companyFigure = (pick: (s: ReturnType<typeof companySets>) => number): Figure => ({
    current: pick(sets.C),
    previous: pick(sets.P),
  });

  // People and companies per municipality: placements where the need is, seats where the session
  // is (online seats where the booking company is), companies where they are.
  const places = new Map<string | null, { companies: [number, number]; people: [number, number] }>();
  const at = (place: string | null) => {
    const entry = places.get(place) ?? { companies: [0, 0] as [number, number], people: [0, 0] as [number, number] };
    places.set(place, entry);
    return entry;
  };
  PERIODS.forEach((p, index) => {
    const i = index as 0 | 1;
    for (const r of matchesBy('PLACE').filter((r) => r.period === p && r.placements > 0))
      at(r.place).people[i] += r.placements;
    for (const r of bookingsBy('PLACE').filter((r) => r.period === p && r.place !== null))
      at(r.place).people[i] += r.seats;
    for (const r of bookingsBy('COMPANY').filter((r) => r.period === p && r.online_seats)) {
      at(isCompany(r.company_id) ? (placeOf.get(r.company_id) ?? null) : null).people[i] += r.online_seats!;
    }
    for (const id of sets[p].served) at(placeOf.get(id) ?? null).companies[i] += 1;
  });

  const placed = (p: Period) => {
    const rows = [
      ...needsBy('PLACE').filter((r) => r.period === p),
      ...sessionsBy('TOTAL').filter((r) => r.period === p),
    ];
    const matchPlaces = matchesBy('PLACE').filter((r) => r.period === p && r.place !== null);
    return ratio(
      sum(rows, (r) => r.outside) + sum(matchPlaces, (r) => (r.place !== ROVANIEMI_CODE ? r.count : 0)),
      sum(rows, (r) => r.placed) + sum(matchPlaces, (r) => r.count),
    );
  };
  const educators = (p: Period) =>
    new Set([
      ...sessionsBy('TOTAL')
        .filter((r) => r.period === p)
        .flatMap((r) => r.educators ?? []),
      ...matchesBy('EDUCATOR')
        .filter((r) => r.period === p && r.educator_organisation_id)
        .map((r) => r.educator_organisation_id!),
    ]).size;
  const totals = (p: Period) => bookingsBy('TOTAL').find((r) => r.period === p);
  const attendanceRate = (p: Period) => ratio(totals(p)?.marked_attended ?? 0, totals(p)?.marked_participants ?? 0);
  const member = members[0] ?? { verified_current: 0, verified_previous: 0, new_current: 0, new_previous: 0 };
  const howRows = matchesBy('HOW');

  return {
    period,
    previousPeriod: previousPeriod(period),
    needs: {
      posted: both(needsBy('PLACE'), (rows) => sum(rows, (r) => r.count)),
      byKindAndState: NEED_KINDS.flatMap((kind) =>
        ENDED_STATES.map((state) => ({
          kind,
          state,
          ...both(
            needsBy('STATE').filter((r) => r.kind === kind && r.state === state),
            (rows) => sum(rows, (r) => r.count),
          ),
        })),
      ),
      perMonth: months.flatMap((month) =>
        NEED_KINDS.map((kind) => ({
          month,
          kind,
          count: needsBy('MONTH').find((r) => r.period === 'C' && r.month === month && r.kind === kind)?.count ?? 0,
        })),
      ),
    },
    matches: {
      made: both(howRows, (rows) => sum(rows, (r) => r.count)),
      byHow: MATCH_HOWS.map((how) => ({
        how,
        ...both(
          howRows.filter((r) => r.how === how),
          (rows) => sum(rows, (r) => r.count),
        ),
      })),
      medianDaysToFirstMatch: median('FIRST_MATCH'),
      medianDaysToFilled: median('FILLED'),
    },
    courses: {
      coursesHeld: both(sessionsBy('TOTAL'), (rows) => sum(rows, (r) => r.courses)),
      sessionsHeld: both(sessionsBy('TOTAL'), (rows) => sum(rows, (r) => r.sessions)),
      seatsBooked: both(bookingsBy('TOTAL'), (rows) => sum(rows, (r) => r.seats)),
      participantsAttended: both(bookingsBy('TOTAL'), (rows) => sum(rows, (r) => r.attended)),
      attendanceRate: { current: attendanceRate('C'), previous: attendanceRate('P') },
      sessionsCancelledTooFew: both(sessionsBy('CANCELLED'), (rows) => sum(rows, (r) => r.sessions)),
      sessionsPerMonth: months.map((month) => ({
        month,
        sessions: sessionsBy('MONTH').find((r) => r.month === month)?.sessions ?? 0,
        participantsAttended: bookingsBy('MONTH').find((r) => r.period === 'C' && r.month === month)?.attended ?? 0,
      })),
    },
    placements: {
      filled: both(howRows, (rows) => sum(rows, (r) => r.placements)),
      byKind: PLACEMENT_KINDS.map((kind) => ({
        kind,
        ...both(
          howRows.filter((r) => r.kind === kind),
          (rows) => sum(rows, (r) => r.placements),
        ),
      })),
    },
    reach: {
      companiesServed: companyFigure((s) => s.served.size),
      peopleServed: {
        current: sum([...places.values()], (e) => e.people[0]),
        previous: sum([...places.values()], (e) => e.people[1]),
      },
      byMunicipality: [...places.entries()]
        .filter(([, e]) => e.companies[0] + e.companies[1] + e.people[0] + e.people[1] > 0)
        .map(([municipalityCode, e]) => ({
          municipalityCode,
          companies: e.companies[0],
          people: e.people[0],
          previousCompanies: e.companies[1],
          previousPeople: e.people[1],
        }))
        .sort((a, b) => (a.municipalityCode ?? '~').localeCompare(b.municipalityCode ?? '~')),
      shareOutsideRovaniemi: { current: placed('C'), previous: placed('P') },
    },
    organisations: {
      activeCompanies: companyFigure((s) => s.active.size),
      activeEducational: { current: educators('C'), previous: educators('P') },
      verifiedMembers: { current: member.verified_current, previous: member.verified_previous },
      newMembers: { current: member.new_current, previous: member.new_previous },
    },
    indicators: REPORT_INDICATORS.map((code) => ({
      code,
      ...companyFigure((s) =>
        code === 'RCO01' ? s.rco01.size : code === 'RCO10' ? s.rco10.size : code === 'RCR97' ? s.rcr97 : s.rcr98,
      ),
    })),
  };
}

/** The coordinator's report: coordinators only; the period as the shared schema allows it. */
export async function clusterReport(
  deps: Deps,
  viewer: Viewer | null,
  period: { from: unknown; to: unknown },
): Promise<ClusterReportDto> {
  if (!viewer) throw unauthenticated();
  if (!reportPolicy.readReport(viewer)) throw forbidden('Only coordinators read the cluster report');
  return computeReport(deps, parseInput(reportPeriodSchema, period));
}
