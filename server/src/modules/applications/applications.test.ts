import { randomUUID } from 'node:crypto';
import {
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
} from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildNeed,
  buildOrganisation,
  buildUser,
  dateIn,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, pageOneByOne, type TestApp } from '../../test/helper.js';
import { notifications } from '../messaging/tables.js';
import { applications } from './tables.js';

const FIELDS = `id state coverLetter studentName rejectReason actions
  profile { institutionName discoverable }
  need { id title state organisation { name } }
  events { fromState toState actor reason }`;
const APPLY = `mutation ($input: ApplyInput!) { applyToNeed(input: $input) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { application(id: $id) { ${FIELDS} } }`;
const MINE = `query ($state: ApplicationState) { myApplications(state: $state) { totalCount nodes { id state need { title organisation { name } } } } }`;
const APPLICANTS = `query ($needId: ID!, $state: ApplicationState, $first: Int, $after: String) {
  needApplications(needId: $needId, state: $state, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id state studentName coverLetter profile { fieldOfStudy } }
  }
}`;
const NEED = `query ($id: ID!) { need(id: $id) { state applicationCount myApplication { id state } } }`;

const MUTATION: Record<ApplicationAction, string> = {
  SHORTLIST: 'shortlistApplication',
  OFFER: 'offerApplication',
  REJECT: 'rejectApplication',
  ACCEPT: 'acceptApplication',
  DECLINE: 'declineApplication',
  WITHDRAW: 'withdrawApplication',
};
const act = (action: ApplicationAction, extra = '') =>
  `mutation ($id: ID!${action === 'REJECT' ? ', $reason: String' : ''}) { ${MUTATION[action]}(id: $id${
    action === 'REJECT' ? ', reason: $reason' : ''
  }) { id state rejectReason ${extra} } }`;

let app: TestApp;
let member: TestUser;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let otherEntrepreneur: TestUser;
let coordinator: TestUser;
let student: TestUser;
let otherStudent: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  member = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Kaisa Kollega' });
  company = await buildOrganisation(app, { name: 'Tunturitesti Oy', members: [member] });
  otherEntrepreneur = (await buildOrganisation(app)).owner;
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  student = await buildUser(app, { roles: ['STUDENT'], displayName: 'Sami Opiskelija' });
  otherStudent = await buildUser(app, { roles: ['STUDENT'] });
  // The student keeps a profile but has not made it discoverable: applying shares it all the same.
  const saved = await gql(
    app,
    `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId } }`,
    {
      input: {
        institutionName: 'Lapin AMK',
        fieldOfStudy: 'Energiatekniikka',
        studyLevel: 'BACHELOR',
        topics: ['solar-pv'],
        languages: ['fi'],
        discoverable: false,
      },
    },
    { token: student.token },
  );
  expect(saved.errors).toBeUndefined();
});
afterAll(() => app.closeAndDrop());

/** An open placement of the company, posted by its owner. */
const placement = (overrides: Record<string, unknown> = {}) =>
  buildNeed(app, { organisationId: company.id, positions: 5, ...overrides }, { owner: company.owner });

async function apply(who: TestUser | null, needId: string, coverLetter = 'Haluaisin harjoitteluun teille.') {
  return gql(app, APPLY, { input: { needId, coverLetter } }, who ? { token: who.token } : {});
}

const notificationsOf = (userId: string, type: string) =>
  app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

describe('applying', () => {
  it('records a submitted application with the profile and a timeline, and tells the company', async () => {
    const need = await placement({ title: 'Harjoittelija aurinkovoimaloille' });
    const r = await apply(student, need.id, '  Olen energiatekniikan opiskelija.  ');
    expect(r.errors).toBeUndefined();
    const application = r.data!.applyToNeed;
    expect(application).toMatchObject({
      state: 'SUBMITTED',
      coverLetter: 'Olen energiatekniikan opiskelija.',
      studentName: 'Sami Opiskelija',
      rejectReason: null,
      actions: ['WITHDRAW'],
      profile: { institutionName: 'Lapin AMK', discoverable: false },
      need: {
        id: need.id,
        title: 'Harjoittelija aurinkovoimaloille',
        state: 'OPEN',
        organisation: { name: 'Tunturitesti Oy' },
      },
      events: [{ fromState: null, toState: 'SUBMITTED', actor: 'APPLICANT', reason: null }],
    });
    for (const who of [company.owner, member]) {
      const [received] = await notificationsOf(who.id, 'APPLICATION_RECEIVED');
      expect(received?.data).toEqual({
        applicationId: application.id,
        needId: need.id,
        needTitle: 'Harjoittelija aurinkovoimaloille',
        organisationName: 'Tunturitesti Oy',
        studentName: 'Sami Opiskelija',
        path: `/needs/${need.id}/applicants`,
      });
    }
    expect(await notificationsOf(student.id, 'APPLICATION_RECEIVED')).toEqual([]);
  });

  it('takes one application per student and need, in code and in the schema', async () => {
    const need = await placement();
    const first = await apply(student, need.id);
    const again = await apply(student, need.id);
    expect(codeOf(again)).toBe('ALREADY_APPLIED');
    expect(again.errors![0]!.extensions.applicationId).toBe(first.data!.applyToNeed.id);
    // Even after withdrawing: the one application stays the student's record with the company.
    await gql(app, act('WITHDRAW'), { id: first.data!.applyToNeed.id }, { token: student.token });
    expect(codeOf(await apply(student, need.id))).toBe('ALREADY_APPLIED');
    await expect(
      app.db.insert(applications).values({ needId: need.id, studentId: student.id, coverLetter: 'Toinen kerta' }),
    ).rejects.toThrow();
    expect((await apply(otherStudent, need.id)).data!.applyToNeed.state).toBe('SUBMITTED');
  });

  it('links no profile when the student has none', async () => {
    const need = await placement();
    expect((await apply(otherStudent, need.id)).data!.applyToNeed.profile).toBeNull();
  });

  it('is for signed-in students only', async () => {
    const need = await placement();
    expect(codeOf(await apply(null, need.id))).toBe('UNAUTHENTICATED');
    expect(codeOf(await apply(otherEntrepreneur, need.id))).toBe('FORBIDDEN');
    expect(codeOf(await apply(coordinator, need.id))).toBe('FORBIDDEN');
  });

  it('does not let a student apply to a need of their own company', async () => {
    const both = await buildUser(app, { roles: ['STUDENT', 'ENTREPRENEUR'] });
    const own = await buildOrganisation(app, { owner: both });
    const need = await buildNeed(app, { organisationId: own.id }, { owner: both });
    expect(codeOf(await apply(both, need.id))).toBe('FORBIDDEN');
  });

  it('checks the cover letter: 1 to 5000 characters', async () => {
    const need = await placement();
    for (const letter of ['', '   ', 'x'.repeat(5001)]) {
      const r = await apply(student, need.id, letter);
      expect(codeOf(r)).toBe('VALIDATION');
      expect(r.errors![0]!.extensions.fields[0].field).toBe('coverLetter');
    }
    expect((await apply(student, need.id, 'x'.repeat(5000))).data!.applyToNeed.state).toBe('SUBMITTED');
  });

  it('takes applications only to open placements before their deadline', async () => {
    const course = await buildNeed(
      app,
      { organisationId: company.id, kind: 'COURSE', payKind: null, payAmountCents: null, budgetCents: 50_000 },
      { owner: company.owner },
    );
    expect(codeOf(await apply(student, course.id))).toBe('APPLICATIONS_CLOSED');

    const pastDeadline = await placement();
    await app.db.execute(sql`update needs set application_deadline = ${dateIn(-1)} where id = ${pastDeadline.id}`);
    expect(codeOf(await apply(student, pastDeadline.id))).toBe('APPLICATIONS_CLOSED');

    const expired = await placement();
    await app.db.execute(sql`update needs set state = 'EXPIRED' where id = ${expired.id}`);
    expect(codeOf(await apply(student, expired.id))).toBe('APPLICATIONS_CLOSED');

    // Drafts and closed needs are not public: the student learns nothing of them.
    const draft = await buildNeed(app, { organisationId: company.id }, { owner: company.owner, publish: false });
    expect(codeOf(await apply(student, draft.id))).toBe('NOT_FOUND');
    const closed = await placement();
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: closed.id }, { token: member.token });
    expect(codeOf(await apply(student, closed.id))).toBe('NOT_FOUND');
    expect(codeOf(await apply(student, randomUUID()))).toBe('NOT_FOUND');
  });
});

describe('who may move an application', () => {
  // The company moves SHORTLIST, OFFER, REJECT; the student ACCEPT, DECLINE, WITHDRAW. Someone who
  // may read the application but not move it is FORBIDDEN; someone who may not read it, NOT_FOUND.
  const readers: Record<ApplicationAction, Record<string, string>> = {
    SHORTLIST: { applicant: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
    OFFER: { applicant: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
    REJECT: { applicant: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
    ACCEPT: { owner: 'FORBIDDEN', member: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
    DECLINE: { owner: 'FORBIDDEN', member: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
    WITHDRAW: { owner: 'FORBIDDEN', member: 'FORBIDDEN', coordinator: 'FORBIDDEN' },
  };
  const from: Record<ApplicationAction, ApplicationState> = {
    SHORTLIST: 'SUBMITTED',
    OFFER: 'SHORTLISTED',
    REJECT: 'OFFERED',
    ACCEPT: 'OFFERED',
    DECLINE: 'OFFERED',
    WITHDRAW: 'SHORTLISTED',
  };

  for (const action of Object.keys(MUTATION) as ApplicationAction[]) {
    const byApplicant = APPLICATION_TRANSITIONS[action].by === 'APPLICANT';
    it(`${action}: ${byApplicant ? 'the applicant only' : "the need's side only"}`, async () => {
      const need = await placement();
      const application = await buildApplication(app, need, { state: from[action] });
      const who: Record<string, TestUser | null> = {
        applicant: application.student,
        owner: company.owner,
        member,
        otherStudent,
        otherEntrepreneur,
        coordinator,
        anonymous: null,
      };
      const allowed = byApplicant ? ['applicant'] : ['owner', 'member'];
      const tried: Record<string, string | undefined> = {};
      const wanted: Record<string, string> = {};
      for (const [role, user] of Object.entries(who)) {
        if (allowed.includes(role)) continue;
        tried[role] = codeOf(await gql(app, act(action), { id: application.id }, user ? { token: user.token } : {}));
        wanted[role] = readers[action][role] ?? (user ? 'NOT_FOUND' : 'UNAUTHENTICATED');
      }
      expect(tried).toEqual(wanted);
      const by = who[allowed.at(-1)!]!;
      const done = await gql(app, act(action), { id: application.id }, { token: by.token });
      expect(done.errors).toBeUndefined();
      expect(done.data![MUTATION[action]].state).toBe(APPLICATION_TRANSITIONS[action].to);
    });
  }

  it('lets the poster of a need without a company review its applications', async () => {
    const person = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Yksityinen Yrittäjä' });
    const need = await buildNeed(app, {}, { owner: person });
    const application = await buildApplication(app, need);
    const shortlisted = await gql(app, act('SHORTLIST'), { id: application.id }, { token: person.token });
    expect(shortlisted.data!.shortlistApplication.state).toBe('SHORTLISTED');
    const [notice] = await notificationsOf(application.student.id, 'APPLICATION_SHORTLISTED');
    expect(notice!.data.organisationName).toBe('Yksityinen Yrittäjä');
  });
});

describe('transitions by state', () => {
  const actorOf = (action: ApplicationAction, application: { student: TestUser }) =>
    APPLICATION_TRANSITIONS[action].by === 'APPLICANT' ? application.student : company.owner;

  it('allows exactly the transitions of the state machine, and refuses every other with INVALID_STATE', async () => {
    const need = await placement({ positions: 50 });
    const inState = Object.fromEntries(
      await Promise.all(
        APPLICATION_STATES.map(async (state) => [state, await buildApplication(app, need, { state })] as const),
      ),
    ) as Record<ApplicationState, Awaited<ReturnType<typeof buildApplication>>>;
    const refused: string[] = [];
    for (const action of Object.keys(MUTATION) as ApplicationAction[]) {
      const rule = APPLICATION_TRANSITIONS[action];
      for (const state of APPLICATION_STATES) {
        if (rule.from.includes(state)) {
          // Allowed: on a fresh application in that state.
          const fresh = await buildApplication(app, need, { state });
          const r = await gql(app, act(action), { id: fresh.id }, { token: actorOf(action, fresh).token });
          expect(r.errors, `${action} from ${state}`).toBeUndefined();
          expect(r.data![MUTATION[action]].state).toBe(rule.to);
        } else {
          const target = inState[state];
          const r = await gql(app, act(action), { id: target.id }, { token: actorOf(action, target).token });
          if (codeOf(r) !== 'INVALID_STATE' || r.errors![0]!.extensions.state !== state) {
            refused.push(`${action} from ${state}: ${codeOf(r) ?? 'allowed'}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
    // The refused attempts changed nothing.
    for (const state of APPLICATION_STATES) {
      const [row] = await app.db.select().from(applications).where(eq(applications.id, inState[state].id));
      expect(row!.state).toBe(state);
    }
  });

  it('keeps the timeline of every step with who took it', async () => {
    const need = await placement();
    const application = await buildApplication(app, need, { state: 'SHORTLISTED', student: otherStudent });
    await gql(app, act('OFFER'), { id: application.id }, { token: member.token });
    await gql(app, act('ACCEPT'), { id: application.id }, { token: otherStudent.token });
    const r = await gql(app, READ, { id: application.id }, { token: otherStudent.token });
    expect(r.data!.application.events).toEqual([
      { fromState: null, toState: 'SUBMITTED', actor: 'APPLICANT', reason: null },
      { fromState: 'SUBMITTED', toState: 'SHORTLISTED', actor: 'ORGANISATION', reason: null },
      { fromState: 'SHORTLISTED', toState: 'OFFERED', actor: 'ORGANISATION', reason: null },
      { fromState: 'OFFERED', toState: 'ACCEPTED', actor: 'APPLICANT', reason: null },
    ]);
    expect(r.data!.application.actions).toEqual([]);
  });

  it('rejects with an optional reason that the student sees, up to 1000 characters', async () => {
    const need = await placement({ title: 'Kesätyö asennustiimissä' });
    const application = await buildApplication(app, need, { state: 'SHORTLISTED' });
    const tooLong = await gql(
      app,
      act('REJECT'),
      { id: application.id, reason: 'x'.repeat(1001) },
      { token: member.token },
    );
    expect(codeOf(tooLong)).toBe('VALIDATION');
    const r = await gql(
      app,
      act('REJECT'),
      { id: application.id, reason: 'Valitsimme kokeneemman hakijan.' },
      { token: member.token },
    );
    expect(r.data!.rejectApplication).toMatchObject({
      state: 'REJECTED',
      rejectReason: 'Valitsimme kokeneemman hakijan.',
    });
    const [notice] = await notificationsOf(application.student.id, 'APPLICATION_REJECTED');
    expect(notice!.data).toMatchObject({
      applicationId: application.id,
      needTitle: 'Kesätyö asennustiimissä',
      organisationName: 'Tunturitesti Oy',
      reason: 'Valitsimme kokeneemman hakijan.',
      path: `/my/applications/${application.id}`,
    });
    const read = await gql(app, READ, { id: application.id }, { token: application.student.token });
    expect(read.data!.application.events.at(-1)).toEqual({
      fromState: 'SHORTLISTED',
      toState: 'REJECTED',
      actor: 'ORGANISATION',
      reason: 'Valitsimme kokeneemman hakijan.',
    });
  });

  it('tells the other side of every move, with links to where they act', async () => {
    const need = await placement();
    const shortlisted = await buildApplication(app, need, { state: 'SHORTLISTED' });
    const offered = await buildApplication(app, need, { state: 'OFFERED' });
    const accepted = await buildApplication(app, need, { state: 'ACCEPTED' });
    const declined = await buildApplication(app, need, { state: 'DECLINED' });
    const withdrawn = await buildApplication(app, need, { state: 'WITHDRAWN' });
    const toStudent = { path: expect.stringMatching(/^\/my\/applications\//) };
    expect((await notificationsOf(shortlisted.student.id, 'APPLICATION_SHORTLISTED'))[0]!.data).toMatchObject({
      applicationId: shortlisted.id,
      ...toStudent,
    });
    expect((await notificationsOf(offered.student.id, 'APPLICATION_OFFERED'))[0]!.data).toMatchObject({
      applicationId: offered.id,
      ...toStudent,
    });
    for (const [application, type] of [
      [accepted, 'APPLICATION_ACCEPTED'],
      [declined, 'APPLICATION_DECLINED'],
      [withdrawn, 'APPLICATION_WITHDRAWN'],
    ] as const) {
      for (const who of [company.owner, member]) {
        const found = (await notificationsOf(who.id, type)).find((n) => n.data.applicationId === application.id);
        expect(found?.data, `${type} to ${who.id}`).toMatchObject({
          needId: need.id,
          studentName: 'Testi Käyttäjä',
          path: `/needs/${need.id}/applicants`,
        });
      }
      expect(await notificationsOf(application.student.id, type)).toEqual([]);
    }
  });
});

describe('filling the positions', () => {
  it('fills the need when the last position is accepted, and turns down everyone still waiting', async () => {
    const need = await placement({ positions: 2, title: 'Kaksi harjoittelijaa' });
    const first = await buildApplication(app, need, { state: 'OFFERED' });
    const second = await buildApplication(app, need, { state: 'OFFERED' });
    const waiting = await buildApplication(app, need, { state: 'SHORTLISTED' });
    const offeredToo = await buildApplication(app, need, { state: 'OFFERED' });
    const withdrawn = await buildApplication(app, need, { state: 'WITHDRAWN' });

    await gql(app, act('ACCEPT'), { id: first.id }, { token: first.student.token });
    expect((await gql(app, NEED, { id: need.id })).data!.need.state).toBe('OPEN');
    const last = await gql(app, act('ACCEPT', 'need { state }'), { id: second.id }, { token: second.student.token });
    expect(last.data!.acceptApplication).toMatchObject({ state: 'ACCEPTED', need: { state: 'FILLED' } });

    for (const other of [waiting, offeredToo]) {
      const r = await gql(app, READ, { id: other.id }, { token: other.student.token });
      expect(r.data!.application).toMatchObject({ state: 'REJECTED', rejectReason: 'NEED_FILLED', actions: [] });
      expect(r.data!.application.events.at(-1)).toMatchObject({
        toState: 'REJECTED',
        actor: 'SYSTEM',
        reason: 'NEED_FILLED',
      });
      const told = await notificationsOf(other.student.id, 'NEED_FILLED');
      expect(told).toHaveLength(1);
      expect(told[0]!.data).toEqual({
        applicationId: other.id,
        needId: need.id,
        needTitle: 'Kaksi harjoittelijaa',
        organisationName: 'Tunturitesti Oy',
        studentName: 'Testi Käyttäjä',
        reason: 'NEED_FILLED',
        path: `/my/applications/${other.id}`,
      });
      expect(await notificationsOf(other.student.id, 'APPLICATION_REJECTED')).toEqual([]);
    }
    const [untouched] = await app.db.select().from(applications).where(eq(applications.id, withdrawn.id));
    expect(untouched!.state).toBe('WITHDRAWN');
    expect(await notificationsOf(withdrawn.student.id, 'NEED_FILLED')).toEqual([]);

    // Filled: out of search, no more applications, no more accepting.
    const found = await gql(app, `{ search(filter: { text: "harjoittelijaa" }, first: 100) { nodes { id } } }`);
    expect(found.data!.search.nodes.map((n: { id: string }) => n.id)).not.toContain(need.id);
    expect(codeOf(await apply(student, need.id))).toBe('APPLICATIONS_CLOSED');
    const [accepted] = await app.db
      .select()
      .from(applications)
      .where(and(eq(applications.needId, need.id), eq(applications.state, 'ACCEPTED')));
    expect(accepted).toBeDefined();
  });

  it('refuses to accept beyond the positions with POSITIONS_FILLED', async () => {
    const need = await placement({ positions: 1 });
    const late = await buildApplication(app, need, { state: 'OFFERED' });
    await buildApplication(app, need, { state: 'ACCEPTED' });
    expect(codeOf(await gql(app, act('ACCEPT'), { id: late.id }, { token: late.student.token }))).toBe(
      'POSITIONS_FILLED',
    );
  });

  it('fills a need past its deadline too: the deadline is for applying, hiring goes on', async () => {
    const need = await placement({ positions: 1 });
    const offered = await buildApplication(app, need, { state: 'OFFERED' });
    const shortlisted = await buildApplication(app, need, { state: 'SUBMITTED' });
    await app.db.execute(sql`update needs set state = 'EXPIRED' where id = ${need.id}`);
    expect(
      (await gql(app, act('SHORTLIST'), { id: shortlisted.id }, { token: member.token })).data!.shortlistApplication
        .state,
    ).toBe('SHORTLISTED');
    await gql(app, act('ACCEPT'), { id: offered.id }, { token: offered.student.token });
    expect((await gql(app, NEED, { id: need.id })).data!.need.state).toBe('FILLED');
  });

  it('lets the company neither shortlist nor offer on a closed need', async () => {
    const need = await placement();
    const application = await buildApplication(app, need);
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: need.id }, { token: member.token });
    expect(codeOf(await gql(app, act('OFFER'), { id: application.id }, { token: member.token }))).toBe('INVALID_STATE');
    expect(
      (await gql(app, act('REJECT'), { id: application.id }, { token: member.token })).data!.rejectApplication.state,
    ).toBe('REJECTED');
  });
});

describe('reading applications', () => {
  let need: Awaited<ReturnType<typeof placement>>;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    need = await placement({ title: 'Luettava harjoittelu' });
    mine = (await apply(student, need.id, 'Minun hakemukseni')).data!.applyToNeed.id;
    theirs = (await apply(otherStudent, need.id, 'Toisen hakemus')).data!.applyToNeed.id;
    await gql(app, act('SHORTLIST'), { id: theirs }, { token: member.token });
  });

  it('shows one application to the student, the company and coordinators only', async () => {
    const codes = async (id: string) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries({ student, otherStudent, owner: company.owner, member, otherEntrepreneur, coordinator }).map(
            async ([role, user]) => [role, codeOf(await gql(app, READ, { id }, { token: user.token })) ?? 'OK'],
          ),
        ),
      );
    expect(await codes(mine)).toEqual({
      student: 'OK',
      otherStudent: 'NOT_FOUND',
      owner: 'OK',
      member: 'OK',
      otherEntrepreneur: 'NOT_FOUND',
      coordinator: 'OK',
    });
    expect(codeOf(await gql(app, READ, { id: mine }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, READ, { id: randomUUID() }, { token: student.token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, READ, { id: 'not-an-id' }, { token: student.token }))).toBe('NOT_FOUND');
  });

  it("lists the student's own applications with their needs", async () => {
    const r = await gql(app, MINE, {}, { token: student.token });
    const found = r.data!.myApplications.nodes.find((n: { id: string }) => n.id === mine);
    expect(found).toEqual({
      id: mine,
      state: 'SUBMITTED',
      need: { title: 'Luettava harjoittelu', organisation: { name: 'Tunturitesti Oy' } },
    });
    expect(r.data!.myApplications.nodes.map((n: { id: string }) => n.id)).not.toContain(theirs);
    const shortlisted = await gql(app, MINE, { state: 'SHORTLISTED' }, { token: otherStudent.token });
    expect(shortlisted.data!.myApplications.nodes.map((n: { id: string }) => n.id)).toContain(theirs);
    expect(codeOf(await gql(app, MINE))).toBe('UNAUTHENTICATED');
  });

  it("pages the student's applications one at a time, without loss or repetition, when they were written in one transaction", async () => {
    const applicant = await buildUser(app, { roles: ['STUDENT'] });
    const poster = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const needIds: string[] = [];
    for (let i = 0; i < 4; i++)
      needIds.push((await buildNeed(app, { title: `Sivutettava ${i}` }, { owner: poster })).id);
    // One transaction: every row has the same created_at (now()), so only the full key orders them.
    const written = await app.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const needId of needIds) {
        const [row] = await tx
          .insert(applications)
          .values({ needId, studentId: applicant.id, coverLetter: 'Samassa transaktiossa' })
          .returning({ id: applications.id });
        ids.push(row!.id);
      }
      return ids;
    });
    const PAGE = `query ($after: String) { myApplications(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.myApplications, {
      token: applicant.token,
    });
    expect(new Set(totalCounts)).toEqual(new Set([4]));
    expect(seen).toHaveLength(4);
    expect([...seen].sort()).toEqual([...written].sort());
    // Newest first, the id breaking the tie.
    expect(seen).toEqual([...written].sort().reverse());
  });

  it("lists a need's applicants for its company and coordinators, by state and page", async () => {
    const r = await gql(app, APPLICANTS, { needId: need.id }, { token: member.token });
    expect(r.data!.needApplications).toMatchObject({
      totalCount: 2,
      nodes: [
        {
          id: mine,
          state: 'SUBMITTED',
          studentName: 'Sami Opiskelija',
          coverLetter: 'Minun hakemukseni',
          profile: { fieldOfStudy: 'Energiatekniikka' },
        },
        { id: theirs, state: 'SHORTLISTED', profile: null },
      ],
    });
    const filtered = await gql(
      app,
      APPLICANTS,
      { needId: need.id, state: 'SHORTLISTED' },
      { token: coordinator.token },
    );
    expect(filtered.data!.needApplications.nodes.map((n: { id: string }) => n.id)).toEqual([theirs]);
    const page = await gql(app, APPLICANTS, { needId: need.id, first: 1 }, { token: company.owner.token });
    expect(page.data!.needApplications.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      app,
      APPLICANTS,
      { needId: need.id, first: 1, after: page.data!.needApplications.pageInfo.endCursor },
      { token: company.owner.token },
    );
    expect(next.data!.needApplications.nodes.map((n: { id: string }) => n.id)).toEqual([theirs]);
    expect(next.data!.needApplications.pageInfo.hasNextPage).toBe(false);
    for (const outsider of [student, otherEntrepreneur]) {
      expect(codeOf(await gql(app, APPLICANTS, { needId: need.id }, { token: outsider.token }))).toBe('NOT_FOUND');
    }
    expect(codeOf(await gql(app, APPLICANTS, { needId: need.id }))).toBe('UNAUTHENTICATED');
  });

  it("counts a need's applications for its side, and shows the student their own", async () => {
    expect((await gql(app, NEED, { id: need.id }, { token: member.token })).data!.need).toMatchObject({
      applicationCount: 2,
      myApplication: null,
    });
    expect((await gql(app, NEED, { id: need.id }, { token: coordinator.token })).data!.need.applicationCount).toBe(2);
    expect((await gql(app, NEED, { id: need.id }, { token: student.token })).data!.need).toEqual({
      state: 'OPEN',
      applicationCount: null,
      myApplication: { id: mine, state: 'SUBMITTED' },
    });
    expect(
      (await gql(app, NEED, { id: need.id }, { token: otherEntrepreneur.token })).data!.need.applicationCount,
    ).toBe(null);
    expect((await gql(app, NEED, { id: need.id })).data!.need).toMatchObject({
      applicationCount: null,
      myApplication: null,
    });
  });
});

describe('received applications', () => {
  const RECEIVED = `query ($state: ApplicationState, $first: Int, $after: String) {
    receivedApplications(state: $state, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id state studentName need { id title } }
    }
  }`;
  let shop: Awaited<ReturnType<typeof buildOrganisation>>;
  let colleague: TestUser;
  /** Applications to the shop's needs (posted by its owner and by the colleague), in the order made. */
  const toShop: string[] = [];
  /** To a need the colleague posted without a company. */
  let toColleague: string;
  /** To another company's need. */
  let elsewhere: string;

  const received = async (who: TestUser | null, variables: Record<string, unknown> = {}) =>
    gql(app, RECEIVED, variables, who ? { token: who.token } : {});
  const idsOf = (r: Awaited<ReturnType<typeof received>>) =>
    r.data!.receivedApplications.nodes.map((n: { id: string }) => n.id);

  beforeAll(async () => {
    colleague = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    shop = await buildOrganisation(app, { name: 'Vastaanottava Oy', members: [colleague] });
    const byOwner = await buildNeed(app, { organisationId: shop.id, positions: 5 }, { owner: shop.owner });
    const byColleague = await buildNeed(app, { organisationId: shop.id, positions: 5 }, { owner: colleague });
    const own = await buildNeed(app, { title: 'Oma harjoittelu' }, { owner: colleague });
    const other = await buildNeed(app, { organisationId: company.id }, { owner: company.owner });
    toShop.push((await buildApplication(app, byOwner, { state: 'SUBMITTED' })).id);
    toShop.push((await buildApplication(app, byColleague, { state: 'SHORTLISTED' })).id);
    toShop.push((await buildApplication(app, byOwner, { state: 'WITHDRAWN' })).id);
    toShop.push((await buildApplication(app, byColleague, { state: 'SUBMITTED' })).id);
    toColleague = (await buildApplication(app, own, { student })).id;
    elsewhere = (await buildApplication(app, other, { student })).id;
  });

  it("lists the applications to the needs on the viewer's side, newest first, in every state", async () => {
    const owner = await received(shop.owner);
    expect(owner.errors).toBeUndefined();
    expect(owner.data!.receivedApplications.totalCount).toBe(4);
    expect(idsOf(owner)).toEqual([...toShop].reverse());
    // The colleague also posted a need of their own, without the company: theirs, not the owner's.
    const mine = await received(colleague);
    expect(idsOf(mine)).toEqual([toColleague, ...[...toShop].reverse()]);
    expect(mine.data!.receivedApplications.nodes[0]).toMatchObject({
      state: 'SUBMITTED',
      studentName: 'Sami Opiskelija',
      need: { title: 'Oma harjoittelu' },
    });
  });

  it('leaves out the applications to other needs, for everyone, coordinators too', async () => {
    for (const who of [shop.owner, colleague]) {
      const ids = idsOf(await received(who, { first: 100 }));
      expect(ids).not.toContain(elsewhere);
    }
    expect(idsOf(await received(shop.owner))).not.toContain(toColleague);
    // The other company sees its own, and none of the shop's.
    const theirs = idsOf(await received(company.owner, { first: 100 }));
    expect(theirs).toContain(elsewhere);
    expect(theirs.filter((id: string) => toShop.includes(id) || id === toColleague)).toEqual([]);
    // Applicants and staff who are on no need's side get nothing here.
    for (const who of [student, coordinator, otherEntrepreneur]) {
      expect((await received(who)).data!.receivedApplications).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [],
      });
    }
  });

  it('filters by state and pages without loss or repetition', async () => {
    const submitted = await received(shop.owner, { state: 'SUBMITTED' });
    expect(submitted.data!.receivedApplications.totalCount).toBe(2);
    expect(idsOf(submitted)).toEqual([toShop[3], toShop[0]]);
    expect(idsOf(await received(shop.owner, { state: 'ACCEPTED' }))).toEqual([]);
    const PAGE = `query ($after: String) { receivedApplications(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const { ids, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.receivedApplications, {
      token: shop.owner.token,
    });
    expect(ids).toEqual([...toShop].reverse());
    expect(new Set(totalCounts)).toEqual(new Set([4]));
  });

  it('is for signed-in users, and refuses a bad page size or cursor', async () => {
    expect(codeOf(await received(null))).toBe('UNAUTHENTICATED');
    for (const first of [0, -1, 101]) {
      const r = await received(shop.owner, { first });
      expect(codeOf(r), `first: ${first}`).toBe('VALIDATION');
      expect(r.errors![0]!.extensions.fields).toEqual([
        { field: 'first', message: 'validation.pageSize', params: { max: 100 } },
      ]);
    }
    expect(codeOf(await received(shop.owner, { after: 'not-a-cursor' }))).toBe('VALIDATION');
    expect(codeOf(await received(shop.owner, { state: 'NOT_A_STATE' }))).toBe('BAD_REQUEST');
  });
});
