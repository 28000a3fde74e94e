/**
 * The demo marketplace: companies' needs, educators' courses and student pools, and students'
 * profiles. Everything goes through the same use cases as the API, acting as the demo accounts,
 * so that validation, states and the search index are exactly as if people had typed it in.
 */
import type { Locale, NeedKind, PlacementKind, StudyLevel } from '@keskusvaraamo/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { buildDeps, type Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Viewer } from '../lib/viewer.js';
import {
  applyToNeed,
  declineApplication,
  offerApplication,
  rejectApplication,
  shortlistApplication,
  withdrawApplication,
} from '../modules/applications/index.js';
import { sendMessage } from '../modules/conversations/index.js';
import { closeNeed, createNeed, publishNeed } from '../modules/needs/index.js';
import { createOffer, publishOffer } from '../modules/offers/index.js';
import { getStudentProfile, saveStudentProfile } from '../modules/profiles/index.js';
import { DEMO_APPLICATIONS, DEMO_CONVERSATION, type DemoApplication } from './demo-applications.js';
import { seedBookings } from './demo-bookings.js';
import { demoNeeds } from './demo-needs.js';
import { demoCourses, demoPools } from './demo-offers.js';
import { seedProposals } from './demo-proposals.js';
import { DEMO_STUDENTS } from './demo-students.js';
import { addDays, timeline, type Timeline } from './timeline.js';

/** A demo account as the use cases see it, with the organisation it acts for, if any. */
export interface DemoAccount {
  viewer: Viewer;
  organisation: { id: string; municipalityCode: string } | null;
}

export interface DemoNeed {
  /** The poster's account key; the need is for their company, in its municipality unless told. */
  by: string;
  /** A name the demo proposals refer to the need by. */
  key?: string;
  /** OPEN unless told; CLOSED ones were published first. */
  state?: 'DRAFT' | 'OPEN' | 'CLOSED';
  kind: NeedKind;
  title: string;
  description: string;
  language?: Locale;
  /** Languages the work can be done in; the item's own language unless told. */
  languages?: Locale[];
  topics: string[];
  municipalityCode?: string | null;
  remote?: boolean;
  periodStart: string;
  periodEnd: string;
  positions: number;
  /** Placements: euros a month, or unpaid. */
  pay?: number | 'UNPAID';
  /** Course needs: euros in all. */
  budget?: number;
  thesisLevel?: StudyLevel;
  applicationDeadline?: string;
}

export interface DemoSession {
  /** Starts on the first weekday at least this many days from the seeding day. */
  inDays: number;
  /** Days in a row, Monday to Friday. */
  length?: number;
  from?: string;
  to?: string;
  place: string;
  municipalityCode?: string | null;
  /** An online session: the last part of its meeting link. */
  online?: string;
  seats: number;
  /** Euros, VAT included. */
  price: number;
  language?: Locale;
}

export interface DemoCourse {
  by: string;
  draft?: boolean;
  title: string;
  description: string;
  language?: Locale;
  topics: string[];
  sessions: DemoSession[];
}

export interface DemoPool {
  by: string;
  title: string;
  description: string;
  language?: Locale;
  languages?: Locale[];
  topics: string[];
  municipalityCode?: string | null;
  online?: boolean;
  studentCount: number;
  periodStart: string;
  periodEnd: string;
  placementKinds: PlacementKind[];
  studyLevel: StudyLevel;
  fieldOfStudy: string;
}

export interface DemoStudent {
  /** The account key: the e-mail address is `<key>@demo.keskusvaraamo.fi`. */
  key: string;
  name: string;
  locale?: Locale;
  institutionName: string;
  fieldOfStudy: string;
  studyLevel: StudyLevel;
  topics: string[];
  languages: Locale[];
  /** Available from the start of the month this many months ahead to the end of the other. */
  available?: [fromMonths: number, toMonths: number];
  homeMunicipalityCode: string;
  introduction: string;
  discoverable: boolean;
}

/** Registration closes this many days before a session starts. */
const REGISTRATION_CLOSES_DAYS_BEFORE = 5;
const MEETING_URL = 'https://meet.demo.keskusvaraamo.fi';

/**
 * What the use cases get from the seed, which runs before the app has its own. The needs, offers
 * and profiles use cases read no configuration and sign no tokens; the mail paths elsewhere read
 * only `production` and `publicUrl`, which get harmless values here. Anything else a use case
 * starts to read fails the seed at once, rather than let it run with made-up settings.
 */
export function seedDeps(db: Database): Deps {
  const absent = (what: string) => () => {
    throw new Error(`The demo seed has no ${what}; pass the app's deps to seedDemoData`);
  };
  const known: Partial<Config> = { production: false, publicUrl: 'http://localhost:3000' };
  const config = new Proxy(known as Config, {
    get: (target, key) =>
      // Symbols are how inspection and printing look at an object: those find nothing.
      typeof key === 'symbol' || key in target ? Reflect.get(target, key) : absent(`config.${key}`)(),
  });
  const noop = () => {};
  const log: FastifyBaseLogger = {
    level: 'silent',
    fatal: noop,
    error: noop,
    warn: noop,
    info: noop,
    debug: noop,
    trace: noop,
    silent: noop,
    child: () => log,
  };
  return buildDeps({ db, config, log, signAccessToken: absent('token signing') });
}

/** Names the demo item a use case refused, and why, instead of a bare validation error. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof AppError ? ` ${JSON.stringify(error.extensions)}` : '';
    throw new Error(`Demo data: ${what}: ${(error as Error).message}${detail}`, { cause: error });
  }
}

export interface MarketplaceCounts {
  needs: number;
  courses: number;
  pools: number;
  studentProfiles: number;
  applications: number;
  messages: number;
  bookings: number;
  proposals: number;
}

/** Seeds the marketplace, dated from today: the use cases accept nothing in the past. */
export async function seedMarketplace(deps: Deps, accounts: Map<string, DemoAccount>): Promise<MarketplaceCounts> {
  const t = timeline();
  const account = (key: string) => {
    const found = accounts.get(key);
    if (!found) throw new Error(`Demo data: no account ${key}`);
    return found;
  };
  const organisationOf = (key: string) => {
    const { organisation } = account(key);
    if (!organisation) throw new Error(`Demo data: ${key} belongs to no organisation`);
    return organisation;
  };

  const needs = demoNeeds(t);
  /** Published placements by poster and kind, for the demo applications. */
  const placements = new Map<string, string>();
  /** Needs the demo proposals refer to, by key. */
  const keyed = new Map<string, string>();
  for (const need of needs) {
    await attempt(`need "${need.title}"`, async () => {
      const { viewer } = account(need.by);
      const organisation = organisationOf(need.by);
      const created = await createNeed(deps, viewer, needInput(need, organisation));
      if ((need.state ?? 'OPEN') === 'OPEN') placements.set(`${need.by}:${need.kind}`, created.id);
      if (need.key) keyed.set(need.key, created.id);
      if ((need.state ?? 'OPEN') === 'DRAFT') return;
      await publishNeed(deps, viewer, created.id);
      if (need.state === 'CLOSED') await closeNeed(deps, viewer, created.id);
    });
  }

  const courses = demoCourses();
  for (const course of courses) {
    await attempt(`course "${course.title}"`, async () => {
      const { viewer } = account(course.by);
      const input = courseInput(course, organisationOf(course.by).id);
      const created = await createOffer(deps, viewer, input.offer, input.sessions(t));
      if (!course.draft) await publishOffer(deps, viewer, created.id);
    });
  }

  const pools = demoPools(t);
  for (const pool of pools) {
    await attempt(`pool "${pool.title}"`, async () => {
      const { viewer } = account(pool.by);
      const organisation = organisationOf(pool.by);
      const created = await createOffer(deps, viewer, poolInput(pool, organisation), null);
      await publishOffer(deps, viewer, created.id);
    });
  }

  for (const student of DEMO_STUDENTS) {
    await attempt(`student profile of ${student.name}`, () =>
      saveStudentProfile(deps, account(student.key).viewer, profileInput(student, t)),
    );
  }

  // Applications come after the profiles, which they link.
  const placementOf = (need: DemoApplication['need']) => {
    const id = placements.get(`${need.by}:${need.kind}`);
    if (!id) throw new Error(`Demo data: ${need.by} has no open ${need.kind}`);
    return id;
  };
  const applied = new Map<string, string>();
  for (const a of DEMO_APPLICATIONS) {
    await attempt(`application of ${a.student} to ${a.need.by}'s ${a.need.kind}`, async () => {
      const student = account(a.student).viewer;
      const company = account(a.need.by).viewer;
      const needId = placementOf(a.need);
      const { id } = await applyToNeed(deps, student, { needId, coverLetter: a.coverLetter });
      applied.set(`${a.student}:${needId}`, id);
      const state = a.state ?? 'SUBMITTED';
      if (state === 'SHORTLISTED') await shortlistApplication(deps, company, id);
      if (state === 'OFFERED' || state === 'DECLINED') await offerApplication(deps, company, id);
      if (state === 'DECLINED') await declineApplication(deps, student, id);
      if (state === 'REJECTED') await rejectApplication(deps, company, id, { reason: a.reason ?? null });
      if (state === 'WITHDRAWN') await withdrawApplication(deps, student, id);
    });
  }
  const { application, messages } = DEMO_CONVERSATION;
  await attempt('conversation', async () => {
    const id = applied.get(`${application.student}:${placementOf(application.need)}`);
    if (!id) throw new Error(`Demo data: ${application.student} did not apply to ${application.need.by}'s need`);
    for (const message of messages) {
      await sendMessage(deps, account(message.by).viewer, 'APPLICATION', id, { body: message.body });
    }
  });

  const bookings = await seedBookings(deps, accounts);
  const proposals = await seedProposals(deps, accounts, keyed);
  // The coordinator has looked at the demo student's profile, so "Your data" shows what the log is.
  await attempt('the coordinator reading the demo student profile', () =>
    getStudentProfile(deps, account('coordinator').viewer, account('student').viewer.id),
  );

  return {
    needs: needs.length,
    courses: courses.length,
    pools: pools.length,
    studentProfiles: DEMO_STUDENTS.length,
    applications: DEMO_APPLICATIONS.length,
    messages: messages.length,
    bookings,
    proposals,
  };
}

export function needInput(need: DemoNeed, organisation: { id: string; municipalityCode: string }) {
  const language = need.language ?? 'fi';
  const paid = typeof need.pay === 'number';
  return {
    kind: need.kind,
    organisationId: organisation.id,
    title: need.title,
    description: need.description,
    language,
    topics: need.topics,
    municipalityCode: need.municipalityCode === undefined ? organisation.municipalityCode : need.municipalityCode,
    remote: need.remote ?? false,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    positions: need.positions,
    payKind: need.pay === undefined ? null : paid ? 'PAID' : 'UNPAID',
    payAmountCents: paid ? (need.pay as number) * 100 : null,
    budgetCents: need.budget === undefined ? null : need.budget * 100,
    thesisLevel: need.thesisLevel ?? null,
    languages: need.languages ?? [language],
    applicationDeadline: need.applicationDeadline ?? null,
  };
}

export function courseInput(course: DemoCourse, organisationId: string) {
  const language = course.language ?? 'fi';
  const onSite = course.sessions.find((s) => s.municipalityCode);
  return {
    offer: {
      kind: 'COURSE',
      organisationId,
      title: course.title,
      description: course.description,
      language,
      topics: course.topics,
      municipalityCode: onSite?.municipalityCode ?? null,
      online: course.sessions.some((s) => s.online),
      languages: [...new Set([language, ...course.sessions.map((s) => s.language ?? language)])],
      claimWindowHours: 24,
    },
    sessions: (t: Timeline) => sessionInputs(course, t),
  };
}

/**
 * A course's sessions on course days, at least a week apart. A later session that the holidays
 * push past the six months ahead is left out; the first always fits.
 */
export function sessionInputs(course: DemoCourse, t: Timeline) {
  const language = course.language ?? 'fi';
  const inputs = [];
  let notBefore: string | undefined;
  for (const s of course.sessions) {
    const length = s.length ?? 1;
    const first = t.courseDay(s.inDays, length, notBefore);
    if (!first) continue;
    const last = addDays(first, length - 1);
    notBefore = addDays(last, 7);
    inputs.push({
      startsAt: `${first}T${s.from ?? '09:00'}`,
      endsAt: `${last}T${s.to ?? '16:00'}`,
      registrationDeadline: `${addDays(first, -REGISTRATION_CLOSES_DAYS_BEFORE)}T23:59`,
      place: s.place,
      municipalityCode: s.municipalityCode ?? null,
      onlineUrl: s.online ? `${MEETING_URL}/${s.online}` : null,
      seats: s.seats,
      priceCents: s.price * 100,
      language: s.language ?? language,
    });
  }
  return inputs;
}

export function poolInput(pool: DemoPool, organisation: { id: string; municipalityCode: string }) {
  const language = pool.language ?? 'fi';
  return {
    kind: 'STUDENT_POOL',
    organisationId: organisation.id,
    title: pool.title,
    description: pool.description,
    language,
    topics: pool.topics,
    municipalityCode: pool.municipalityCode === undefined ? organisation.municipalityCode : pool.municipalityCode,
    online: pool.online ?? false,
    languages: pool.languages ?? [language],
    studentCount: pool.studentCount,
    periodStart: pool.periodStart,
    periodEnd: pool.periodEnd,
    placementKinds: pool.placementKinds,
    studyLevel: pool.studyLevel,
    fieldOfStudy: pool.fieldOfStudy,
  };
}

export function profileInput(student: DemoStudent, t: Timeline) {
  return {
    institutionName: student.institutionName,
    fieldOfStudy: student.fieldOfStudy,
    studyLevel: student.studyLevel,
    topics: student.topics,
    languages: student.languages,
    availableFrom: student.available ? t.monthStart(student.available[0]) : null,
    availableTo: student.available ? t.monthEnd(student.available[1]) : null,
    homeMunicipalityCode: student.homeMunicipalityCode,
    introduction: student.introduction,
    discoverable: student.discoverable,
  };
}
