import { randomUUID } from 'node:crypto';
import { NEED_KINDS, PROPOSAL_TARGET_KINDS, type NeedKind, type ProposalTargetKind } from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNeed, buildOrganisation, buildUser, lastEmailTo, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import {
  course,
  courseNeed,
  placementNeed,
  publishedDaysAgo,
  student,
  studentPool,
} from '../../test/proposal-factories.js';
import { notifications } from '../messaging/tables.js';
import { needs } from '../needs/tables.js';
import { matches, proposals } from './tables.js';

const FIELDS = `id state origin note poolKey proposerName viewerSides actions createdAt decidedAt
  need { id title }
  target { kind title organisationName studentId offer { id title } session { id } studentProfile { displayName } }
  needAnswer { answer answeredAt answeredByName }
  targetAnswer { answer answeredAt answeredByName }
  matchMade { minutesToMatch matchedAt }`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${FIELDS} } }`;
const READ = `query ($id: ID!) { proposal(id: $id) { ${FIELDS} } }`;
const FOR_NEED = `query ($needId: ID!) { proposalsForNeed(needId: $needId) { id origin } }`;
const MINE = `query ($state: ProposalState) { myProposals(state: $state, first: 100) { totalCount nodes { id state } } }`;
const QUEUE = `query ($first: Int, $after: String) { brokeringQueue(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { need { id } daysWaiting openProposals publishedAt } } }`;
const MUTATION = { ACCEPT: 'acceptProposal', DECLINE: 'declineProposal', WITHDRAW: 'withdrawProposal' } as const;
type Action = keyof typeof MUTATION;
const act = (action: Action) => `mutation ($id: ID!) { ${MUTATION[action]}(id: $id) { ${FIELDS} } }`;

let app: TestApp;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let member: TestUser;
let otherEntrepreneur: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let colleague: TestUser;
let otherSchool: Awaited<ReturnType<typeof buildOrganisation>>;
let theStudent: TestUser;
let otherStudent: TestUser;
let theCourse: Awaited<ReturnType<typeof course>>;

beforeAll(async () => {
  app = await buildTestApp();
  member = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Kaisa Kollega' });
  company = await buildOrganisation(app, { name: 'Tunturitesti Oy', members: [member] });
  otherEntrepreneur = (await buildOrganisation(app)).owner;
  coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Aino Välittäjä' });
  otherCoordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  colleague = await buildUser(app, { roles: ['EDUCATOR'], displayName: 'Olli Opettaja' });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL', name: 'Testi AMK', members: [colleague] });
  otherSchool = await buildOrganisation(app, { kind: 'EDUCATIONAL', name: 'Toinen Oppilaitos' });
  theStudent = await student(app, true, 'Sanna Opiskelija');
  otherStudent = await student(app, true, 'Toinen Opiskelija');
  theCourse = await course(app, school, { title: 'Aurinkosähkön perusteet' });
});
afterAll(() => app.closeAndDrop());

const as = (user: TestUser | null) => (user ? { token: user.token } : {});
const propose = (user: TestUser | null, input: Record<string, unknown>) =>
  gql(app, PROPOSE, { input: { note: 'Tämä kurssi sopisi teille hyvin.', ...input } }, as(user));
const offerTarget = (offerId: string) => ({ targetKind: 'OFFER', offerId });
const notificationsOf = (userId: string, type: string) =>
  app.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

/** A coordinator's open proposal between a new course need of the company and the school's course. */
async function coordinatorProposal(overrides: Record<string, unknown> = {}) {
  const need = await courseNeed(app, company, overrides);
  const r = await propose(coordinator, { needId: need.id, ...offerTarget(theCourse.id) });
  expect(r.errors).toBeUndefined();
  return { need, proposal: r.data!.proposeMatch };
}

describe('proposing', () => {
  it('lets a coordinator propose a course for a course need, and tells both sides', async () => {
    const need = await courseNeed(app, company, { title: 'Aurinkosähkökoulutus neljälle' });
    const r = await propose(coordinator, {
      needId: need.id,
      ...offerTarget(theCourse.id),
      note: '  Lapin ensi kevään paras aurinkosähkökurssi.  ',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.proposeMatch).toMatchObject({
      state: 'OPEN',
      origin: 'COORDINATOR',
      note: 'Lapin ensi kevään paras aurinkosähkökurssi.',
      proposerName: 'Aino Välittäjä',
      viewerSides: [],
      actions: ['WITHDRAW'],
      need: { id: need.id, title: 'Aurinkosähkökoulutus neljälle' },
      target: {
        kind: 'OFFER',
        title: 'Aurinkosähkön perusteet',
        organisationName: 'Testi AMK',
        offer: { id: theCourse.id },
        session: null,
      },
      needAnswer: { answer: null, answeredAt: null, answeredByName: null },
      targetAnswer: { answer: null },
      matchMade: null,
      decidedAt: null,
    });
    const id = r.data!.proposeMatch.id;
    for (const who of [company.owner, member, school.owner, colleague]) {
      const [received] = (await notificationsOf(who.id, 'PROPOSAL_RECEIVED')).filter((n) => n.data.proposalId === id);
      expect(received?.data, who.displayName).toEqual({
        proposalId: id,
        needId: need.id,
        needTitle: 'Aurinkosähkökoulutus neljälle',
        organisationName: 'Tunturitesti Oy',
        targetTitle: 'Aurinkosähkön perusteet',
        proposerName: 'Aino Välittäjä',
        actorName: 'Aino Välittäjä',
        excerpt: 'Lapin ensi kevään paras aurinkosähkökurssi.',
        path: `/proposals/${id}`,
      });
    }
    expect(await notificationsOf(coordinator.id, 'PROPOSAL_RECEIVED')).toEqual([]);

    // In the app it is worded from the need's title and the proposer; by e-mail in the reader's language.
    const listed = await gql(
      app,
      `{ notifications(first: 5) { nodes { type subject actor excerpt path } } }`,
      {},
      as(member),
    );
    expect(listed.data!.notifications.nodes).toContainEqual({
      type: 'PROPOSAL_RECEIVED',
      subject: 'Aurinkosähkökoulutus neljälle',
      actor: 'Aino Välittäjä',
      excerpt: 'Lapin ensi kevään paras aurinkosähkökurssi.',
      path: `/proposals/${id}`,
    });
    const email = await lastEmailTo(app, member.email);
    expect(email!.subject).toBe('Yhteistyöehdotus: Aurinkosähkökoulutus neljälle – Aurinkosähkön perusteet');
    expect(email!.textBody).toContain('Aino Välittäjä ehdottaa yhteistyötä');
    expect(email!.textBody).toContain(`/proposals/${id}`);
  });

  it('lets an educator propose their own course or session for an open course need, their side accepting by proposing', async () => {
    const need = await courseNeed(app, company);
    const r = await propose(colleague, { needId: need.id, targetKind: 'SESSION', sessionId: theCourse.sessionId });
    expect(r.errors).toBeUndefined();
    expect(r.data!.proposeMatch).toMatchObject({
      origin: 'EDUCATOR',
      state: 'OPEN',
      viewerSides: ['TARGET'],
      actions: ['WITHDRAW'],
      target: { kind: 'SESSION', session: { id: theCourse.sessionId }, offer: { id: theCourse.id } },
      needAnswer: { answer: null },
      targetAnswer: { answer: 'ACCEPTED', answeredByName: 'Olli Opettaja' },
    });
    const id = r.data!.proposeMatch.id;
    // Only the need's side has something to answer; the educator speaks for their organisation.
    const [toOwner] = (await notificationsOf(company.owner.id, 'PROPOSAL_RECEIVED')).filter(
      (n) => n.data.proposalId === id,
    );
    expect(toOwner!.data.actorName).toBe('Testi AMK');
    expect(
      (await notificationsOf(school.owner.id, 'PROPOSAL_RECEIVED')).filter((n) => n.data.proposalId === id),
    ).toEqual([]);
  });

  it('refuses everyone else: entrepreneurs, students, other educators, anonymous', async () => {
    const need = await courseNeed(app, company);
    const input = { needId: need.id, ...offerTarget(theCourse.id) };
    expect(codeOf(await propose(null, input))).toBe('UNAUTHENTICATED');
    for (const who of [company.owner, member, otherEntrepreneur, theStudent, otherSchool.owner]) {
      expect(codeOf(await propose(who, input)), who.email).toBe('FORBIDDEN');
    }
    // Educators propose courses, not students, and not their student pools.
    const placement = await placementNeed(app, company);
    const pool = await studentPool(app, school);
    expect(
      codeOf(await propose(colleague, { needId: placement.id, targetKind: 'STUDENT', studentId: theStudent.id })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await propose(colleague, { needId: placement.id, ...offerTarget(pool.id) }))).toBe('FORBIDDEN');
    expect(await app.db.select().from(proposals).where(eq(proposals.needId, need.id))).toEqual([]);
  });

  it('lets a coordinator match placements with student pools offering them and with discoverable students', async () => {
    const internship = await placementNeed(app, company, { title: 'Harjoittelija asennuksiin' });
    const pool = await studentPool(app, school, ['INTERNSHIP']);
    const withPool = await propose(coordinator, { needId: internship.id, ...offerTarget(pool.id) });
    expect(withPool.data!.proposeMatch).toMatchObject({ target: { kind: 'OFFER', title: pool.title } });
    const withStudent = await propose(coordinator, {
      needId: internship.id,
      targetKind: 'STUDENT',
      studentId: theStudent.id,
    });
    expect(withStudent.data!.proposeMatch).toMatchObject({
      target: {
        kind: 'STUDENT',
        title: 'Sanna Opiskelija',
        studentId: theStudent.id,
        organisationName: 'Lapin AMK',
        studentProfile: { displayName: 'Sanna Opiskelija' },
        offer: null,
      },
    });
    const [toStudent] = (await notificationsOf(theStudent.id, 'PROPOSAL_RECEIVED')).filter(
      (n) => n.data.proposalId === withStudent.data!.proposeMatch.id,
    );
    expect(toStudent!.data).toMatchObject({
      needTitle: 'Harjoittelija asennuksiin',
      organisationName: 'Tunturitesti Oy',
    });
    // A pool that offers no theses does not answer a thesis need.
    const thesis = await placementNeed(app, company, { kind: 'THESIS', thesisLevel: 'BACHELOR', payKind: 'UNPAID' });
    expect(codeOf(await propose(coordinator, { needId: thesis.id, ...offerTarget(pool.id) }))).toBe(
      'INCOMPATIBLE_MATCH',
    );
  });

  it('never proposes incompatible kinds', async () => {
    const pool = await studentPool(app, school, ['INTERNSHIP', 'SUMMER_JOB', 'THESIS']);
    const needOf: Record<NeedKind, () => Promise<{ id: string }>> = {
      COURSE: () => courseNeed(app, company),
      INTERNSHIP: () => placementNeed(app, company),
      SUMMER_JOB: () => placementNeed(app, company, { kind: 'SUMMER_JOB' }),
      THESIS: () => placementNeed(app, company, { kind: 'THESIS', thesisLevel: 'MASTER', payKind: 'UNPAID' }),
    };
    const targets: Record<string, { targetKind: ProposalTargetKind } & Record<string, string>> = {
      course: { targetKind: 'OFFER', offerId: theCourse.id },
      session: { targetKind: 'SESSION', sessionId: theCourse.sessionId },
      pool: { targetKind: 'OFFER', offerId: pool.id },
      student: { targetKind: 'STUDENT', studentId: otherStudent.id },
    };
    const outcome: Record<string, string> = {};
    for (const kind of NEED_KINDS) {
      for (const [name, target] of Object.entries(targets)) {
        const need = await needOf[kind]();
        outcome[`${kind} ↔ ${name}`] = codeOf(await propose(coordinator, { needId: need.id, ...target })) ?? 'OK';
      }
    }
    const placement = { course: 'INCOMPATIBLE_MATCH', session: 'INCOMPATIBLE_MATCH', pool: 'OK', student: 'OK' };
    const expected = Object.fromEntries(
      NEED_KINDS.flatMap((kind) =>
        Object.entries(
          kind === 'COURSE'
            ? { course: 'OK', session: 'OK', pool: 'INCOMPATIBLE_MATCH', student: 'INCOMPATIBLE_MATCH' }
            : placement,
        ).map(([name, code]) => [`${kind} ↔ ${name}`, code]),
      ),
    );
    expect(outcome).toEqual(expected);
    expect(PROPOSAL_TARGET_KINDS).toHaveLength(3);
  });

  it('takes open needs only, and available targets only', async () => {
    const closed = await courseNeed(app, company);
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: closed.id }, as(member));
    const closedTry = await propose(coordinator, { needId: closed.id, ...offerTarget(theCourse.id) });
    expect(codeOf(closedTry)).toBe('INVALID_STATE');
    expect(closedTry.errors![0]!.extensions.state).toBe('CLOSED');
    const draft = await buildNeed(
      app,
      { kind: 'COURSE', organisationId: company.id },
      { owner: company.owner, publish: false },
    );
    expect(codeOf(await propose(coordinator, { needId: draft.id, ...offerTarget(theCourse.id) }))).toBe(
      'INVALID_STATE',
    );
    // An educator may not even see a draft need.
    expect(codeOf(await propose(colleague, { needId: draft.id, ...offerTarget(theCourse.id) }))).toBe('NOT_FOUND');

    const need = await courseNeed(app, company);
    const reasonOf = async (input: Record<string, unknown>, who: TestUser = coordinator) => {
      const r = await propose(who, { needId: need.id, ...input });
      return [codeOf(r), r.errors?.[0]?.extensions.reason];
    };
    const draftCourse = await course(app, school, {}).then(async (c) => {
      await app.db.execute(sql`update offers set state = 'DRAFT', published_at = null where id = ${c.id}`);
      return c;
    });
    expect(await reasonOf(offerTarget(draftCourse.id))).toEqual(['TARGET_UNAVAILABLE', 'OFFER_NOT_PUBLISHED']);
    expect(await reasonOf(offerTarget(draftCourse.id), otherSchool.owner)).toEqual(['NOT_FOUND', undefined]);
    const cancelled = await course(app, school);
    await app.db.execute(sql`update course_sessions set cancelled_at = now() where id = ${cancelled.sessionId}`);
    expect(await reasonOf({ targetKind: 'SESSION', sessionId: cancelled.sessionId })).toEqual([
      'TARGET_UNAVAILABLE',
      'SESSION_CANCELLED',
    ]);
    const closing = await course(app, school);
    await app.db.execute(
      sql`update course_sessions set registration_deadline = now() - interval '1 hour' where id = ${closing.sessionId}`,
    );
    expect(await reasonOf({ targetKind: 'SESSION', sessionId: closing.sessionId }, colleague)).toEqual([
      'TARGET_UNAVAILABLE',
      'REGISTRATION_CLOSED',
    ]);
    const hidden = await student(app, false);
    const placement = await placementNeed(app, company);
    const r = await propose(coordinator, { needId: placement.id, targetKind: 'STUDENT', studentId: hidden.id });
    expect([codeOf(r), r.errors?.[0]?.extensions.reason]).toEqual(['TARGET_UNAVAILABLE', 'STUDENT_NOT_DISCOVERABLE']);
    const noProfile = await buildUser(app, { roles: ['STUDENT'] });
    expect(
      codeOf(await propose(coordinator, { needId: placement.id, targetKind: 'STUDENT', studentId: noProfile.id })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await propose(coordinator, { needId: randomUUID(), ...offerTarget(theCourse.id) }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await propose(coordinator, { needId: need.id, ...offerTarget(randomUUID()) }))).toBe('NOT_FOUND');
  });

  it('checks the input: a note of 1–2000 characters and the id the target kind needs', async () => {
    const need = await courseNeed(app, company);
    const fieldsOf = async (input: Record<string, unknown>) => {
      const r = await propose(coordinator, { needId: need.id, ...input });
      expect(codeOf(r)).toBe('VALIDATION');
      return [...new Set(r.errors![0]!.extensions.fields.map((f: { field: string }) => f.field))];
    };
    expect(await fieldsOf({ ...offerTarget(theCourse.id), note: '  ' })).toEqual(['note']);
    expect(await fieldsOf({ ...offerTarget(theCourse.id), note: 'x'.repeat(2001) })).toEqual(['note']);
    expect(await fieldsOf({ targetKind: 'OFFER', sessionId: theCourse.sessionId })).toEqual(['offerId', 'sessionId']);
    expect(await fieldsOf({ targetKind: 'STUDENT', offerId: 'not-an-id' })).toEqual(['offerId', 'studentId']);
    expect(
      (await propose(coordinator, { needId: need.id, ...offerTarget(theCourse.id), note: 'x'.repeat(2000) })).errors,
    ).toBeUndefined();
  });

  it('returns the open proposal of the same pair instead of a second one, and allows a new one once it is decided', async () => {
    const { need, proposal } = await coordinatorProposal();
    const again = await propose(otherCoordinator, { needId: need.id, ...offerTarget(theCourse.id), note: 'Uudestaan' });
    expect(again.data!.proposeMatch).toMatchObject({ id: proposal.id, note: proposal.note });
    // The same course, another target kind (its session), is another proposal.
    const bySession = await propose(coordinator, {
      needId: need.id,
      targetKind: 'SESSION',
      sessionId: theCourse.sessionId,
    });
    expect(bySession.data!.proposeMatch.id).not.toBe(proposal.id);
    await expect(
      app.db.insert(proposals).values({
        needId: need.id,
        targetKind: 'OFFER',
        offerId: theCourse.id,
        origin: 'COORDINATOR',
        proposedBy: coordinator.id,
        note: 'Suoraan tauluun',
      }),
    ).rejects.toThrow();
    await gql(app, act('DECLINE'), { id: proposal.id }, as(member));
    const fresh = await propose(coordinator, { needId: need.id, ...offerTarget(theCourse.id) });
    expect(fresh.data!.proposeMatch).toMatchObject({ state: 'OPEN' });
    expect(fresh.data!.proposeMatch.id).not.toBe(proposal.id);
  });
});

describe('who may answer and withdraw', () => {
  // Someone who may read the proposal but not do this: FORBIDDEN; someone who may not read it: NOT_FOUND.
  const cases: { action: Action; allowed: string[]; forbidden: string[] }[] = [
    {
      action: 'ACCEPT',
      allowed: ['owner', 'member', 'educator', 'colleague'],
      forbidden: ['coordinator', 'otherCoordinator'],
    },
    {
      action: 'DECLINE',
      allowed: ['owner', 'member', 'educator', 'colleague'],
      forbidden: ['coordinator', 'otherCoordinator'],
    },
    {
      action: 'WITHDRAW',
      allowed: ['coordinator', 'otherCoordinator'],
      forbidden: ['owner', 'member', 'educator', 'colleague'],
    },
  ];
  const people = () =>
    ({
      owner: company.owner,
      member,
      educator: school.owner,
      colleague,
      coordinator,
      otherCoordinator,
      otherEntrepreneur,
      otherEducator: otherSchool.owner,
      student: theStudent,
      anonymous: null,
    }) as Record<string, TestUser | null>;

  for (const { action, allowed, forbidden } of cases) {
    it(`${action} on a coordinator's proposal: ${allowed.join(', ')}`, async () => {
      const tried: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const [role, user] of Object.entries(people())) {
        const { proposal } = await coordinatorProposal();
        const r = await gql(app, act(action), { id: proposal.id }, as(user));
        tried[role] = codeOf(r) ?? 'OK';
        wanted[role] = allowed.includes(role)
          ? 'OK'
          : forbidden.includes(role)
            ? 'FORBIDDEN'
            : user
              ? 'NOT_FOUND'
              : 'UNAUTHENTICATED';
      }
      expect(tried).toEqual(wanted);
    });
  }

  it("an educator's proposal: the need's side answers; the educator's side has, and may withdraw", async () => {
    const tried: Record<string, Record<string, string>> = {};
    for (const action of ['ACCEPT', 'DECLINE', 'WITHDRAW'] as const) {
      tried[action] = {};
      for (const [role, user] of Object.entries(people())) {
        const need = await courseNeed(app, company);
        const made = await propose(colleague, { needId: need.id, ...offerTarget(theCourse.id) });
        tried[action][role] = codeOf(await gql(app, act(action), { id: made.data!.proposeMatch.id }, as(user))) ?? 'OK';
      }
    }
    const outsiders = {
      otherEntrepreneur: 'NOT_FOUND',
      otherEducator: 'NOT_FOUND',
      student: 'NOT_FOUND',
      anonymous: 'UNAUTHENTICATED',
    };
    const answer = {
      owner: 'OK',
      member: 'OK',
      educator: 'ALREADY_ANSWERED',
      colleague: 'ALREADY_ANSWERED',
      coordinator: 'FORBIDDEN',
      otherCoordinator: 'FORBIDDEN',
      ...outsiders,
    };
    expect(tried).toEqual({
      ACCEPT: answer,
      DECLINE: answer,
      WITHDRAW: {
        owner: 'FORBIDDEN',
        member: 'FORBIDDEN',
        educator: 'OK',
        colleague: 'OK',
        coordinator: 'FORBIDDEN',
        otherCoordinator: 'FORBIDDEN',
        ...outsiders,
      },
    });
  });

  it('a student proposal: the student answers for themselves; another student learns nothing of it', async () => {
    const placement = await placementNeed(app, company);
    const made = await propose(coordinator, { needId: placement.id, targetKind: 'STUDENT', studentId: theStudent.id });
    const id = made.data!.proposeMatch.id;
    expect(codeOf(await gql(app, act('ACCEPT'), { id }, as(otherStudent)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, READ, { id }, as(otherStudent)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, act('ACCEPT'), { id }, as(school.owner)))).toBe('NOT_FOUND');
    const read = await gql(app, READ, { id }, as(theStudent));
    expect(read.data!.proposal).toMatchObject({ viewerSides: ['TARGET'], actions: ['ACCEPT', 'DECLINE'] });
    const accepted = await gql(app, act('ACCEPT'), { id }, as(theStudent));
    expect(accepted.data!.acceptProposal).toMatchObject({
      state: 'OPEN',
      targetAnswer: { answer: 'ACCEPTED', answeredByName: 'Sanna Opiskelija' },
      actions: [],
    });
    const matched = await gql(app, act('ACCEPT'), { id }, as(company.owner));
    expect(matched.data!.acceptProposal.state).toBe('ACCEPTED');
    expect((await notificationsOf(theStudent.id, 'MATCH_MADE')).map((n) => n.data.proposalId)).toContain(id);
  });
});

describe('the state machine', () => {
  it('OPEN → one side accepts → the other accepts → ACCEPTED, with the match made exactly once', async () => {
    const { need, proposal } = await coordinatorProposal({ title: 'Kolmen päivän aurinkosähkökurssi' });
    await publishedDaysAgo(app, need.id, 3);
    const first = await gql(app, act('ACCEPT'), { id: proposal.id }, as(member));
    expect(first.data!.acceptProposal).toMatchObject({
      state: 'OPEN',
      needAnswer: { answer: 'ACCEPTED', answeredByName: 'Kaisa Kollega' },
      targetAnswer: { answer: null },
      viewerSides: ['NEED'],
      actions: [],
      decidedAt: null,
      matchMade: null,
    });
    // The other side and the proposer hear of it; the one who answered does not.
    for (const who of [school.owner, colleague, coordinator, company.owner]) {
      const told = (await notificationsOf(who.id, 'PROPOSAL_ACCEPTED')).filter(
        (n) => n.data.proposalId === proposal.id,
      );
      expect(
        told.map((n) => n.data.actorName),
        who.displayName,
      ).toEqual(['Tunturitesti Oy']);
    }
    expect(
      (await notificationsOf(member.id, 'PROPOSAL_ACCEPTED')).filter((n) => n.data.proposalId === proposal.id),
    ).toEqual([]);
    // Each side answers once.
    for (const again of ['ACCEPT', 'DECLINE'] as const) {
      expect(codeOf(await gql(app, act(again), { id: proposal.id }, as(company.owner)))).toBe('ALREADY_ANSWERED');
    }

    const second = await gql(app, act('ACCEPT'), { id: proposal.id }, as(school.owner));
    const done = second.data!.acceptProposal;
    expect(done).toMatchObject({
      state: 'ACCEPTED',
      targetAnswer: { answer: 'ACCEPTED' },
      actions: [],
      matchMade: { minutesToMatch: expect.any(Number) },
    });
    expect(done.decidedAt).not.toBeNull();
    expect(done.matchMade.minutesToMatch).toBeGreaterThanOrEqual(3 * 24 * 60);
    expect(done.matchMade.minutesToMatch).toBeLessThan(3 * 24 * 60 + 5);
    const rows = await app.db.select().from(matches).where(eq(matches.proposalId, proposal.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.needId).toBe(need.id);
    for (const who of [company.owner, member, colleague, coordinator]) {
      const told = (await notificationsOf(who.id, 'MATCH_MADE')).filter((n) => n.data.proposalId === proposal.id);
      expect(told, who.displayName).toHaveLength(1);
    }
    expect(
      (await notificationsOf(school.owner.id, 'MATCH_MADE')).filter((n) => n.data.proposalId === proposal.id),
    ).toEqual([]);
    const email = await lastEmailTo(app, coordinator.email);
    expect(email!.subject).toBe('Yhteistyö sovittu: Kolmen päivän aurinkosähkökurssi – Aurinkosähkön perusteet');

    for (const action of ['ACCEPT', 'DECLINE'] as const) {
      const r = await gql(app, act(action), { id: proposal.id }, as(colleague));
      expect([codeOf(r), r.errors![0]!.extensions.state]).toEqual(['INVALID_STATE', 'ACCEPTED']);
    }
    expect(codeOf(await gql(app, act('WITHDRAW'), { id: proposal.id }, as(coordinator)))).toBe('INVALID_STATE');
    expect(await app.db.select().from(matches).where(eq(matches.proposalId, proposal.id))).toHaveLength(1);
  });

  it('a decline by either side ends it as DECLINED; nothing moves it after', async () => {
    for (const [decliner, other] of [
      [company.owner, school.owner],
      [colleague, member],
    ] as const) {
      const { proposal } = await coordinatorProposal();
      await gql(app, act('ACCEPT'), { id: proposal.id }, as(other));
      const r = await gql(app, act('DECLINE'), { id: proposal.id }, as(decliner));
      expect(r.data!.declineProposal).toMatchObject({ state: 'DECLINED', matchMade: null, actions: [] });
      expect(r.data!.declineProposal.decidedAt).not.toBeNull();
      expect(codeOf(await gql(app, act('ACCEPT'), { id: proposal.id }, as(other)))).toBe('INVALID_STATE');
      expect(codeOf(await gql(app, act('WITHDRAW'), { id: proposal.id }, as(coordinator)))).toBe('INVALID_STATE');
      const told = (await notificationsOf(coordinator.id, 'PROPOSAL_DECLINED')).filter(
        (n) => n.data.proposalId === proposal.id,
      );
      expect(told).toHaveLength(1);
    }
  });

  it('a withdrawn proposal takes no answers, and its sides are told', async () => {
    const { proposal } = await coordinatorProposal();
    const r = await gql(app, act('WITHDRAW'), { id: proposal.id }, as(otherCoordinator));
    expect(r.data!.withdrawProposal).toMatchObject({ state: 'WITHDRAWN', actions: [] });
    expect(codeOf(await gql(app, act('ACCEPT'), { id: proposal.id }, as(member)))).toBe('INVALID_STATE');
    expect(codeOf(await gql(app, act('WITHDRAW'), { id: proposal.id }, as(coordinator)))).toBe('INVALID_STATE');
    for (const who of [company.owner, school.owner, coordinator]) {
      const told = (await notificationsOf(who.id, 'PROPOSAL_WITHDRAWN')).filter(
        (n) => n.data.proposalId === proposal.id,
      );
      expect(told, who.displayName).toHaveLength(1);
    }
    expect(await app.db.select().from(matches).where(eq(matches.proposalId, proposal.id))).toEqual([]);
  });

  it('makes no match on a need that has been closed meanwhile, but lets a side decline', async () => {
    const { need, proposal } = await coordinatorProposal();
    await gql(app, act('ACCEPT'), { id: proposal.id }, as(colleague));
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: need.id }, as(member));
    const read = await gql(app, READ, { id: proposal.id }, as(member));
    expect(read.data!.proposal.actions).toEqual(['DECLINE']);
    expect(codeOf(await gql(app, act('ACCEPT'), { id: proposal.id }, as(member)))).toBe('INVALID_STATE');
    expect((await gql(app, act('DECLINE'), { id: proposal.id }, as(member))).data!.declineProposal.state).toBe(
      'DECLINED',
    );
  });

  it('shows each viewer the actions open to them', async () => {
    const { proposal } = await coordinatorProposal();
    const seen: Record<string, unknown> = {};
    for (const [role, user] of Object.entries({ owner: company.owner, educator: school.owner, coordinator })) {
      const r = await gql(app, READ, { id: proposal.id }, as(user));
      seen[role] = [r.data!.proposal.viewerSides, r.data!.proposal.actions];
    }
    expect(seen).toEqual({
      owner: [['NEED'], ['ACCEPT', 'DECLINE']],
      educator: [['TARGET'], ['ACCEPT', 'DECLINE']],
      coordinator: [[], ['WITHDRAW']],
    });
  });
});

describe('reading proposals', () => {
  it('shows a proposal to its sides, its proposer and coordinators only', async () => {
    const { proposal } = await coordinatorProposal();
    const codes: Record<string, string> = {};
    for (const [role, user] of Object.entries({
      owner: company.owner,
      member,
      educator: school.owner,
      colleague,
      coordinator,
      otherCoordinator,
      otherEntrepreneur,
      otherEducator: otherSchool.owner,
      student: theStudent,
    })) {
      codes[role] = codeOf(await gql(app, READ, { id: proposal.id }, as(user))) ?? 'OK';
    }
    expect(codes).toEqual({
      owner: 'OK',
      member: 'OK',
      educator: 'OK',
      colleague: 'OK',
      coordinator: 'OK',
      otherCoordinator: 'OK',
      otherEntrepreneur: 'NOT_FOUND',
      otherEducator: 'NOT_FOUND',
      student: 'NOT_FOUND',
    });
    expect(codeOf(await gql(app, READ, { id: proposal.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, READ, { id: randomUUID() }, as(coordinator)))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, READ, { id: 'nope' }, as(coordinator)))).toBe('NOT_FOUND');
  });

  it("lists a need's proposals: all for its side and coordinators, their own for an educator", async () => {
    const { need, proposal } = await coordinatorProposal();
    const otherCourse = await course(app, otherSchool, { title: 'Toisen oppilaitoksen kurssi' });
    const theirs = (await propose(otherSchool.owner, { needId: need.id, ...offerTarget(otherCourse.id) })).data!
      .proposeMatch;
    const ids = async (user: TestUser) =>
      (await gql(app, FOR_NEED, { needId: need.id }, as(user))).data!.proposalsForNeed.map((p: { id: string }) => p.id);
    expect(await ids(member)).toEqual([theirs.id, proposal.id]);
    expect(await ids(coordinator)).toEqual([theirs.id, proposal.id]);
    expect(await ids(otherSchool.owner)).toEqual([theirs.id]);
    expect(await ids(colleague)).toEqual([proposal.id]);
    expect(await ids(otherEntrepreneur)).toEqual([]);
    expect(codeOf(await gql(app, FOR_NEED, { needId: need.id }))).toBe('UNAUTHENTICATED');
  });

  it('lists the proposals concerning each person', async () => {
    const { proposal } = await coordinatorProposal();
    const placement = await placementNeed(app, company);
    const proposed = await student(app);
    const toStudent = (
      await propose(coordinator, { needId: placement.id, targetKind: 'STUDENT', studentId: proposed.id })
    ).data!.proposeMatch;
    const mine = async (user: TestUser, state?: string) =>
      (await gql(app, MINE, { state }, as(user))).data!.myProposals.nodes.map((p: { id: string }) => p.id);
    expect(await mine(member)).toEqual(expect.arrayContaining([toStudent.id, proposal.id]));
    expect(await mine(colleague)).toContain(proposal.id);
    expect(await mine(colleague)).not.toContain(toStudent.id);
    expect(await mine(coordinator)).toEqual(expect.arrayContaining([toStudent.id, proposal.id]));
    expect(await mine(proposed)).toEqual([toStudent.id]);
    expect(await mine(otherStudent)).not.toContain(toStudent.id);
    expect(await mine(otherEntrepreneur)).toEqual([]);
    expect(await mine(otherCoordinator)).not.toContain(proposal.id);
    expect(await mine(member, 'WITHDRAWN')).not.toContain(proposal.id);
    expect((await mine(member)).indexOf(toStudent.id)).toBeLessThan((await mine(member)).indexOf(proposal.id));
    expect(codeOf(await gql(app, MINE))).toBe('UNAUTHENTICATED');
  });

  it('gives each proposal a conversation between its sides, its proposer and coordinators', async () => {
    const { proposal } = await coordinatorProposal({ title: 'Keskusteltava koulutustarve' });
    const SEND = `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: PROPOSAL, subjectId: $id, body: $body) { id } }`;
    const THREAD = `query ($id: ID!) { conversation(subjectKind: PROPOSAL, subjectId: $id) { title messages { totalCount } } }`;
    expect((await gql(app, SEND, { id: proposal.id, body: 'Sopiiko huhtikuu?' }, as(member))).errors).toBeUndefined();
    for (const who of [colleague, coordinator, otherCoordinator]) {
      const r = await gql(app, THREAD, { id: proposal.id }, as(who));
      expect(r.data!.conversation).toEqual({
        title: 'Keskusteltava koulutustarve – Aurinkosähkön perusteet',
        messages: { totalCount: 1 },
      });
    }
    for (const who of [otherEntrepreneur, otherSchool.owner, theStudent]) {
      expect(codeOf(await gql(app, THREAD, { id: proposal.id }, as(who)))).toBe('NOT_FOUND');
    }
    const told = (await notificationsOf(school.owner.id, 'MESSAGE_RECEIVED')).filter(
      (n) => n.data.subjectId === proposal.id,
    );
    expect(told).toHaveLength(1);
    const listed = await gql(app, `{ myConversations { nodes { subjectKind subjectId } } }`, {}, as(coordinator));
    expect(listed.data!.myConversations.nodes).toContainEqual({ subjectKind: 'PROPOSAL', subjectId: proposal.id });
  });
});

describe("the coordinator's queue", () => {
  it('lists open needs published 14 days ago or more without a match, the longest waiting first', async () => {
    const queueCompany = await buildOrganisation(app);
    const need = (days: number, overrides: Record<string, unknown> = {}) =>
      courseNeed(app, queueCompany, overrides).then(async (n) => {
        await publishedDaysAgo(app, n.id, days);
        return n;
      });
    const twenty = await need(20);
    const thirty = await need(30);
    const fifteen = await placementNeed(app, queueCompany).then(async (n) => {
      await publishedDaysAgo(app, n.id, 15);
      return n;
    });
    const recent = await need(13);
    const matched = await need(40);
    const closed = await need(50);
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: closed.id }, as(queueCompany.owner));
    // Two proposals on one need; the other need gets one that makes a match.
    await propose(coordinator, { needId: twenty.id, ...offerTarget(theCourse.id) });
    await propose(coordinator, { needId: twenty.id, targetKind: 'SESSION', sessionId: theCourse.sessionId });
    const made = (await propose(colleague, { needId: matched.id, ...offerTarget(theCourse.id) })).data!.proposeMatch;
    const ours = new Set([twenty.id, thirty.id, fifteen.id, recent.id, matched.id, closed.id]);
    const queue = async () => {
      const r = await gql(app, QUEUE, { first: 100 }, as(coordinator));
      expect(r.errors).toBeUndefined();
      return (r.data!.brokeringQueue.nodes as { need: { id: string }; daysWaiting: number; openProposals: number }[])
        .filter((n) => ours.has(n.need.id))
        .map((n) => [n.need.id, n.daysWaiting, n.openProposals]);
    };
    expect(await queue()).toEqual([
      [matched.id, 40, 1],
      [thirty.id, 30, 0],
      [twenty.id, 20, 2],
      [fifteen.id, 15, 0],
    ]);
    await gql(app, act('ACCEPT'), { id: made.id }, as(queueCompany.owner));
    expect(await queue()).toEqual([
      [thirty.id, 30, 0],
      [twenty.id, 20, 2],
      [fifteen.id, 15, 0],
    ]);

    const page = await gql(app, QUEUE, { first: 1 }, as(coordinator));
    expect(page.data!.brokeringQueue.pageInfo.hasNextPage).toBe(true);
    const next = await gql(
      app,
      QUEUE,
      { first: 100, after: page.data!.brokeringQueue.pageInfo.endCursor },
      as(coordinator),
    );
    const firstId = page.data!.brokeringQueue.nodes[0].need.id;
    expect(next.data!.brokeringQueue.nodes.map((n: { need: { id: string } }) => n.need.id)).not.toContain(firstId);
    expect(next.data!.brokeringQueue.totalCount).toBe(page.data!.brokeringQueue.totalCount);

    for (const who of [company.owner, colleague, theStudent]) {
      expect(codeOf(await gql(app, QUEUE, {}, as(who)))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, QUEUE))).toBe('UNAUTHENTICATED');
  });
});

describe('paging', () => {
  /** Every id of a list, fetched one row per page: none lost, none repeated. */
  async function pageThrough(query: string, field: 'myProposals' | 'brokeringQueue', user: TestUser) {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const r = await gql(app, query, { first: 1, after }, as(user));
      expect(r.errors).toBeUndefined();
      const page = r.data![field] as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: ({ id: string } | { need: { id: string } })[];
      };
      expect(page.nodes.length).toBeLessThanOrEqual(1);
      total = page.totalCount;
      seen.push(...page.nodes.map((n) => ('need' in n ? n.need.id : n.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    return seen;
  }

  it('pages my proposals made in one transaction one at a time, none lost or repeated', async () => {
    const pager = await buildUser(app, { roles: ['COORDINATOR'] });
    const pagingCompany = await buildOrganisation(app);
    const needIds: string[] = [];
    for (let i = 0; i < 4; i++) needIds.push((await courseNeed(app, pagingCompany)).id);
    // One transaction: now() is its start, so every row has the same created_at to the microsecond.
    const made = await app.db.transaction(async (tx) => {
      const rows = [];
      for (const needId of needIds) {
        const [row] = await tx
          .insert(proposals)
          .values({
            needId,
            targetKind: 'OFFER',
            offerId: theCourse.id,
            origin: 'COORDINATOR',
            proposedBy: pager.id,
            note: 'Sivu kerrallaan',
          })
          .returning();
        rows.push(row!);
      }
      return rows;
    });
    expect(new Set(made.map((p) => p.createdAt.getTime())).size).toBe(1);
    const PAGE = `query ($first: Int, $after: String) { myProposals(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen = await pageThrough(PAGE, 'myProposals', pager);
    expect(seen.sort()).toEqual(made.map((p) => p.id).sort());
    expect(codeOf(await gql(app, PAGE, { first: 1, after: 'not-a-cursor' }, as(pager)))).toBe('VALIDATION');
  });

  it('pages the brokering queue one need at a time when needs were published in one transaction', async () => {
    const queueCompany = await buildOrganisation(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await courseNeed(app, queueCompany)).id);
    await app.db.transaction(async (tx) => {
      for (const id of ids) {
        await tx
          .update(needs)
          .set({ publishedAt: sql`now() - make_interval(days => 20)` })
          .where(eq(needs.id, id));
      }
    });
    const seen = await pageThrough(QUEUE, 'brokeringQueue', coordinator);
    expect(seen).toEqual(expect.arrayContaining(ids));
  });
});
