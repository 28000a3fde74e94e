/**
 * The reports' use cases: the coordinator's report, unmet demand (coordinators and educators) and
 * the public results. Each runs the statements of ./statements.ts (the report's) or ./unmet.ts and
 * shapes their rows into the DTOs of ./types.ts.
 */
import {
  MATCH_HOWS,
  NEED_KINDS,
  NEED_STATES,
  previousPeriod,
  REPORT_INDICATORS,
  reportPeriodSchema,
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

const figure = (rows: Array<{ period: Period; n: number }>): Figure => ({
  current: rows.filter((r) => r.period === 'C').reduce((s, r) => s + r.n, 0),
  previous: rows.filter((r) => r.period === 'P').reduce((s, r) => s + r.n, 0),
});

const PLACEMENT_KINDS = NEED_KINDS.filter((k) => k !== 'COURSE');
const ENDED_STATES = NEED_STATES.filter((s) => s !== 'DRAFT');

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

const round1 = (n: number | null | undefined) => (n == null ? null : Math.round(n * 10) / 10);

/** Computes the report for a period, with no check of who asks (the public results use it too). */
export async function computeReport(deps: Deps, period: ReportPeriod): Promise<ClusterReportDto> {
  const s = reportStatements(period);
  const db = deps.db;
  // Independent statements: on PostgreSQL the pool runs them side by side.
  const [kindState, perMonth, matches, medians, courses, cancelled, reach, members] = await Promise.all([
    queryRows<{ kind: NeedKind; period: Period; state: NeedState; count: number }>(db, s.needsByKindAndState),
    queryRows<{ month: string; kind: NeedKind; count: number }>(db, s.needsPerMonth),
    queryRows<{ period: Period; how: MatchHow; kind: NeedKind; placement: boolean; count: number }>(db, s.matchesMade),
    queryRows<{ measure: 'FIRST_MATCH' | 'FILLED'; period: Period; days: number | null }>(db, s.medians),
    queryRows<CourseRow>(db, s.courseFigures),
    queryRows<{ period: Period; count: number }>(db, s.cancelledTooFew),
    queryRows<ReachRow>(db, s.reachAndIndicators),
    queryRows<MembersRow>(db, s.members),
  ]);

  const count = <T extends { period: Period; count: number }>(rows: T[], keep: (r: T) => boolean = () => true) =>
    figure(rows.filter(keep).map((r) => ({ period: r.period, n: r.count })));
  const median = (measure: 'FIRST_MATCH' | 'FILLED'): RatioFigure => ({
    current: round1(medians.find((r) => r.measure === measure && r.period === 'C')?.days),
    previous: round1(medians.find((r) => r.measure === measure && r.period === 'P')?.days),
  });
  const courseRow = (period: Period) => courses.find((r) => r.period === period);
  const courseFigure = (pick: (r: CourseRow) => number): Figure => ({
    current: pick(courseRow('C') ?? EMPTY_COURSE),
    previous: pick(courseRow('P') ?? EMPTY_COURSE),
  });
  const rate = (r: CourseRow | undefined) =>
    r && r.marked_participants ? Math.round((r.marked_attended / r.marked_participants) * 1000) / 1000 : null;
  const totals = (period: Period) => reach.find((r) => r.row_kind === 'TOTALS' && r.period === period) ?? EMPTY_REACH;
  const reachFigure = (pick: (r: ReachRow) => number | null): Figure => ({
    current: pick(totals('C')) ?? 0,
    previous: pick(totals('P')) ?? 0,
  });
  const share = (r: ReachRow) =>
    r.placed_activities ? Math.round((r.outside_rovaniemi / r.placed_activities) * 1000) / 1000 : null;

  const places = new Map<string | null, { companies: [number, number]; people: [number, number] }>();
  for (const r of reach) {
    if (r.row_kind === 'TOTALS') continue;
    const entry = places.get(r.place) ?? { companies: [0, 0], people: [0, 0] };
    const i = r.period === 'C' ? 0 : 1;
    if (r.row_kind === 'PLACE') entry.people[i] += r.people_served ?? 0;
    else entry.companies[i] += r.companies_served;
    places.set(r.place, entry);
  }
  const months = monthsOf(period);
  const member = members[0] ?? { verified_current: 0, verified_previous: 0, new_current: 0, new_previous: 0 };

  return {
    period,
    previousPeriod: previousPeriod(period),
    needs: {
      posted: count(kindState),
      byKindAndState: NEED_KINDS.flatMap((kind) =>
        ENDED_STATES.map((state) => ({
          kind,
          state,
          ...count(kindState, (r) => r.kind === kind && r.state === state),
        })),
      ),
      perMonth: months.flatMap((month) =>
        NEED_KINDS.map((kind) => ({
          month,
          kind,
          count: perMonth.find((r) => r.month === month && r.kind === kind)?.count ?? 0,
        })),
      ),
    },
    matches: {
      made: count(matches),
      byHow: MATCH_HOWS.map((how) => ({ how, ...count(matches, (r) => r.how === how) })),
      medianDaysToFirstMatch: median('FIRST_MATCH'),
      medianDaysToFilled: median('FILLED'),
    },
    courses: {
      coursesHeld: courseFigure((r) => r.courses),
      sessionsHeld: courseFigure((r) => r.sessions),
      seatsBooked: courseFigure((r) => r.seats),
      participantsAttended: courseFigure((r) => r.attended),
      attendanceRate: { current: rate(courseRow('C')), previous: rate(courseRow('P')) },
      sessionsCancelledTooFew: count(cancelled),
      sessionsPerMonth: months.map((month) => {
        const row = courses.find((r) => r.period === 'M' && r.month === month);
        return { month, sessions: row?.sessions ?? 0, participantsAttended: row?.attended ?? 0 };
      }),
    },
    placements: {
      filled: count(matches, (r) => r.placement),
      byKind: PLACEMENT_KINDS.map((kind) => ({ kind, ...count(matches, (r) => r.placement && r.kind === kind) })),
    },
    reach: {
      companiesServed: reachFigure((r) => r.companies_served),
      peopleServed: reachFigure((r) => r.people_served),
      byMunicipality: [...places.entries()]
        .map(([municipalityCode, e]) => ({
          municipalityCode,
          companies: e.companies[0],
          people: e.people[0],
          previousCompanies: e.companies[1],
          previousPeople: e.people[1],
        }))
        .sort((a, b) => (a.municipalityCode ?? '~').localeCompare(b.municipalityCode ?? '~')),
      shareOutsideRovaniemi: { current: share(totals('C')), previous: share(totals('P')) },
    },
    organisations: {
      activeCompanies: reachFigure((r) => r.active_companies),
      activeEducational: reachFigure((r) => r.active_educational),
      verifiedMembers: { current: member.verified_current, previous: member.verified_previous },
      newMembers: { current: member.new_current, previous: member.new_previous },
    },
    indicators: REPORT_INDICATORS.map((code) => ({
      code,
      ...reachFigure((r) => r[code.toLowerCase() as 'rco01' | 'rco10' | 'rcr97' | 'rcr98']),
    })),
  };
}

interface CourseRow {
  period: Period | 'M';
  month: string | null;
  courses: number;
  sessions: number;
  seats: number;
  attended: number;
  marked_participants: number;
  marked_attended: number;
}
const EMPTY_COURSE: CourseRow = {
  period: 'C',
  month: null,
  courses: 0,
  sessions: 0,
  seats: 0,
  attended: 0,
  marked_participants: 0,
  marked_attended: 0,
};

interface ReachRow {
  row_kind: 'TOTALS' | 'PLACE' | 'COMPANY_PLACE';
  period: Period;
  place: string | null;
  active_companies: number;
  companies_served: number;
  people_served: number | null;
  placed_activities: number;
  outside_rovaniemi: number;
  active_educational: number;
  rco01: number;
  rco10: number;
  rcr97: number;
  rcr98: number | null;
}
const EMPTY_REACH: ReachRow = {
  row_kind: 'TOTALS',
  period: 'C',
  place: null,
  active_companies: 0,
  companies_served: 0,
  people_served: 0,
  placed_activities: 0,
  outside_rovaniemi: 0,
  active_educational: 0,
  rco01: 0,
  rco10: 0,
  rcr97: 0,
  rcr98: 0,
};

interface MembersRow {
  verified_current: number;
  verified_previous: number;
  new_current: number;
  new_previous: number;
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
