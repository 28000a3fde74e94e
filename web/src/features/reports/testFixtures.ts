import type { ClusterReport } from './operations';

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** The report for 2026 as the server answers it, with the figures the tests look for. */
export const reportFixture = (overrides: Partial<ClusterReport> = {}): ClusterReport => ({
  period: { from: '2026-01-01', to: '2026-12-31' },
  previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
  needs: {
    posted: { current: 42, previous: 30 },
    byKindAndState: [
      { kind: 'COURSE', state: 'OPEN', current: 10, previous: 8 },
      { kind: 'COURSE', state: 'FILLED', current: 14, previous: 9 },
      { kind: 'INTERNSHIP', state: 'FILLED', current: 6, previous: 6 },
      { kind: 'SUMMER_JOB', state: 'EXPIRED', current: 7, previous: 3 },
      { kind: 'THESIS', state: 'CLOSED', current: 5, previous: 4 },
    ],
    perMonth: months(2026).flatMap((month, i) => [
      { month, kind: 'COURSE' as const, count: i === 0 ? 5 : 2 },
      { month, kind: 'INTERNSHIP' as const, count: i === 0 ? 1 : 0 },
      { month, kind: 'SUMMER_JOB' as const, count: i < 3 ? 2 : 0 },
      { month, kind: 'THESIS' as const, count: 0 },
    ]),
  },
  matches: {
    made: { current: 25, previous: 25 },
    byHow: [
      { how: 'PROPOSAL', current: 9, previous: 12 },
      { how: 'APPLICATION', current: 11, previous: 10 },
      { how: 'BOOKING', current: 5, previous: 3 },
    ],
    medianDaysToFirstMatch: { current: 12.5, previous: 14 },
    medianDaysToFilled: { current: null, previous: 30 },
  },
  courses: {
    coursesHeld: { current: 8, previous: 10 },
    sessionsHeld: { current: 15, previous: 12 },
    seatsBooked: { current: 120, previous: 90 },
    participantsAttended: { current: 102, previous: 81 },
    attendanceRate: { current: 0.85, previous: 0.9 },
    sessionsCancelledTooFew: { current: 1, previous: 0 },
    sessionsPerMonth: months(2026).map((month, i) => ({
      month,
      sessions: i === 2 ? 4 : 1,
      participantsAttended: i === 2 ? 30 : 6,
    })),
  },
  placements: {
    filled: { current: 11, previous: 7 },
    byKind: [
      { kind: 'INTERNSHIP', current: 6, previous: 4 },
      { kind: 'SUMMER_JOB', current: 3, previous: 3 },
      { kind: 'THESIS', current: 2, previous: 0 },
    ],
  },
  reach: {
    companiesServed: { current: 18, previous: 15 },
    peopleServed: { current: 131, previous: 97 },
    byMunicipality: [
      { municipalityCode: '148', companies: 2, people: 9, previousCompanies: 1, previousPeople: 4 },
      { municipalityCode: '240', companies: 3, people: 22, previousCompanies: 3, previousPeople: 20 },
      { municipalityCode: '698', companies: 10, people: 85, previousCompanies: 9, previousPeople: 60 },
      { municipalityCode: '851', companies: 2, people: 10, previousCompanies: 2, previousPeople: 13 },
      { municipalityCode: null, companies: 1, people: 5, previousCompanies: 0, previousPeople: 0 },
    ],
    shareOutsideRovaniemi: { current: 0.4, previous: 0.35 },
  },
  organisations: {
    activeCompanies: { current: 18, previous: 15 },
    activeEducational: { current: 4, previous: 4 },
    verifiedMembers: { current: 30, previous: 26 },
    newMembers: { current: 4, previous: 6 },
  },
  indicators: [
    { code: 'RCO01', current: 16, previous: 13 },
    { code: 'RCO10', current: 9, previous: 7 },
    { code: 'RCR97', current: 11, previous: 7 },
    { code: 'RCR98', current: 95, previous: 70 },
  ],
  ...overrides,
});
