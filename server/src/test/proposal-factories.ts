/** Builders the proposal tests share: course needs, placements, courses, student pools and discoverable students. */
import { eq, sql } from 'drizzle-orm';
import {
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  dateIn,
  depsOf,
  sessionInput,
  type TestUser,
} from './factories.js';
import type { App } from './helper.js';
import { needs } from '../modules/needs/tables.js';
import { createOffer, publishOffer, sessionsOfOffers } from '../modules/offers/service.js';
import { saveStudentProfile } from '../modules/profiles/index.js';

export const viewerOf = (u: TestUser) => ({ id: u.id, email: u.email, roles: u.roles, emailVerified: true });

type Company = Awaited<ReturnType<typeof buildOrganisation>>;

/** An open COURSE need of the company, posted by its owner. */
export const courseNeed = (app: App, company: Company, overrides: Record<string, unknown> = {}) =>
  buildNeed(
    app,
    { kind: 'COURSE', organisationId: company.id, positions: 4, budgetCents: 80_000, ...overrides },
    { owner: company.owner },
  );

/** An open placement (an internship unless told) of the company. */
export const placementNeed = (app: App, company: Company, overrides: Record<string, unknown> = {}) =>
  buildNeed(app, { organisationId: company.id, ...overrides }, { owner: company.owner });

/** A published course of the organisation with one session; its session's id alongside. */
export async function course(app: App, organisation: Company, overrides: Record<string, unknown> = {}) {
  const offer = await buildCourse(app, overrides, { organisation, sessions: [sessionInput()] });
  const [sessions] = await sessionsOfOffers(depsOf(app), [offer.id]);
  return { ...offer, sessionId: sessions![0]!.id };
}

/** A published student pool of the organisation, offering the given placements. */
export async function studentPool(app: App, organisation: Company, placementKinds = ['INTERNSHIP', 'SUMMER_JOB']) {
  const viewer = viewerOf(organisation.owner);
  const offer = await createOffer(
    depsOf(app),
    viewer,
    {
      kind: 'STUDENT_POOL',
      organisationId: organisation.id,
      title: 'Energiatekniikan opiskelijoita harjoitteluun',
      description: 'Kymmenen energiatekniikan opiskelijaa etsii harjoittelupaikkaa kesäksi.',
      language: 'fi',
      topics: ['solar-pv'],
      municipalityCode: '698',
      online: false,
      languages: ['fi'],
      studentCount: 10,
      periodStart: dateIn(60),
      periodEnd: dateIn(150),
      placementKinds,
      studyLevel: 'BACHELOR',
      fieldOfStudy: 'Energiatekniikka',
    },
    null,
  );
  return publishOffer(depsOf(app), viewer, offer.id);
}

/** A student with a profile, discoverable unless told. */
export async function student(app: App, discoverable = true, displayName = 'Sanna Opiskelija') {
  const user = await buildUser(app, { roles: ['STUDENT'], displayName });
  await saveStudentProfile(depsOf(app), viewerOf(user), {
    institutionName: 'Lapin AMK',
    fieldOfStudy: 'Energiatekniikka',
    studyLevel: 'BACHELOR',
    topics: ['solar-pv'],
    languages: ['fi'],
    discoverable,
  });
  return user;
}

/** Moves a need's publication back in time, as if it had been posted `days` ago. */
export async function publishedDaysAgo(app: App, needId: string, days: number) {
  await app.db
    .update(needs)
    .set({
      publishedAt: sql`now() - make_interval(days => ${days})`,
      createdAt: sql`now() - make_interval(days => ${days})`,
    })
    .where(eq(needs.id, needId));
}
