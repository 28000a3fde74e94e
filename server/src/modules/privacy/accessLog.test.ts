/**
 * Who looked at a student's data (issue 15, point 3): each kind of read writes its row with the
 * viewer, their roles, the organisation they acted for, the kind and the source; the student's own
 * reads and the reads the student shared by applying write none; the log is readable by its student
 * and admins only. And the audit records of staff actions (point 5): role changes and verification,
 * with the actor, written only when the action succeeds.
 */
import { randomUUID } from 'node:crypto';
import { USER_ROLES } from '@keskusvaraamo/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  depsOf,
  viewerOf,
  type TestOrganisation,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { auditEvents, dataAccessEvents } from '../audit/tables.js';
import { saveStudentProfile } from '../profiles/index.js';
import { withBilling } from '../../test/billing.js';

let app: TestApp;
let admin: TestUser;
let coordinator: TestUser;
let company: TestOrganisation;
let colleague: TestUser;
let school: TestOrganisation;

/** Every statement the app sends, as text. */
const statements: string[] = [];
const logInserts = () => statements.filter((q) => q.startsWith('insert into "data_access_events"')).length;

beforeAll(async () => {
  app = await buildTestApp({}, { onQuery: (query) => statements.push(query) });
  admin = await buildUser(app, { roles: ['ADMIN'], displayName: 'Aino Admin' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Kalle Koordinaattori' });
  colleague = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Eero Yrittäjä' });
  company = await buildOrganisation(app, { name: 'Aurinkoasennus Oy', members: [colleague] });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
});
afterAll(() => app.closeAndDrop());

/** A student with a profile (discoverable unless told) on solar installation. */
async function student(discoverable = true, displayName = 'Sanna Opiskelija') {
  const user = await buildUser(app, { roles: ['STUDENT'], displayName });
  await saveStudentProfile(depsOf(app), viewerOf(user), {
    institutionName: 'Lapin AMK',
    fieldOfStudy: 'Sähkötekniikka',
    studyLevel: 'BACHELOR',
    topics: ['solar-pv'],
    languages: ['fi'],
    homeMunicipalityCode: '732',
    discoverable,
  });
  return user;
}

/** The company's internship, posted by its owner. */
const internship = () => buildNeed(app, { organisationId: company.id }, { owner: company.owner });

/** The rows written about a student, oldest first. */
async function rowsAbout(subject: { id: string }) {
  return app.db
    .select()
    .from(dataAccessEvents)
    .where(eq(dataAccessEvents.subjectUserId, subject.id))
    .orderBy(asc(dataAccessEvents.at), asc(dataAccessEvents.id));
}
const summary = (rows: Awaited<ReturnType<typeof rowsAbout>>) =>
  rows.map((r) => ({
    viewerId: r.viewerId,
    viewerRoles: r.viewerRoles,
    viewerOrganisationId: r.viewerOrganisationId,
    kind: r.kind,
    source: r.source,
    objectId: r.objectId,
  }));

const PROFILE = `query ($userId: ID!) { studentProfile(userId: $userId) { userId fieldOfStudy } }`;

describe('a student profile opened by id', () => {
  it("logs staff's reads and a company's read of a discoverable profile, never the student's own", async () => {
    const sanna = await student(true);
    for (const who of [coordinator, admin, colleague, sanna]) {
      const r = await gql(app, PROFILE, { userId: sanna.id }, { token: who.token });
      expect(r.data!.studentProfile.userId).toBe(sanna.id);
    }
    expect(summary(await rowsAbout(sanna))).toEqual(
      [
        [coordinator, ['COORDINATOR']],
        [admin, ['ADMIN']],
        [colleague, ['ENTREPRENEUR']],
      ].map(([who, roles]) => ({
        viewerId: (who as TestUser).id,
        viewerRoles: roles,
        viewerOrganisationId: null,
        kind: 'PROFILE',
        source: 'PROFILE_PAGE',
        objectId: null,
      })),
    );
  });

  it('writes nothing when a company cannot open a profile that is not discoverable', async () => {
    const shy = await student(false);
    const r = await gql(app, PROFILE, { userId: shy.id }, { token: colleague.token });
    expect(r.data!.studentProfile).toBeNull();
    expect(await rowsAbout(shy)).toEqual([]);
  });
});

describe('applications', () => {
  const ONE = `query ($id: ID!) { application(id: $id) { id state coverLetter profile { fieldOfStudy } } }`;
  const STATE_ONLY = `query ($id: ID!) { application(id: $id) { id state studentName } }`;
  const LIST = `query ($needId: ID!) { needApplications(needId: $needId) { nodes { id coverLetter } } }`;

  it("logs staff's reads of the letter and the profile, each with the application", async () => {
    const sanna = await student(false);
    const application = await buildApplication(app, await internship(), { student: sanna });
    const r = await gql(app, ONE, { id: application.id }, { token: coordinator.token });
    expect(r.data!.application.coverLetter).toBeTruthy();
    const rows = summary(await rowsAbout(sanna));
    const base = { viewerId: coordinator.id, viewerRoles: ['COORDINATOR'], viewerOrganisationId: null };
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { ...base, kind: 'APPLICATION', source: 'APPLICATIONS', objectId: application.id },
        { ...base, kind: 'PROFILE', source: 'APPLICATIONS', objectId: application.id },
      ]),
    );
  });

  it("writes nothing for the applicant, the need's side, or a read without the letter or profile", async () => {
    const sanna = await student(false);
    const need = await internship();
    const application = await buildApplication(app, need, { student: sanna });
    for (const who of [sanna, company.owner, colleague]) {
      expect((await gql(app, ONE, { id: application.id }, { token: who.token })).data!.application.id).toBe(
        application.id,
      );
    }
    expect((await gql(app, LIST, { needId: need.id }, { token: company.owner.token })).errors).toBeUndefined();
    expect((await gql(app, STATE_ONLY, { id: application.id }, { token: coordinator.token })).errors).toBeUndefined();
    expect(await rowsAbout(sanna)).toEqual([]);
  });

  it("logs each application a need's list returns to staff", async () => {
    const need = await internship();
    const [first, second] = [await student(false), await student(false)];
    const applications = [
      await buildApplication(app, need, { student: first }),
      await buildApplication(app, need, { student: second }),
    ];
    const r = await gql(app, LIST, { needId: need.id }, { token: admin.token });
    expect(r.data!.needApplications.nodes).toHaveLength(2);
    for (const [i, who] of [first, second].entries()) {
      expect(summary(await rowsAbout(who!))).toEqual([
        {
          viewerId: admin.id,
          viewerRoles: ['ADMIN'],
          viewerOrganisationId: null,
          kind: 'APPLICATION',
          source: 'APPLICATIONS',
          objectId: applications[i]!.id,
        },
      ]);
    }
  });

  it('writes one row per application and kind in one insert per field, however long the list', async () => {
    const need = await internship();
    const applicants = [];
    for (let i = 0; i < 5; i++) applicants.push(await student(false));
    for (const who of applicants) await buildApplication(app, need, { student: who });
    statements.length = 0;
    const r = await gql(
      app,
      `query ($needId: ID!) { needApplications(needId: $needId) { nodes { id coverLetter profile { userId } } } }`,
      { needId: need.id },
      { token: coordinator.token },
    );
    expect(r.data!.needApplications.nodes).toHaveLength(5);
    expect(logInserts()).toBe(2);
    for (const who of applicants) {
      expect((await rowsAbout(who)).map((row) => row.kind).sort()).toEqual(['APPLICATION', 'PROFILE']);
    }
  });

  it('writes nothing when a read is refused', async () => {
    const sanna = await student(false);
    const application = await buildApplication(app, await internship(), { student: sanna });
    const stranger = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(codeOf(await gql(app, ONE, { id: application.id }, { token: stranger.token }))).toBe('NOT_FOUND');
    expect(await rowsAbout(sanna)).toEqual([]);
  });
});

describe('matching', () => {
  const MATCHES = `query ($id: ID!) { need(id: $id) { matches(kinds: [STUDENT], first: 50) { kind id title } } }`;

  it('logs each discoverable student shown, with the company for its side and none for staff; a hidden one is neither shown nor logged', async () => {
    const open = await student(true, 'Avoin Opiskelija');
    const shy = await student(false, 'Ujo Opiskelija');
    const need = await internship();
    for (const who of [colleague, coordinator]) {
      const ids = (await gql(app, MATCHES, { id: need.id }, { token: who.token })).data!.need.matches.map(
        (m: { id: string }) => m.id,
      );
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(shy.id);
    }
    expect(summary(await rowsAbout(open))).toEqual([
      {
        viewerId: colleague.id,
        viewerRoles: ['ENTREPRENEUR'],
        viewerOrganisationId: company.id,
        kind: 'PROFILE',
        source: 'MATCHING',
        objectId: null,
      },
      {
        viewerId: coordinator.id,
        viewerRoles: ['COORDINATOR'],
        viewerOrganisationId: null,
        kind: 'PROFILE',
        source: 'MATCHING',
        objectId: null,
      },
    ]);
    expect(await rowsAbout(shy)).toEqual([]);
  });

  it('writes nothing when matches are refused', async () => {
    const open = await student(true);
    const need = await internship();
    const outsider = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(codeOf(await gql(app, MATCHES, { id: need.id }, { token: outsider.token }))).toBe('FORBIDDEN');
    expect(await rowsAbout(open)).toEqual([]);
  });
});

describe('proposals', () => {
  const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id target { studentProfile { userId } } } }`;
  const READ = `query ($id: ID!) { proposal(id: $id) { id target { title studentProfile { userId } } } }`;

  it("logs the student's profile shown on a proposal to the coordinator and to the need's side, not to the student", async () => {
    const open = await student(true);
    const need = await internship();
    const r = await gql(
      app,
      PROPOSE,
      { input: { needId: need.id, targetKind: 'STUDENT', studentId: open.id, note: 'Sopisi teille.' } },
      { token: coordinator.token },
    );
    const proposalId = r.data!.proposeMatch.id as string;
    expect(r.data!.proposeMatch.target.studentProfile.userId).toBe(open.id);
    for (const who of [colleague, open]) {
      expect(
        (await gql(app, READ, { id: proposalId }, { token: who.token })).data!.proposal.target.studentProfile,
      ).toEqual({
        userId: open.id,
      });
    }
    expect(summary(await rowsAbout(open))).toEqual([
      {
        viewerId: coordinator.id,
        viewerRoles: ['COORDINATOR'],
        viewerOrganisationId: null,
        kind: 'PROFILE',
        source: 'PROPOSALS',
        objectId: proposalId,
      },
      {
        viewerId: colleague.id,
        viewerRoles: ['ENTREPRENEUR'],
        viewerOrganisationId: company.id,
        kind: 'PROFILE',
        source: 'PROPOSALS',
        objectId: proposalId,
      },
    ]);
  });
});

describe("a session's participants", () => {
  const SESSION = `query ($id: ID!) { sessionBookings(sessionId: $id) { id participants { name email } } }`;
  const BOOKING = `query ($id: ID!) { booking(id: $id) { id participants { name } } }`;

  async function session() {
    const course = await buildCourse(app, {}, { organisation: school });
    const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
    return r.data!.offer.sessions[0].id as string;
  }

  async function book(who: TestUser, sessionId: string, people?: { name: string; email: string }[]) {
    const r = await gql(
      app,
      `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
      { input: withBilling({ sessionId, idempotencyKey: randomUUID(), ...(people ? { participants: people } : {}) }) },
      { token: who.token },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.bookSeats.id as string;
  }

  it("logs staff's reads for a student booker and for a student named by someone else's booking", async () => {
    const sessionId = await session();
    const booker = await student(false);
    const named = await student(false);
    const bookerBooking = await book(booker, sessionId);
    const companyBooking = await book(company.owner, sessionId, [
      { name: 'Nimetty Opiskelija', email: named.email.toUpperCase() },
      { name: 'Ei Opiskelija', email: 'ei.opiskelija@example.fi' },
    ]);
    statements.length = 0;
    expect(
      (await gql(app, SESSION, { id: sessionId }, { token: coordinator.token })).data!.sessionBookings,
    ).toHaveLength(2);
    // One insert for the whole list.
    expect(logInserts()).toBe(1);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/sessions/${sessionId}/participants.csv`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(csv.statusCode).toBe(200);
    const row = (viewer: TestUser, roles: string[], objectId: string) => ({
      viewerId: viewer.id,
      viewerRoles: roles,
      viewerOrganisationId: null,
      kind: 'PARTICIPANT_DETAILS',
      source: 'PARTICIPANTS',
      objectId,
    });
    expect(summary(await rowsAbout(booker))).toEqual([
      row(coordinator, ['COORDINATOR'], bookerBooking),
      row(admin, ['ADMIN'], bookerBooking),
    ]);
    expect(summary(await rowsAbout(named))).toEqual([
      row(coordinator, ['COORDINATOR'], companyBooking),
      row(admin, ['ADMIN'], companyBooking),
    ]);
  });

  it('writes nothing for the organiser, the booker, or someone refused', async () => {
    const sessionId = await session();
    const booker = await student(false);
    const bookingId = await book(booker, sessionId);
    expect((await gql(app, SESSION, { id: sessionId }, { token: school.owner.token })).errors).toBeUndefined();
    expect(
      (await gql(app, BOOKING, { id: bookingId }, { token: booker.token })).data!.booking.participants,
    ).toHaveLength(1);
    expect(codeOf(await gql(app, SESSION, { id: sessionId }, { token: colleague.token }))).toBe('FORBIDDEN');
    const csv = await app.inject({
      method: 'GET',
      url: `/api/sessions/${sessionId}/participants.csv`,
      headers: { authorization: `Bearer ${colleague.token}` },
    });
    expect(csv.statusCode).toBe(403);
    expect(await rowsAbout(booker)).toEqual([]);
  });
});

describe('reading the log', () => {
  const LOG = `query ($userId: ID, $first: Int, $after: String) {
    dataAccessLog(userId: $userId, first: $first, after: $after) {
      nodes { id at viewerName viewerRoles organisationName kind source }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  let sanna: TestUser;

  beforeEach(async () => {
    sanna = await student(true);
    await gql(app, PROFILE, { userId: sanna.id }, { token: coordinator.token });
    const need = await internship();
    await gql(
      app,
      `query ($id: ID!) { need(id: $id) { matches(kinds: [STUDENT], first: 50) { id } } }`,
      { id: need.id },
      {
        token: colleague.token,
      },
    );
    await gql(app, PROFILE, { userId: sanna.id }, { token: admin.token });
  });

  it('shows the student their own rows, newest first, with names and organisations, one page at a time', async () => {
    const r = await gql(app, LOG, {}, { token: sanna.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.dataAccessLog.nodes.map(({ id: _id, at: _at, ...rest }: Record<string, unknown>) => rest)).toEqual([
      {
        viewerName: 'Aino Admin',
        viewerRoles: ['ADMIN'],
        organisationName: null,
        kind: 'PROFILE',
        source: 'PROFILE_PAGE',
      },
      {
        viewerName: 'Eero Yrittäjä',
        viewerRoles: ['ENTREPRENEUR'],
        organisationName: 'Aurinkoasennus Oy',
        kind: 'PROFILE',
        source: 'MATCHING',
      },
      {
        viewerName: 'Kalle Koordinaattori',
        viewerRoles: ['COORDINATOR'],
        organisationName: null,
        kind: 'PROFILE',
        source: 'PROFILE_PAGE',
      },
    ]);
    const all = r.data!.dataAccessLog.nodes.map((n: { id: string }) => n.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gql(app, LOG, { first: 1, after }, { token: sanna.token });
      paged.push(...page.data.dataAccessLog.nodes.map((n: { id: string }) => n.id));
      if (!page.data.dataAccessLog.pageInfo.hasNextPage) break;
      after = page.data.dataAccessLog.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    // Passing one's own id is the same as passing none.
    expect((await gql(app, LOG, { userId: sanna.id }, { token: sanna.token })).data!.dataAccessLog.nodes).toHaveLength(
      3,
    );
  });

  it("lets an admin read anyone's log, and refuses another student, a coordinator and an entrepreneur", async () => {
    const r = await gql(app, LOG, { userId: sanna.id }, { token: admin.token });
    expect(r.data!.dataAccessLog.nodes).toHaveLength(3);
    const other = await student(false);
    for (const who of [other, coordinator, colleague]) {
      const refused = await gql(app, LOG, { userId: sanna.id }, { token: who.token });
      expect([codeOf(refused), refused.data]).toEqual(['FORBIDDEN', null]);
    }
    expect(codeOf(await gql(app, LOG, { userId: sanna.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, LOG, {}))).toBe('UNAUTHENTICATED');
  });

  it('gives a viewer without rows an empty log, and refuses pages too large and unknown cursors', async () => {
    const r = await gql(app, LOG, {}, { token: colleague.token });
    expect(r.data!.dataAccessLog).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(codeOf(await gql(app, LOG, { first: 101 }, { token: sanna.token }))).toBe('VALIDATION');
    expect(codeOf(await gql(app, LOG, { after: 'not-a-cursor' }, { token: sanna.token }))).toBe('VALIDATION');
    expect(codeOf(await gql(app, LOG, { userId: 'not-an-id' }, { token: admin.token }))).toBe('NOT_FOUND');
  });
});

describe('the audit log of staff actions', () => {
  const SET_ROLES = `mutation ($id: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $id, roles: $roles) { id roles } }`;
  const VERIFY = `mutation ($id: ID!, $verified: Boolean!) { verifyOrganisation(id: $id, verified: $verified) { verified } }`;
  const auditAbout = (subjectId: string) =>
    app.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(asc(auditEvents.at));

  it('records a role change with the admin and the roles before and after, only when they changed', async () => {
    const person = await buildUser(app, { roles: ['STUDENT'] });
    expect(
      (await gql(app, SET_ROLES, { id: person.id, roles: ['STUDENT', 'ENTREPRENEUR'] }, { token: admin.token })).errors,
    ).toBeUndefined();
    expect(
      (await gql(app, SET_ROLES, { id: person.id, roles: ['ENTREPRENEUR', 'STUDENT'] }, { token: admin.token })).errors,
    ).toBeUndefined();
    const rows = await auditAbout(person.id);
    expect(rows.map((r) => ({ ...r, id: undefined, at: undefined }))).toEqual([
      {
        id: undefined,
        at: undefined,
        actorId: admin.id,
        actorRoles: ['ADMIN'],
        action: 'ROLES_CHANGED',
        subjectKind: 'USER',
        subjectId: person.id,
        details: { rolesBefore: ['STUDENT'], rolesAfter: ['STUDENT', 'ENTREPRENEUR'] },
      },
    ]);
  });

  it('records nothing when a role change is refused or invalid', async () => {
    const person = await buildUser(app, { roles: ['STUDENT'] });
    for (const who of [coordinator, colleague]) {
      expect(codeOf(await gql(app, SET_ROLES, { id: person.id, roles: ['ADMIN'] }, { token: who.token }))).toBe(
        'FORBIDDEN',
      );
    }
    const tooMany = Array.from({ length: USER_ROLES.length + 1 }, () => 'ENTREPRENEUR');
    expect(codeOf(await gql(app, SET_ROLES, { id: person.id, roles: tooMany }, { token: admin.token }))).toBe(
      'VALIDATION',
    );
    const nobody = randomUUID();
    expect(codeOf(await gql(app, SET_ROLES, { id: nobody, roles: ['STUDENT'] }, { token: admin.token }))).toBe(
      'NOT_FOUND',
    );
    expect(await auditAbout(nobody)).toEqual([]);
    expect(codeOf(await gql(app, SET_ROLES, { id: admin.id, roles: ['STUDENT'] }, { token: admin.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await auditAbout(person.id)).toEqual([]);
    expect(await auditAbout(admin.id)).toEqual([]);
  });

  it('records verification and its removal with the coordinator, and nothing when refused', async () => {
    const org = await buildOrganisation(app);
    expect(codeOf(await gql(app, VERIFY, { id: org.id, verified: true }, { token: org.owner.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await auditAbout(org.id)).toEqual([]);
    // Removing a mark that is not there is no action.
    expect(
      (await gql(app, VERIFY, { id: org.id, verified: false }, { token: coordinator.token })).errors,
    ).toBeUndefined();
    expect(
      (await gql(app, VERIFY, { id: org.id, verified: true }, { token: coordinator.token })).errors,
    ).toBeUndefined();
    expect(
      (await gql(app, VERIFY, { id: org.id, verified: false }, { token: coordinator.token })).errors,
    ).toBeUndefined();
    const rows = await auditAbout(org.id);
    expect(rows.map((r) => [r.actorId, r.actorRoles, r.action, r.subjectKind, r.details])).toEqual([
      [coordinator.id, ['COORDINATOR'], 'ORGANISATION_VERIFIED', 'ORGANISATION', {}],
      [coordinator.id, ['COORDINATOR'], 'ORGANISATION_UNVERIFIED', 'ORGANISATION', {}],
    ]);
    expect(
      await app.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, org.id), eq(auditEvents.actorId, org.owner.id))),
    ).toEqual([]);
  });
});
