/**
 * The demo's past: about sixteen months of the cluster's work before the day of the first start,
 * planned in memory and then written by ./demo-history.ts. Companies join over time and post
 * needs in their seasons (summer jobs in January–April, internships in spring, thesis topics in
 * autumn, training all year but July and Christmas); students apply, companies shortlist, offer
 * and fill; coordinators and educators propose courses; companies book the educators' courses for
 * their staff, who attend or do not. Whatever people do is on an office day at office hours in
 * Helsinki (students also in the evening; a deadline passes at midnight), and a need's story ends
 * before today: the open needs are the current demo's.
 *
 * Pure and deterministic: the same day gives the same plan (a seeded generator), so the tests that
 * read it are stable. Rows refer to each other by ids made here, and to the demo's accounts and
 * organisations by their account keys (an organisation by its owner's).
 */
import {
  distanceKm,
  NEED_FILLED_REASON,
  type ApplicationState,
  type Locale,
  type NeedKind,
  type OrganisationKind,
  type ProposalOrigin,
  type ProposalState,
  type StudyLevel,
} from '@keskusvaraamo/shared';
import type { DemoStudent } from './marketplace.js';
import {
  CAMPUSES,
  CLOSED_REASON,
  FILLED_ELSEWHERE_REASON,
  COURSE_NEEDS,
  COVER_LETTERS,
  FIRST_NAMES,
  HISTORY_COURSES,
  IN_MUNICIPALITY,
  LAST_NAMES,
  PROPOSAL_NOTES,
  REJECT_REASONS,
  ROLES,
  termLabel,
  VENUES,
  type HistoryCourse,
} from './history-texts.js';
import { Random } from './random.js';
import { addDays, daysBetween, isCourseDay, isOfficeDay, timeline } from './timeline.js';

/** How many months back the history starts (from the first day of that month). */
export const HISTORY_MONTHS = 16;
const SEED = 14_2026;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MEETING_URL = 'https://meet.demo.keskusvaraamo.fi';
/** The demo student's applications and bookings are the current demo's alone (its tests count them). */
const NEVER_IN_HISTORY = new Set(['student']);

/** What a company does and when it joined: month index from the start of the history. */
export interface CompanyProfile {
  topics: string[];
  joinedMonth: number;
  /** How active it is: the Rovaniemi–Kemi–Tornio companies are bigger. */
  weight: number;
  /**
   * The demo entrepreneur's company: its past holds only course needs answered by bookings, so
   * that its placements, applications and proposals are the current demo's alone.
   */
  coursesOnly?: boolean;
}

export const COMPANY_PROFILES: Record<string, CompanyProfile> = {
  kemijoki: {
    topics: ['wood-chips', 'district-heating', 'heat-entrepreneurship', 'machinery-maintenance', 'automation'],
    joinedMonth: 0,
    weight: 1.6,
  },
  tornionlaakso: { topics: ['district-heating', 'wood-chips', 'heat-entrepreneurship'], joinedMonth: 0, weight: 1.3 },
  aurinkolappi: { topics: ['solar-pv', 'energy-storage', 'electrical-installation'], joinedMonth: 0, weight: 1.2 },
  pello: { topics: ['pellets', 'machinery-maintenance'], joinedMonth: 1, weight: 0.9 },
  posio: { topics: ['forest-energy-harvesting', 'firewood', 'machinery-maintenance'], joinedMonth: 1, weight: 0.8 },
  ranua: { topics: ['farm-energy', 'energy-audits', 'solar-pv'], joinedMonth: 2, weight: 0.8 },
  sodankyla: { topics: ['biogas', 'farm-energy'], joinedMonth: 3, weight: 0.8 },
  napapiiri: { topics: ['solar-pv', 'electrical-installation', 'electric-mobility'], joinedMonth: 3, weight: 1.5 },
  keminmaa: { topics: ['ground-source-heat', 'air-heat-pumps', 'hvac'], joinedMonth: 4, weight: 1 },
  perameri: { topics: ['wind-power', 'machinery-maintenance', 'electrical-installation'], joinedMonth: 5, weight: 1.4 },
  kittila: { topics: ['building-energy', 'energy-audits', 'hvac'], joinedMonth: 6, weight: 0.9 },
  tornio: { topics: ['wood-chips', 'district-heating', 'automation'], joinedMonth: 6, weight: 1.3 },
  ounasvaara: { topics: ['hvac', 'ground-source-heat', 'building-energy'], joinedMonth: 7, weight: 1.4 },
  inari: { topics: ['firewood', 'wood-chips', 'forest-energy-harvesting'], joinedMonth: 8, weight: 0.7 },
  kemi: { topics: ['building-energy', 'energy-audits', 'hvac'], joinedMonth: 9, weight: 1.3 },
  ylitornio: { topics: ['farm-energy', 'biogas', 'solar-pv'], joinedMonth: 10, weight: 0.8 },
  entrepreneur: {
    topics: ['solar-pv', 'air-heat-pumps', 'hvac'],
    joinedMonth: 7,
    weight: 0.8,
    coursesOnly: true,
  },
  tervola: { topics: ['wood-chips', 'forest-energy-harvesting'], joinedMonth: 11, weight: 0.7 },
  saariselka: { topics: ['building-energy', 'hvac', 'electric-mobility'], joinedMonth: 12, weight: 0.9 },
  kolari: { topics: ['wind-power', 'electrical-installation'], joinedMonth: 13, weight: 0.6 },
  simo: { topics: ['solar-pv', 'energy-storage'], joinedMonth: 14, weight: 0.6 },
};

/** A demo organisation as the history needs it, by its owner's account key. */
export interface HistoryOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  municipalityCode: string;
  verified: boolean;
  language?: Locale;
}

export interface HistoryInput {
  now: Date;
  organisations: HistoryOrganisation[];
  students: DemoStudent[];
  /** Display names by account key (bookers sit their own courses). */
  names: Map<string, string>;
  /** E-mail addresses by account key. */
  emails: Map<string, string>;
}

export interface PlannedNeed {
  id: string;
  kind: NeedKind;
  by: string;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string;
  remote: boolean;
  periodStart: string;
  periodEnd: string;
  positions: number;
  payKind: 'PAID' | 'UNPAID' | null;
  payAmountCents: number | null;
  budgetCents: number | null;
  thesisLevel: StudyLevel | null;
  applicationDeadline: string | null;
  createdAt: Date;
  publishedAt: Date;
  /** The state it ended in. */
  state: 'FILLED' | 'EXPIRED' | 'CLOSED';
  /** When it stopped being open (filled, closed, or its deadline passed). */
  endedAt: Date;
  /** Filled after its deadline had passed: EXPIRED at `endedAt`, FILLED at this moment. */
  filledAt: Date | null;
}

export interface PlannedEvent {
  from: ApplicationState | null;
  to: ApplicationState;
  /** An account key; null for the system (the last position was filled). */
  actor: string | null;
  at: Date;
  reason: string | null;
}

export interface PlannedApplication {
  id: string;
  needId: string;
  student: string;
  coverLetter: string;
  events: PlannedEvent[];
}

export interface PlannedOffer {
  id: string;
  by: string;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string | null;
  online: boolean;
  createdAt: Date;
  publishedAt: Date;
  archivedAt: Date;
}

export interface PlannedSession {
  id: string;
  offerId: string;
  course: HistoryCourse;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  place: string;
  municipalityCode: string | null;
  onlineUrl: string | null;
  seats: number;
  priceCents: number;
  language: Locale;
  minParticipants: number | null;
  decisionAt: Date | null;
  /** Cancelled at the decision because too few had booked. */
  cancelledAt: Date | null;
  createdAt: Date;
  /** Seats the plan means to fill. */
  target: number;
  /** Seats held by its confirmed bookings (none once cancelled). */
  seatsTaken: number;
}

export interface PlannedParticipant {
  name: string;
  email: string;
  attended: boolean | null;
}

export interface PlannedBooking {
  id: string;
  sessionId: string;
  by: string;
  needId: string | null;
  seats: number;
  confirmedAt: Date;
  /** Cancelled by the booker, or with the session for too few participants. */
  cancelledAt: Date | null;
  cancelReason: 'BY_BOOKER' | 'MINIMUM_NOT_REACHED' | null;
  participants: PlannedParticipant[];
}

export interface PlannedProposal {
  id: string;
  needId: string;
  targetKind: 'SESSION' | 'STUDENT';
  sessionId: string | null;
  offerId: string | null;
  student: string | null;
  origin: ProposalOrigin;
  proposedBy: string;
  note: string;
  state: Exclude<ProposalState, 'OPEN'>;
  createdAt: Date;
  needAnswer: 'ACCEPTED' | 'DECLINED' | null;
  needAnsweredBy: string | null;
  needAnsweredAt: Date | null;
  targetAnswer: 'ACCEPTED' | 'DECLINED' | null;
  targetAnsweredBy: string | null;
  targetAnsweredAt: Date | null;
  decidedAt: Date;
  /** The match made when both accepted. */
  match: { id: string; matchedAt: Date; minutesToMatch: number } | null;
}

export interface HistoryPlan {
  start: string;
  /** When each organisation registered, and was verified (null: it waits). By owner's key. */
  organisations: Map<string, { createdAt: Date; verifiedAt: Date | null }>;
  /** When each account registered, by key. */
  users: Map<string, Date>;
  offers: PlannedOffer[];
  sessions: PlannedSession[];
  bookings: PlannedBooking[];
  needs: PlannedNeed[];
  applications: PlannedApplication[];
  proposals: PlannedProposal[];
}

type Who = 'office' | 'student';

/** Postings per month at full growth, January first; doubled (SCALE) for the whole cluster. */
const NEEDS_PER_MONTH: Record<NeedKind, number[]> = {
  COURSE: [4, 5, 5, 4, 3, 2, 0, 3, 6, 6, 5, 2],
  SUMMER_JOB: [4, 6, 5, 2, 0, 0, 0, 0, 0, 0, 0, 0],
  INTERNSHIP: [0, 2, 3, 3, 2, 0, 0, 0, 2, 2, 1, 0],
  THESIS: [1, 1, 0, 0, 0, 0, 0, 0, 3, 3, 2, 0],
};
const SCALE = 2.5;
/** When in the year each kind is posted ("MM-DD" ranges). */
const SEASONS: Record<NeedKind, [string, string][]> = {
  COURSE: [['01-07', '12-19']],
  SUMMER_JOB: [['01-07', '04-20']],
  INTERNSHIP: [
    ['02-01', '05-31'],
    ['09-01', '11-20'],
  ],
  THESIS: [
    ['01-10', '02-28'],
    ['09-01', '11-30'],
  ],
};
/** A placement's story must be over this long before today; the open ones are the current demo's. */
const PLACEMENT_QUIET_DAYS = 30;
const COURSE_NEED_QUIET_DAYS = 20;
const CORE = new Set(['698', '240', '851']);

export function planHistory(input: HistoryInput): HistoryPlan {
  const rng = new Random(SEED);
  const ids = new Random(SEED + 1);
  const { now } = input;
  const t = timeline(now);
  const start = t.monthStart(-HISTORY_MONTHS);
  const totalDays = daysBetween(start, t.today);
  /** The platform grows: activity from 45 % at the start to 100 % today. */
  const growth = (at: Date | string) => {
    const date = typeof at === 'string' ? at : helsinkiDay(at);
    return 0.45 + (0.55 * Math.max(0, daysBetween(start, date))) / totalDays;
  };
  /** Nothing in the history happens later than this. */
  const cutoff = new Date(now.getTime() - 3 * HOUR_MS);

  // Moments ------------------------------------------------------------------------------------

  const clock = helsinkiClock;
  const OFFICE_HOURS = [8, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16];
  const STUDENT_HOURS = [...OFFICE_HOURS, 17, 18, 19, 19, 20, 20, 21];
  const minutesOfDay = (who: Who) => {
    const hour = rng.pick(who === 'office' ? OFFICE_HOURS : STUDENT_HOURS);
    return hour * 60 + rng.int(0, hour === 16 ? 30 : 59);
  };
  // The office days of the history and a little around it, for picking days quickly.
  const officeDays: string[] = [];
  for (let day = addDays(start, -60); day <= addDays(t.today, 60); day = addDays(day, 1)) {
    if (isOfficeDay(day)) officeDays.push(day);
  }
  /** The index of the first office day on or after `date` (officeDays.length when past them). */
  const indexFrom = (date: string) => {
    let lo = 0;
    let hi = officeDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (officeDays[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const officeDayFrom = (date: string) => {
    const found = officeDays[indexFrom(date)];
    if (found && date >= officeDays[0]!) return found;
    let day = date;
    while (!isOfficeDay(day)) day = addDays(day, 1);
    return day;
  };
  /** A moment on an office day `minDays`–`maxDays` days after `after`, always later than it. */
  const later = (after: Date, minDays: number, maxDays: number, who: Who = 'office'): Date => {
    let day = officeDayFrom(addDays(helsinkiDay(after), rng.int(minDays, Math.max(minDays, maxDays))));
    for (let tries = 0; tries < 60; tries++) {
      const moment = clock(day, minutesOfDay(who));
      if (moment > after) return moment;
      if (tries % 3 === 2) day = officeDayFrom(addDays(day, 1));
    }
    throw new Error('Demo history: no office day found');
  };
  /** A moment on an office day between two dates (inclusive), or null when there is none. */
  const onDayBetween = (from: string, to: string, who: Who = 'office'): Date | null => {
    const lo = indexFrom(from);
    const hi = indexFrom(addDays(to, 1)) - 1;
    return lo <= hi ? clock(officeDays[rng.int(lo, hi)]!, minutesOfDay(who)) : null;
  };
  const minutesLater = (at: Date, min: number, max: number) => new Date(at.getTime() + rng.int(min, max) * 60_000);

  // Organisations and accounts -----------------------------------------------------------------

  const launch = officeDayFrom(start);
  const organisations = new Map<string, { createdAt: Date; verifiedAt: Date | null }>();
  const users = new Map<string, Date>();
  users.set('admin', clock(officeDayFrom(addDays(launch, -30)), 10 * 60 + 12));
  users.set('coordinator', clock(officeDayFrom(addDays(launch, -28)), 9 * 60 + 41));
  const joined = new Map<string, Date>();
  for (const org of input.organisations) {
    let createdAt: Date;
    if (org.kind === 'COMPANY') {
      const profile = COMPANY_PROFILES[org.key];
      const month = t.monthStart(-HISTORY_MONTHS + (profile?.joinedMonth ?? HISTORY_MONTHS - 1));
      // Every company was there a fortnight before today: the current demo's needs are that old.
      const latest = addDays(t.today, -21);
      const from = month > latest ? latest : month;
      const to = [addDays(month, 20), latest].sort()[0]!;
      createdAt = onDayBetween(from, to) ?? later(clock(from, 8 * 60), 0, 3);
    } else {
      createdAt = onDayBetween(launch, addDays(launch, 6))!;
    }
    organisations.set(org.key, { createdAt, verifiedAt: org.verified ? later(createdAt, 0, 6) : null });
    users.set(org.key, minutesLater(createdAt, -40, -5));
    joined.set(org.key, createdAt);
  }

  const companies = input.organisations.filter((o) => o.kind === 'COMPANY' && COMPANY_PROFILES[o.key]);
  const students = input.students.filter((s) => !NEVER_IN_HISTORY.has(s.key));
  const isJoined = (key: string, at: Date) => (joined.get(key) ?? now) < new Date(at.getTime() - 2 * DAY_MS);

  /** How near two places are, as a weight: the same area counts most; online is near everyone. */
  const nearness = (a: string | null, b: string | null) => {
    if (!a || !b) return 1;
    const km = distanceKm(a, b) ?? 500;
    return km <= 60 ? 3 : km <= 150 ? 1.5 : km <= 300 ? 0.5 : 0.15;
  };
  const overlap = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

  /** Each company's staff, the people it sends to courses: the owner and a few colleagues. */
  const staff = new Map<string, PlannedParticipant[]>();
  const email = (name: string) =>
    `${name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .replace(/ /g, '.')}@example.fi`;
  for (const company of companies) {
    const owner = input.names.get(company.key) ?? company.name;
    const people = [{ name: owner, email: input.emails.get(company.key) ?? email(owner), attended: null }];
    const size = Math.round(2 + COMPANY_PROFILES[company.key]!.weight * 3);
    while (people.length < size) {
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      if (!people.some((p) => p.name === name)) people.push({ name, email: email(name), attended: null });
    }
    staff.set(company.key, people);
  }

  // Courses held ---------------------------------------------------------------------------------

  const offers: PlannedOffer[] = [];
  const sessions: PlannedSession[] = [];
  const terms = termsOf(addDays(start, 30), addDays(t.today, -3));
  const placeTurn = new Map<string, number>();
  for (const [index, term] of terms.entries()) {
    const courseDays = new Set<string>();
    for (let day = term.from; day <= term.to; day = addDays(day, 1)) if (isCourseDay(day)) courseDays.add(day);
    const age = Math.min(2, Math.max(0, 2 - (terms.length - 1 - index)));
    for (const course of HISTORY_COURSES) {
      const share = daysBetween(term.from, term.to) / (term.autumn ? 125 : 155);
      const count = rng.around(course.perTerm[age]! * Math.min(1, share) * (0.8 + 0.4 * growth(term.to)));
      if (count === 0) continue;
      const dates = courseDates(rng, courseDays, term.from, term.to, course.length ?? 1, count);
      if (dates.length === 0) continue;
      const language = course.language ?? 'fi';
      const offerId = ids.uuid();
      const offerSessions: PlannedSession[] = [];
      for (const first of dates) {
        const turn = placeTurn.get(course.key) ?? 0;
        placeTurn.set(course.key, turn + 1);
        const code = course.places[turn % course.places.length] ?? null;
        const last = addDays(first, (course.length ?? 1) - 1);
        const startsAt = clock(first, toMinutes(course.from ?? '09:00'));
        const minimum = course.minimum ?? null;
        const decisionDay = minimum ? lastOfficeDayBefore(addDays(first, -7)) : null;
        const decisionAt = decisionDay ? clock(decisionDay, 12 * 60) : null;
        const small = code !== null && !CORE.has(code);
        const cancelled = minimum !== null && rng.chance(small ? 0.22 : 0.1);
        const fill = 0.45 + rng.next() * 0.5;
        const target = cancelled
          ? rng.int(1, minimum - 1)
          : Math.max(minimum ?? 1, Math.round(course.seats * fill * (0.75 + 0.25 * growth(first))));
        offerSessions.push({
          id: ids.uuid(),
          offerId,
          course,
          startsAt,
          endsAt: clock(last, toMinutes(course.to ?? '16:00')),
          registrationDeadline: clock(addDays(first, -5), 23 * 60 + 59),
          place: code ? (CAMPUSES[course.by]?.[code] ?? VENUES[code]!) : language === 'en' ? 'Online' : 'Verkossa',
          municipalityCode: code,
          onlineUrl: code ? null : `${MEETING_URL}/${course.key}-${first}`,
          seats: course.seats,
          priceCents: course.price * 100,
          language,
          minParticipants: minimum,
          decisionAt,
          cancelledAt: cancelled && decisionAt ? minutesLater(decisionAt, 1, 3) : null,
          createdAt: startsAt,
          target: Math.min(target, course.seats),
          seatsTaken: 0,
        });
      }
      const firstStart = offerSessions[0]!.startsAt;
      const lastEnd = offerSessions[offerSessions.length - 1]!.endsAt;
      const educatorJoined = organisations.get(course.by)?.createdAt ?? clock(launch, 9 * 60);
      const open = helsinkiDay(
        new Date(Math.max(firstStart.getTime() - 75 * DAY_MS, educatorJoined.getTime() + DAY_MS)),
      );
      const createdAt =
        onDayBetween(open, helsinkiDay(new Date(firstStart.getTime() - 30 * DAY_MS))) ?? later(educatorJoined, 1, 3);
      const archivedAt = later(lastEnd, 1, 9);
      for (const s of offerSessions) s.createdAt = createdAt;
      const onSite = offerSessions.find((s) => s.municipalityCode);
      offers.push({
        id: offerId,
        by: course.by,
        title: `${course.title}, ${termLabel(language, term.autumn, Number(term.from.slice(0, 4)))}`,
        description: course.description,
        language,
        topics: course.topics,
        municipalityCode: onSite?.municipalityCode ?? null,
        online: offerSessions.some((s) => s.onlineUrl),
        createdAt,
        publishedAt: later(createdAt, 0, 2),
        // Archived some days after the last session; the same afternoon when that was only just now.
        archivedAt: archivedAt < cutoff ? archivedAt : minutesLater(lastEnd, 20, 60),
      });
      sessions.push(...offerSessions);
    }
  }
  const offerOf = new Map(offers.map((o) => [o.id, o]));

  // Bookings: reserved first for the needs that book, then filled up to each session's target.
  const bookings: PlannedBooking[] = [];
  const proposals: PlannedProposal[] = [];
  const booked = new Map<string, number>(sessions.map((s) => [s.id, 0]));
  const bookersOf = new Map<string, Set<string>>(sessions.map((s) => [s.id, new Set()]));
  const free = (s: PlannedSession) => s.seats - booked.get(s.id)!;
  /** When a booking can be made: after publication, before registration (or the decision) closes. */
  const bookingWindow = (s: PlannedSession) => {
    const opens = offerOf.get(s.offerId)!.publishedAt;
    const closes = s.cancelledAt ?? s.registrationDeadline;
    return { opens, closes };
  };
  const book = (
    s: PlannedSession,
    by: string,
    seats: number,
    confirmedAt: Date,
    people: PlannedParticipant[],
    needId: string | null = null,
  ) => {
    booked.set(s.id, booked.get(s.id)! + seats);
    bookersOf.get(s.id)!.add(by);
    bookings.push({
      id: ids.uuid(),
      sessionId: s.id,
      by,
      needId,
      seats,
      confirmedAt,
      cancelledAt: null,
      cancelReason: null,
      participants: people.slice(0, seats).map((p) => ({ ...p })),
    });
  };
  const teamOf = (company: string, seats: number) => {
    const people = staff.get(company)!;
    // The owner goes about half the time; colleagues take turns.
    const others = rng.sample(people.slice(1), people.length - 1);
    return (rng.chance(0.5) ? [people[0]!, ...others] : [...others, people[0]!]).slice(0, seats);
  };

  /** Where the plan stands, to take back what a need did when its story turns out not to be over. */
  const mark = () => ({ proposals: proposals.length, bookings: bookings.length });
  const rollback = (m: ReturnType<typeof mark>) => {
    proposals.length = m.proposals;
    for (const b of bookings.splice(m.bookings)) {
      booked.set(b.sessionId, booked.get(b.sessionId)! - b.seats);
      bookersOf.get(b.sessionId)!.delete(b.by);
    }
  };

  // Needs ------------------------------------------------------------------------------------------

  const needs: PlannedNeed[] = [];
  const applications: PlannedApplication[] = [];
  /** Hired students' periods, so that nobody is in two placements at once. */
  const hired = new Map<string, [string, string][]>();
  const coordinator = 'coordinator';

  const monthsBack = Array.from({ length: HISTORY_MONTHS + 1 }, (_, i) => i - HISTORY_MONTHS);
  for (const offset of monthsBack) {
    const monthStart = t.monthStart(offset);
    const monthEnd = t.monthEnd(offset);
    const month = Number(monthStart.slice(5, 7)) - 1;
    for (const kind of ['COURSE', 'SUMMER_JOB', 'INTERNSHIP', 'THESIS'] as const) {
      const quiet = addDays(t.today, -(kind === 'COURSE' ? COURSE_NEED_QUIET_DAYS : PLACEMENT_QUIET_DAYS));
      const count = rng.around(NEEDS_PER_MONTH[kind][month]! * SCALE * growth(monthEnd));
      for (let i = 0; i < count; i++) {
        const window = seasonWindow(kind, monthStart, monthEnd, quiet);
        if (!window) break;
        const company = rng.weighted(companies, (c) => {
          const profile = COMPANY_PROFILES[c.key]!;
          if (profile.coursesOnly && kind !== 'COURSE') return 0;
          if (kind !== 'COURSE' && !profile.topics.some((topic) => ROLES[topic])) return 0;
          const opens = joined.get(c.key)!;
          return helsinkiDay(new Date(opens.getTime() + 3 * DAY_MS)) <= window[1] ? profile.weight : 0;
        });
        if (!company) continue;
        const opens = helsinkiDay(new Date(joined.get(company.key)!.getTime() + 3 * DAY_MS));
        const publishedAt = onDayBetween(window[0] > opens ? window[0] : opens, window[1]);
        if (!publishedAt) continue;
        const before = mark();
        const planned =
          kind === 'COURSE' ? planCourseNeed(company, publishedAt) : planPlacement(kind, company, publishedAt);
        if (planned) needs.push(planned);
        else rollback(before);
      }
    }
  }

  function baseNeed(company: HistoryOrganisation, kind: NeedKind, publishedAt: Date) {
    return {
      id: ids.uuid(),
      kind,
      by: company.key,
      municipalityCode: company.municipalityCode,
      createdAt: minutesLater(publishedAt, -90, -3),
      publishedAt,
    };
  }

  function planCourseNeed(company: HistoryOrganisation, publishedAt: Date): PlannedNeed | null {
    const profile = COMPANY_PROFILES[company.key]!;
    const language = company.language ?? 'fi';
    const text = rng.weighted(COURSE_NEEDS, (c) => {
      if ((c.language ?? 'fi') !== language) return 0;
      if (overlap(c.topics, profile.topics)) return 4;
      return overlap(c.topics, ['hot-work-card', 'occupational-safety-card', 'first-aid', 'electrical-safety'])
        ? 2
        : 0.3;
    })!;
    const positions = rng.weighted([1, 2, 2, 3, 3, 4, 5, 6, 8], () => 1)!;
    const periodStart = addDays(helsinkiDay(publishedAt).slice(0, 8) + '01', 35).slice(0, 8) + '01';
    const need: PlannedNeed = {
      ...baseNeed(company, 'COURSE', publishedAt),
      title: text.title.replace('{n}', String(positions)),
      description: text.description.replace('{n}', String(positions)),
      language,
      topics: text.topics,
      remote: text.remote ? rng.chance(0.6) : false,
      periodStart,
      periodEnd: monthEndAfter(periodStart, rng.int(2, 4)),
      positions,
      payKind: null,
      payAmountCents: null,
      budgetCents: positions * rng.int(3, 8) * 5000,
      thesisLevel: null,
      applicationDeadline: null,
      state: 'CLOSED',
      endedAt: publishedAt,
      filledAt: null,
    };

    // A course that answers it: held on the topic, near enough, starting within three months.
    const candidates = sessions.filter((s) => {
      if (s.cancelledAt || !overlap(s.course.topics, need.topics)) return false;
      const { opens, closes } = bookingWindow(s);
      const lead = (s.startsAt.getTime() - publishedAt.getTime()) / DAY_MS;
      return (
        lead >= 10 && lead <= 100 && closes.getTime() - Math.max(opens.getTime(), publishedAt.getTime()) > 3 * DAY_MS
      );
    });
    const session =
      candidates.length && rng.chance(0.85)
        ? rng.weighted(candidates, (s) =>
            free(s) <= 0 || bookersOf.get(s.id)!.has(company.key)
              ? 0
              : nearness(s.municipalityCode, company.municipalityCode) * (need.remote || s.municipalityCode ? 1 : 0.4),
          )
        : null;

    if (session) {
      const { opens, closes } = bookingWindow(session);
      const after = new Date(Math.max(opens.getTime(), publishedAt.getTime()));
      const seats = Math.min(positions, free(session), 10, staff.get(company.key)!.length);
      const viaProposal = !profile.coursesOnly && rng.chance(0.45);
      let bookAt: Date;
      if (viaProposal) {
        const origin: ProposalOrigin = rng.chance(0.7) ? 'COORDINATOR' : 'EDUCATOR';
        const offer = offerOf.get(session.offerId)!;
        const proposedBy = origin === 'COORDINATOR' ? coordinator : offer.by;
        const createdAt = later(after, 1, 10);
        const needAnsweredAt = later(createdAt, 0, 4);
        const targetAnsweredAt = origin === 'EDUCATOR' ? createdAt : later(createdAt, 0, 3);
        const decidedAt = new Date(Math.max(needAnsweredAt.getTime(), targetAnsweredAt.getTime()));
        bookAt = later(decidedAt, 0, 3);
        if (bookAt >= closes) return closeUnanswered(need);
        proposals.push({
          id: ids.uuid(),
          needId: need.id,
          targetKind: 'SESSION',
          sessionId: session.id,
          offerId: session.offerId,
          student: null,
          origin,
          proposedBy,
          note: rng.pick(PROPOSAL_NOTES.course).replace('{course}', offer.title),
          state: 'ACCEPTED',
          createdAt,
          needAnswer: 'ACCEPTED',
          needAnsweredBy: company.key,
          needAnsweredAt,
          targetAnswer: 'ACCEPTED',
          targetAnsweredBy: offer.by,
          targetAnsweredAt,
          decidedAt,
          match: {
            id: ids.uuid(),
            matchedAt: decidedAt,
            minutesToMatch: Math.floor((decidedAt.getTime() - publishedAt.getTime()) / 60_000),
          },
        });
        // Booked for the staff; the match was the proposal, so the booking names no need.
        book(session, company.key, seats, bookAt, teamOf(company.key, seats));
      } else {
        bookAt = later(after, 1, 18);
        if (bookAt >= closes) bookAt = later(after, 0, 1);
        if (bookAt >= closes) return closeUnanswered(need);
        book(session, company.key, seats, bookAt, teamOf(company.key, seats), need.id);
      }
      need.endedAt = later(session.endsAt, 1, 12);
      return need.endedAt < cutoff ? need : null;
    }
    return closeUnanswered(need);
  }

  /** A course need nothing answered: sometimes a proposal the company turned down, then closed. */
  function closeUnanswered(need: PlannedNeed): PlannedNeed | null {
    const profile = COMPANY_PROFILES[need.by]!;
    need.endedAt = later(need.publishedAt, 20, 70);
    if (need.endedAt >= cutoff) return null;
    const other = sessions.find(
      (s) =>
        !s.cancelledAt &&
        overlap(s.course.topics, need.topics) &&
        s.startsAt > need.publishedAt &&
        bookingWindow(s).opens < need.publishedAt &&
        bookingWindow(s).closes.getTime() - need.publishedAt.getTime() > 10 * DAY_MS,
    );
    if (other && !profile.coursesOnly && rng.chance(0.35)) {
      const offer = offerOf.get(other.offerId)!;
      const createdAt = later(need.publishedAt, 2, 8);
      const decidedAt = later(createdAt, 1, 5);
      if (decidedAt < need.endedAt && decidedAt < bookingWindow(other).closes) {
        proposals.push({
          id: ids.uuid(),
          needId: need.id,
          targetKind: 'SESSION',
          sessionId: other.id,
          offerId: other.offerId,
          student: null,
          origin: 'COORDINATOR',
          proposedBy: coordinator,
          note: rng.pick(PROPOSAL_NOTES.course).replace('{course}', offer.title),
          state: 'DECLINED',
          createdAt,
          needAnswer: 'DECLINED',
          needAnsweredBy: need.by,
          needAnsweredAt: decidedAt,
          targetAnswer: null,
          targetAnsweredBy: null,
          targetAnsweredAt: null,
          decidedAt,
          match: null,
        });
      }
    }
    return need;
  }

  function planPlacement(kind: Exclude<NeedKind, 'COURSE'>, company: HistoryOrganisation, publishedAt: Date) {
    const profile = COMPANY_PROFILES[company.key]!;
    const topic = rng.pick(profile.topics.filter((x) => ROLES[x]));
    const role = ROLES[topic]!;
    const pubDate = helsinkiDay(publishedAt);
    const year = Number(pubDate.slice(0, 4));
    let language: Locale = company.language === 'sv' && role.sv ? 'sv' : 'fi';
    if (kind === 'THESIS' && language === 'fi' && role.thesesEn && rng.chance(0.25)) language = 'en';
    const thesisLevel: StudyLevel | null = kind === 'THESIS' ? (rng.chance(0.7) ? 'BACHELOR' : 'MASTER') : null;

    let title: string;
    let description: string;
    const where = IN_MUNICIPALITY[company.municipalityCode] ?? '';
    if (kind === 'THESIS') {
      const subject =
        language === 'en'
          ? rng.pick(role.thesesEn!)
          : language === 'sv'
            ? rng.pick(role.thesesSv ?? role.theses)
            : rng.pick(role.theses);
      title =
        language === 'en'
          ? `Thesis: ${subject}`
          : language === 'sv'
            ? `Examensarbete: ${subject}`
            : `Opinnäytetyö: ${subject}`;
      description =
        language === 'en'
          ? `A ${thesisLevel === 'MASTER' ? "master's" : "bachelor's"} thesis for our company: you will have our measurement and customer data and a supervisor at the company.`
          : language === 'sv'
            ? `Examensarbetet passar en studerande på ${thesisLevel === 'MASTER' ? 'magister' : 'yrkeshögskole'}nivå. Du får tillgång till företagets data och en handledare.`
            : `Opinnäytetyö ${thesisLevel === 'MASTER' ? 'ylempään korkeakoulututkintoon' : 'AMK-tutkintoon'}. Saat käyttöösi yrityksen mittaus- ja asiakasdataa sekä ohjaajan yrityksestä. Työn voi tehdä ${where} tai etänä, ja siitä maksetaan palkkio.`;
    } else if (language === 'sv') {
      title = kind === 'SUMMER_JOB' ? `Sommarjobb inom ${role.sv}` : `Praktikant till ${role.sv}`;
      description = `${role.workSv} Arbetet sker i Tornedalen, och B-körkort behövs.`;
    } else {
      title = kind === 'SUMMER_JOB' ? `Kesätyöntekijä ${role.fi}` : `Harjoittelija ${role.fi}`;
      description =
        `${role.work} Työ tehdään ${where} ja lähikunnissa. ` +
        (kind === 'SUMMER_JOB'
          ? 'Kesätyö kestää kesäkuun alusta elokuun puoliväliin; B-ajokortti vaaditaan.'
          : 'Harjoittelu sopii alan opiskelijalle, ja kokenut työntekijä ohjaa sinua.');
    }

    let periodStart: string;
    let periodEnd: string;
    if (kind === 'SUMMER_JOB') {
      periodStart = `${year}-06-01`;
      periodEnd = `${year}-08-15`;
    } else {
      periodStart = monthEndAfter(pubDate, kind === 'THESIS' ? rng.int(0, 2) : rng.int(1, 3));
      periodStart = addDays(periodStart, 1);
      periodEnd = monthEndAfter(periodStart, kind === 'THESIS' ? rng.int(4, 6) : rng.int(2, 4));
    }
    let deadline = officeDayFrom(addDays(pubDate, rng.int(21, 42)));
    if (kind === 'SUMMER_JOB' && deadline > `${year}-04-30`) deadline = officeDayFrom(addDays(pubDate, 14));
    const deadlineEnds = clock(addDays(deadline, 1), 0);
    const positions = kind === 'SUMMER_JOB' ? rng.pick([1, 1, 1, 2, 2, 3]) : kind === 'INTERNSHIP' ? rng.int(1, 2) : 1;
    const unpaid = kind === 'INTERNSHIP' && rng.chance(0.1);

    const need: PlannedNeed = {
      ...baseNeed(company, kind, publishedAt),
      title,
      description,
      language,
      topics: [topic, ...profile.topics.filter((x) => x !== topic).slice(0, rng.int(0, 2))],
      remote: false,
      periodStart,
      periodEnd,
      positions,
      payKind: unpaid ? 'UNPAID' : 'PAID',
      payAmountCents: unpaid ? null : rng.int(36, 50) * 5000,
      budgetCents: null,
      thesisLevel,
      applicationDeadline: deadline,
      state: 'EXPIRED',
      endedAt: minutesLater(deadlineEnds, 3, 25),
      filledAt: null,
    };

    // Who applies: students of the right level, the nearer and the more on topic the likelier.
    const eligible = students.filter((s) =>
      kind === 'THESIS' ? s.studyLevel === thesisLevel : s.studyLevel !== 'MASTER' || rng.chance(0.3),
    );
    const mean = { SUMMER_JOB: 5, INTERNSHIP: 3.5, THESIS: 2.2 }[kind] * (0.7 + 0.3 * growth(publishedAt));
    const fit = (s: DemoStudent) =>
      1 + (overlap(s.topics, need.topics) ? 3 : 0) + nearness(s.homeMunicipalityCode, company.municipalityCode);
    const applicants = rng.sample(eligible, rng.around(mean), fit);
    const submitted = applicants
      .map((student) => {
        const early = rng.chance(0.55);
        const last = early ? addDays(pubDate, 10) : deadline;
        return { student, at: onDayBetween(pubDate, last < deadline ? last : deadline, 'student')! };
      })
      .filter((a) => a.at && a.at > publishedAt && a.at < deadlineEnds)
      .sort((a, b) => a.at.getTime() - b.at.getTime());

    // A coordinator sometimes proposes a discoverable student for a thesis or an internship.
    let proposedMatch: Date | null = null;
    if (kind !== 'SUMMER_JOB' && rng.chance(kind === 'THESIS' ? 0.25 : 0.1)) {
      const candidate = rng.weighted(
        students.filter((s) => s.discoverable && (kind !== 'THESIS' || s.studyLevel === thesisLevel)),
        fit,
      );
      if (candidate && !submitted.some((a) => a.student.key === candidate.key)) {
        const createdAt = later(publishedAt, 4, 14);
        const accepted = rng.chance(0.5);
        const needAnsweredAt = later(createdAt, 0, 4);
        const targetAnsweredAt = later(createdAt, 0, 3, 'student');
        const decidedAt = accepted
          ? new Date(Math.max(needAnsweredAt.getTime(), targetAnsweredAt.getTime()))
          : targetAnsweredAt;
        proposals.push({
          id: ids.uuid(),
          needId: need.id,
          targetKind: 'STUDENT',
          sessionId: null,
          offerId: null,
          student: candidate.key,
          origin: 'COORDINATOR',
          proposedBy: coordinator,
          note: rng.pick(PROPOSAL_NOTES.student),
          state: accepted ? 'ACCEPTED' : 'DECLINED',
          createdAt,
          needAnswer: accepted ? 'ACCEPTED' : null,
          needAnsweredBy: accepted ? company.key : null,
          needAnsweredAt: accepted ? needAnsweredAt : null,
          targetAnswer: accepted ? 'ACCEPTED' : 'DECLINED',
          targetAnsweredBy: candidate.key,
          targetAnsweredAt,
          decidedAt,
          match: accepted
            ? {
                id: ids.uuid(),
                matchedAt: decidedAt,
                minutesToMatch: Math.floor((decidedAt.getTime() - publishedAt.getTime()) / 60_000),
              }
            : null,
        });
        if (accepted) proposedMatch = decidedAt;
      }
    }

    // How it ends: filled from the applicants, closed (also when a proposed student took it), or expired.
    const busy = (key: string) =>
      (hired.get(key) ?? []).some(([from, to]) => from <= need.periodEnd && to >= need.periodStart);
    const hirable = submitted.filter((a) => !busy(a.student.key));
    let outcome: 'FILLED' | 'EXPIRED' | 'CLOSED';
    if (proposedMatch) outcome = 'CLOSED';
    else if (submitted.length === 0) outcome = rng.chance(0.75) ? 'EXPIRED' : 'CLOSED';
    else
      outcome = rng.weighted(
        ['FILLED', 'EXPIRED', 'CLOSED'] as const,
        (o) => ({ FILLED: 75, EXPIRED: 12, CLOSED: 13 })[o],
      )!;
    if (outcome === 'FILLED' && hirable.length < positions) outcome = 'EXPIRED';
    const hires =
      outcome === 'FILLED'
        ? rng.sample(hirable, positions, (a) => fit(a.student))
        : outcome === 'EXPIRED' && positions > 1 && hirable.length > 0 && rng.chance(0.4)
          ? rng.sample(hirable, 1, (a) => fit(a.student))
          : [];
    const closedAt =
      outcome === 'CLOSED' ? (proposedMatch ? later(proposedMatch, 2, 10) : later(publishedAt, 8, 30)) : null;
    const live = closedAt ? submitted.filter((a) => a.at < closedAt) : submitted;
    const decliner =
      outcome === 'FILLED' && rng.chance(0.15)
        ? (live.find((a) => !hires.includes(a) && !busy(a.student.key)) ?? null)
        : null;

    const timelines = new Map<(typeof live)[number], PlannedEvent[]>();
    const move = (
      events: PlannedEvent[],
      to: ApplicationState,
      actor: string | null,
      at: Date,
      reason: string | null = null,
    ) => {
      const prev = events[events.length - 1]!;
      events.push({ from: prev.to, to, actor, at: at > prev.at ? at : minutesLater(prev.at, 2, 30), reason });
    };
    const lastOf = (events: PlannedEvent[]) => events[events.length - 1]!;
    // The chosen first: offered after the deadline drew near, accepted (or, once, declined) by the student.
    let fillAt: Date | null = null;
    for (const a of live.filter((x) => hires.includes(x) || x === decliner)) {
      const events: PlannedEvent[] = [{ from: null, to: 'SUBMITTED', actor: a.student.key, at: a.at, reason: null }];
      if (rng.chance(0.6)) move(events, 'SHORTLISTED', company.key, later(a.at, 1, 8));
      const reviewed = new Date(Math.max(lastOf(events).at.getTime(), deadlineEnds.getTime() - 6 * DAY_MS));
      move(events, 'OFFERED', company.key, later(reviewed, 1, 10));
      if (a === decliner) {
        move(events, 'DECLINED', a.student.key, later(lastOf(events).at, 0, 3, 'student'));
      } else {
        move(events, 'ACCEPTED', a.student.key, later(lastOf(events).at, 0, 3, 'student'));
        if (!fillAt || lastOf(events).at > fillAt) fillAt = lastOf(events).at;
        hired.set(a.student.key, [...(hired.get(a.student.key) ?? []), [need.periodStart, need.periodEnd]]);
      }
      timelines.set(a, events);
    }
    // The rest: some withdraw, some are turned down, and the end decides for those still waiting.
    const end =
      outcome === 'FILLED' && hires.length === positions
        ? fillAt!
        : outcome === 'CLOSED'
          ? closedAt!
          : later(deadlineEnds, 1, 12);
    for (const a of live.filter((x) => !timelines.has(x))) {
      const events: PlannedEvent[] = [{ from: null, to: 'SUBMITTED', actor: a.student.key, at: a.at, reason: null }];
      if (rng.chance(0.1)) {
        const at = later(a.at, 1, 14, 'student');
        if (at < end) move(events, 'WITHDRAWN', a.student.key, at);
      } else if (rng.chance(0.45)) {
        if (rng.chance(0.3)) {
          const at = later(a.at, 1, 6);
          if (at < end) move(events, 'SHORTLISTED', company.key, at);
        }
        const at = later(lastOf(events).at, 2, 12);
        if (at < end) move(events, 'REJECTED', company.key, at, rng.chance(0.6) ? rng.pick(REJECT_REASONS) : null);
      }
      const last = lastOf(events);
      if (last.to === 'SUBMITTED' || last.to === 'SHORTLISTED') {
        if (outcome === 'FILLED') {
          events.push({ from: last.to, to: 'REJECTED', actor: null, at: end, reason: NEED_FILLED_REASON });
        } else if (outcome === 'CLOSED') {
          // Turned down just before closing, within the working day.
          const morning = clock(helsinkiDay(end), 8 * 60);
          const at = new Date(
            Math.max(minutesLater(end, -20, -2).getTime(), morning.getTime(), last.at.getTime() + 60_000),
          );
          events.push({
            from: last.to,
            to: 'REJECTED',
            actor: company.key,
            at,
            reason: proposedMatch ? FILLED_ELSEWHERE_REASON : CLOSED_REASON,
          });
        } else {
          const reason = rng.chance(0.5) ? rng.pick(REJECT_REASONS) : null;
          events.push({
            from: last.to,
            to: 'REJECTED',
            actor: company.key,
            at: end > last.at ? end : later(last.at, 0, 2),
            reason,
          });
        }
      }
      timelines.set(a, events);
    }
    const planned: PlannedApplication[] = live.map((a) => ({
      id: ids.uuid(),
      needId: need.id,
      student: a.student.key,
      coverLetter: letter(a.student, need.title),
      events: timelines.get(a)!,
    }));

    // The need's end.
    if (outcome === 'FILLED') {
      need.state = 'FILLED';
      if (fillAt! > deadlineEnds) need.filledAt = fillAt;
      else need.endedAt = fillAt!;
    } else if (outcome === 'CLOSED') {
      need.state = 'CLOSED';
      need.endedAt = closedAt!;
    }
    const moments = [need.endedAt, need.filledAt, ...planned.flatMap((a) => a.events.map((e) => e.at))];
    if (moments.some((m) => m && m >= cutoff)) {
      // Not over yet: leave it out (the caller takes back its proposal), and its hires.
      for (const a of hires) hired.get(a.student.key)?.pop();
      return null;
    }
    applications.push(...planned);
    return need;
  }

  function letter(student: DemoStudent, title: string) {
    const sv = student.locale === 'sv';
    return rng
      .pick(COVER_LETTERS[sv ? 'sv' : 'fi'])
      .replace('{title}', title)
      .replace('{field}', student.fieldOfStudy)
      .replace('{institution}', student.institutionName);
  }

  // The rest of each session's seats: companies near it and on its topics, and students.
  for (const s of sessions) {
    const { opens, closes } = bookingWindow(s);
    let guard = 0;
    while (booked.get(s.id)! < s.target && guard++ < 60) {
      const late = new Date(Math.max(opens.getTime(), closes.getTime() - 28 * DAY_MS));
      const from = rng.chance(0.7) ? late : opens;
      const at = onDayBetween(helsinkiDay(new Date(from.getTime() + HOUR_MS)), helsinkiDay(closes));
      if (!at || at <= opens || at >= closes) continue;
      const left = s.target - booked.get(s.id)!;
      if (rng.chance(0.22)) {
        const student = rng.weighted(students, (st) =>
          bookersOf.get(s.id)!.has(st.key)
            ? 0
            : (overlap(st.topics, s.course.topics) ? 3 : 0.3) * nearness(s.municipalityCode, st.homeMunicipalityCode),
        );
        if (!student) continue;
        book(s, student.key, 1, at, [
          { name: input.names.get(student.key)!, email: input.emails.get(student.key)!, attended: null },
        ]);
        continue;
      }
      const company = rng.weighted(companies, (c) =>
        bookersOf.get(s.id)!.has(c.key) || !isJoined(c.key, at)
          ? 0
          : COMPANY_PROFILES[c.key]!.weight *
            nearness(s.municipalityCode, c.municipalityCode) *
            (overlap(COMPANY_PROFILES[c.key]!.topics, s.course.topics) ? 2.5 : 1),
      );
      if (!company) break;
      const seats = Math.min(left, rng.pick([1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5]), staff.get(company.key)!.length);
      book(s, company.key, seats, at, teamOf(company.key, seats));
    }
  }

  // Cancellations, and who attended.
  const sessionOf = new Map(sessions.map((x) => [x.id, x]));
  for (const booking of bookings) {
    const s = sessionOf.get(booking.sessionId)!;
    if (s.cancelledAt) {
      booking.cancelledAt = s.cancelledAt;
      booking.cancelReason = 'MINIMUM_NOT_REACHED';
    } else if (!booking.needId && rng.chance(0.06)) {
      const at = later(booking.confirmedAt, 1, 10);
      if (at < s.startsAt) {
        booking.cancelledAt = at;
        booking.cancelReason = 'BY_BOOKER';
      }
    }
  }
  const bookingsOf = new Map<string, PlannedBooking[]>(sessions.map((x) => [x.id, []]));
  for (const booking of bookings) bookingsOf.get(booking.sessionId)!.push(booking);
  for (const s of sessions) {
    const confirmed = bookingsOf.get(s.id)!.filter((b) => !b.cancelledAt);
    s.seatsTaken = confirmed.reduce((sum, b) => sum + b.seats, 0);
    if (s.cancelledAt) continue;
    // A session that ran had its minimum (or had none): the minimum job never sees one short.
    if (s.minParticipants !== null && s.seatsTaken < s.minParticipants) {
      s.minParticipants = null;
      s.decisionAt = null;
    }
    const recent = now.getTime() - s.endsAt.getTime() < 4 * DAY_MS;
    const unmarked = rng.chance(recent ? 0.5 : 0.06);
    for (const booking of confirmed) {
      for (const p of booking.participants) p.attended = unmarked ? null : rng.chance(0.9);
    }
  }

  // Students registered some weeks before they first did anything (and not before the launch).
  const opened = clock(launch, 9 * 60);
  for (const student of input.students) {
    const firsts = [
      ...applications.filter((a) => a.student === student.key).map((a) => a.events[0]!.at),
      ...bookings.filter((b) => b.by === student.key).map((b) => b.confirmedAt),
      ...proposals.filter((p) => p.student === student.key).map((p) => p.createdAt),
    ].sort((a, b) => a.getTime() - b.getTime());
    const first = firsts[0];
    const joinedAt = first
      ? later(new Date(Math.max(opened.getTime(), first.getTime() - rng.int(4, 60) * DAY_MS)), 0, 0, 'student')
      : onDayBetween(helsinkiDay(opened), addDays(t.today, -30), 'student')!;
    users.set(student.key, first && joinedAt >= first ? minutesLater(first, -180, -30) : joinedAt);
  }

  return {
    start,
    organisations,
    users,
    offers,
    sessions,
    bookings,
    needs: needs.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime()),
    applications,
    proposals,
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The last day of the month `months` months after the month of `date`. */
function monthEndAfter(date: string, months: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months + 1, 1));
  return addDays(d.toISOString().slice(0, 10), -1);
}

function lastOfficeDayBefore(date: string): string {
  let day = date;
  while (!isOfficeDay(day)) day = addDays(day, -1);
  return day;
}

/** The spring and autumn terms between two dates, clipped to them; short ends are left out. */
export function termsOf(from: string, to: string): { from: string; to: string; autumn: boolean }[] {
  const terms = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const [a, b, autumn] of [
      [`${year}-01-08`, `${year}-06-12`, false],
      [`${year}-08-12`, `${year}-12-18`, true],
    ] as const) {
      const start = a > from ? a : from;
      const end = b < to ? b : to;
      if (daysBetween(start, end) >= 20) terms.push({ from: start, to: end, autumn });
    }
  }
  return terms;
}

/** `count` first days of a course in a term, on consecutive course days, at least a week apart. */
function courseDates(rng: Random, courseDays: Set<string>, from: string, to: string, length: number, count: number) {
  const starts: string[] = [];
  for (let day = from; day <= addDays(to, -(length - 1)); day = addDays(day, 1)) {
    let ok = true;
    for (let i = 0; i < length && ok; i++) ok = courseDays.has(i === 0 ? day : addDays(day, i));
    if (ok) starts.push(day);
  }
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < count && tries < 50 && starts.length; tries++) {
    const day = rng.pick(starts);
    if (chosen.every((c) => Math.abs(daysBetween(c, day)) >= 7 + length)) chosen.push(day);
  }
  return chosen.sort();
}

/** The days of a month on which a kind is posted, up to `quiet`: [from, to], or null. */
function seasonWindow(kind: NeedKind, monthStart: string, monthEnd: string, quiet: string): [string, string] | null {
  const year = monthStart.slice(0, 4);
  for (const [a, b] of SEASONS[kind]) {
    const from = [`${year}-${a}`, monthStart].sort()[1]!;
    const to = [`${year}-${b}`, monthEnd, quiet].sort()[0]!;
    if (from <= to) return [from, to];
  }
  return null;
}

/**
 * Helsinki wall-clock time for the plan, fast: date-fns' time zones took a third of the plan's
 * time. Summer time (UTC+3) runs from the last Sunday of March to the last Sunday of October; the
 * switch is at night (the tests hold these to lib/helsinki).
 */
const summerTimes = new Map<number, [string, string]>();
/** Hours ahead of UTC at a Helsinki wall-clock time: the switches are at 03:00 (March) and 04:00 (October). */
function utcOffsetHours(date: string, minutes = 12 * 60): number {
  const year = Number(date.slice(0, 4));
  let bounds = summerTimes.get(year);
  if (!bounds) {
    const lastSunday = (month: number) => {
      const d = new Date(Date.UTC(year, month + 1, 0));
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      return d.toISOString().slice(0, 10);
    };
    bounds = [lastSunday(2), lastSunday(9)];
    summerTimes.set(year, bounds);
  }
  if (date === bounds[0]) return minutes < 3 * 60 ? 2 : 3;
  if (date === bounds[1]) return minutes < 4 * 60 ? 3 : 2;
  return date > bounds[0] && date < bounds[1] ? 3 : 2;
}

/** The instant of `minutes` past midnight on a Helsinki date. */
export function helsinkiClock(date: string, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, minutes) - utcOffsetHours(date, minutes) * HOUR_MS);
}

/** The Helsinki date of an instant (dates change at midnight, far from the switches). */
export function helsinkiDay(at: Date): string {
  const guess = new Date(at.getTime() + 2 * HOUR_MS).toISOString().slice(0, 10);
  return new Date(at.getTime() + utcOffsetHours(guess) * HOUR_MS).toISOString().slice(0, 10);
}
