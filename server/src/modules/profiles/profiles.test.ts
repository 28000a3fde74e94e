import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';

const SAVE = `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId displayName fieldOfStudy discoverable topics } }`;
const READ = `query ($id: ID!) { studentProfile(userId: $id) { userId } }`;

const profile = (overrides: Record<string, unknown> = {}) => ({
  institutionName: 'Lapin ammattikorkeakoulu',
  fieldOfStudy: 'Energiatekniikka',
  studyLevel: 'BACHELOR',
  topics: ['solar-pv', 'solar-pv', 'biogas'],
  languages: ['fi', 'en'],
  availableFrom: '2027-05-01',
  availableTo: '2027-08-31',
  homeMunicipalityCode: '698',
  introduction: 'Kolmannen vuoden opiskelija, kiinnostaa aurinkosähkö.',
  discoverable: false,
  ...overrides,
});

let app: TestApp;
let student: TestUser;
let otherStudent: TestUser;
let entrepreneur: TestUser;
let educator: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  student = await buildUser(app, { roles: ['STUDENT'], displayName: 'Aila Opiskelija' });
  otherStudent = await buildUser(app, { roles: ['STUDENT'] });
  entrepreneur = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  educator = await buildUser(app, { roles: ['EDUCATOR'] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
});
afterAll(() => app.closeAndDrop());

describe('student profile', () => {
  it('is kept by the student, and saving again replaces it', async () => {
    expect(
      (await gql(app, `{ myStudentProfile { userId } }`, {}, { token: student.token })).data!.myStudentProfile,
    ).toBeNull();
    const first = await gql(app, SAVE, { input: profile() }, { token: student.token });
    expect(first.data!.saveStudentProfile).toMatchObject({
      userId: student.id,
      displayName: 'Aila Opiskelija',
      topics: ['solar-pv', 'biogas'],
    });
    const second = await gql(
      app,
      SAVE,
      { input: profile({ fieldOfStudy: 'Sähkötekniikka' }) },
      { token: student.token },
    );
    expect(second.data!.saveStudentProfile.fieldOfStudy).toBe('Sähkötekniikka');
  });

  it('is only for students', async () => {
    for (const who of [entrepreneur, educator, coordinator]) {
      expect(codeOf(await gql(app, SAVE, { input: profile() }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, SAVE, { input: profile() }))).toBe('UNAUTHENTICATED');
  });

  it('explains bad input', async () => {
    const r = await gql(
      app,
      SAVE,
      { input: profile({ availableTo: '2027-01-01', homeMunicipalityCode: '091', languages: [] }) },
      { token: otherStudent.token },
    );
    const fields = r
      .errors![0]!.extensions.fields.map((f: { field: string; message: string }) => `${f.field}:${f.message}`)
      .sort();
    expect(fields).toEqual([
      'availableTo:validation.periodOrder',
      'homeMunicipalityCode:validation.municipality',
      'languages:validation.languagesRequired',
    ]);
  });

  it('is seen by entrepreneurs and educators only when discoverable; by the student and coordinators always', async () => {
    await gql(app, SAVE, { input: profile({ discoverable: false }) }, { token: student.token });
    const sees = async (who?: TestUser) =>
      (await gql(app, READ, { id: student.id }, { token: who?.token })).data!.studentProfile;
    expect(await sees(student)).not.toBeNull();
    expect(await sees(coordinator)).not.toBeNull();
    for (const who of [undefined, otherStudent, entrepreneur, educator]) expect(await sees(who)).toBeNull();

    await gql(app, SAVE, { input: profile({ discoverable: true }) }, { token: student.token });
    expect(await sees(entrepreneur)).not.toBeNull();
    expect(await sees(educator)).not.toBeNull();
    for (const who of [undefined, otherStudent]) expect(await sees(who)).toBeNull();
  });
});
