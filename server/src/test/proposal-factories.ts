/** Builders the proposal tests share: course needs, placements, courses, student pools and discoverable students. */
import type { NeedInput, OfferInput, PlacementKind } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import {
  buildCourse,
  buildNeed,
  buildUser,
  dateIn,
  depsOf,
  sessionInput,
  viewerOf,
  type TestOrganisation,
} from './factories.js';
import type { App } from './helper.js';
import { needs } from '../modules/needs/tables.js';
import { createOffer, publishOffer, sessionsOfOffers } from '../modules/offers/index.js';
import { saveStudentProfile } from '../modules/profiles/index.js';

export { viewerOf };

/** An open COURSE need of the company, posted by its owner. */
export const courseNeed = (app: App, company: TestOrganisation, overrides: Partial<NeedInput> = {}) =>
  buildNeed(
    app,
    { kind: 'COURSE', organisationId: company.id, positions: 4, budgetCents: 80_000, ...overrides },
    { owner: company.owner },
  );

/** An open placement (an internship unless told) of the company. */
export const placementNeed = (app: App, company: TestOrganisation, overrides: Partial<NeedInput> = {}) =>
  buildNeed(app, { organisationId: company.id, ...overrides }, { owner: company.owner });

/** A published course of the organisation with one session; its session's id alongside. */
export async function course(app: App, organisation: TestOrganisation, overrides: Partial<OfferInput> = {}) {
  const offer = await buildCourse(app, overrides, { organisation, sessions: [sessionInput()] });
  const [sessions] = await sessionsOfOffers(depsOf(app), [offer.id]);
  return { ...offer, sessionId: sessions![0]!.id };
}

/** A published student pool of the organisation, offering the given placements. */
export async function studentPool(
  app: App,
  organisation: TestOrganisation,
  placementKinds: PlacementKind[] = ['INTERNSHIP', 'SUMMER_JOB'],
) {
  const viewer = viewerOf(organisation.owner);
  const input: OfferInput = {
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
  };
  const offer = await createOffer(depsOf(app), viewer, input, null);
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
