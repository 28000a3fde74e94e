/**
 * A student who opts out of being discoverable is no longer named in proposals made earlier, to
 * anyone who cannot otherwise see them: per role, and in what notifications and conversations say.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildOrganisation, buildUser, depsOf, lastEmailTo, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { placementNeed, student, viewerOf } from '../../test/proposal-factories.js';
import { applyToNeed } from '../applications/index.js';
import { saveStudentProfile } from '../profiles/index.js';
import { notifications } from '../messaging/tables.js';

const TARGET = `target { kind title organisationName studentId hidden studentProfile { displayName } }`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const READ = `query ($id: ID!) { proposal(id: $id) { ${TARGET} } }`;
const MINE = `{ myProposals(first: 100) { nodes { id ${TARGET} } } }`;
const THREAD = `query ($id: ID!) { conversation(subjectKind: PROPOSAL, subjectId: $id) { title } }`;

let app: TestApp;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let member: TestUser;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let admin: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  member = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  company = await buildOrganisation(app, { name: 'Piilotesti Oy', members: [member] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  otherCoordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  admin = await buildUser(app, { roles: ['ADMIN'] });
  outsider = await buildUser(app, { roles: ['ENTREPRENEUR', 'EDUCATOR'] });
});
afterAll(() => app.closeAndDrop());

const NAMED = {
  kind: 'STUDENT',
  title: 'Sanna Opiskelija',
  organisationName: 'Lapin AMK',
  hidden: false,
  studentProfile: { displayName: 'Sanna Opiskelija' },
};
const HIDDEN = { kind: 'STUDENT', title: '', organisationName: null, hidden: true, studentProfile: null };

/** A coordinator's proposal of a discoverable student for a new placement of the company. */
async function proposal() {
  const need = await placementNeed(app, company, { title: 'Kesätyöntekijä aurinkopuistoon' });
  const theStudent = await student(app, true, 'Sanna Opiskelija');
  const r = await gql(
    app,
    PROPOSE,
    { input: { needId: need.id, targetKind: 'STUDENT', studentId: theStudent.id, note: 'Sopisi teille.' } },
    { token: coordinator.token },
  );
  expect(r.errors).toBeUndefined();
  return { need, theStudent, id: r.data!.proposeMatch.id as string };
}

async function optOut(user: TestUser) {
  await saveStudentProfile(depsOf(app), viewerOf(user), {
    institutionName: 'Lapin AMK',
    fieldOfStudy: 'Energiatekniikka',
    studyLevel: 'BACHELOR',
    topics: ['solar-pv'],
    languages: ['fi'],
    discoverable: false,
  });
}

const targetFor = async (who: TestUser, id: string) => {
  const r = await gql(app, READ, { id }, { token: who.token });
  return r.errors ? codeOf(r) : r.data!.proposal.target;
};

describe('a student who is no longer discoverable', () => {
  it('is named to the need’s side while discoverable, and to nobody outside the student and staff after opting out', async () => {
    const { theStudent, id } = await proposal();
    for (const who of [company.owner, member]) {
      expect(await targetFor(who, id)).toEqual({ ...NAMED, studentId: theStudent.id });
    }
    await optOut(theStudent);
    // Role by role: the company's owner and member no longer learn who it is; the student,
    // coordinators (the proposer and any other) and admins still do; others cannot read it at all.
    const expected: [TestUser, unknown][] = [
      [company.owner, { ...HIDDEN, studentId: theStudent.id }],
      [member, { ...HIDDEN, studentId: theStudent.id }],
      [theStudent, { ...NAMED, studentId: theStudent.id }],
      [coordinator, { ...NAMED, studentId: theStudent.id }],
      [otherCoordinator, { ...NAMED, studentId: theStudent.id }],
      [admin, { ...NAMED, studentId: theStudent.id }],
      [outsider, 'NOT_FOUND'],
    ];
    for (const [who, target] of expected) expect(await targetFor(who, id)).toEqual(target);
    // Lists present it the same way.
    const listed = (await gql(app, MINE, {}, { token: member.token })).data!.myProposals.nodes.find(
      (p: { id: string }) => p.id === id,
    );
    expect(listed.target).toMatchObject(HIDDEN);
  });

  it('is named again to the need’s side once they apply to the need, with their profile', async () => {
    const { need, theStudent, id } = await proposal();
    await optOut(theStudent);
    expect(await targetFor(company.owner, id)).toMatchObject(HIDDEN);
    await applyToNeed(depsOf(app), viewerOf(theStudent), {
      needId: need.id,
      coverLetter: 'Haen tätä paikkaa, vaikka en ole enää haettavissa.',
    });
    expect(await targetFor(company.owner, id)).toMatchObject(NAMED);
  });

  it('is named once they accept the proposal; until then notifications and the conversation do not name them', async () => {
    const { theStudent, id } = await proposal();
    await optOut(theStudent);
    const [{ since }] = (await queryRows<{ since: string }>(app.db, sql`select clock_timestamp()::text as since`)) as [
      { since: string },
    ];
    // The need's side accepts: the student and the proposer are told; nothing names the student.
    await gql(app, `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`, { id }, { token: company.owner.token });
    const SEND = `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: PROPOSAL, subjectId: $id, body: $body) { id } }`;
    await gql(app, SEND, { id, body: 'Milloin voisitte aloittaa?' }, { token: company.owner.token });
    expect((await gql(app, THREAD, { id }, { token: member.token })).data!.conversation.title).toBe(
      'Kesätyöntekijä aurinkopuistoon',
    );
    const named = await queryRows<{ type: string }>(
      app.db,
      sql`select type from notifications
          where (data ->> 'proposalId' = ${id} or data ->> 'subjectId' = ${id})
            and created_at > ${since}::timestamptz and data::text like '%Sanna Opiskelija%'`,
    );
    expect(named).toEqual([]);
    const sent = await queryRows<{ type: string }>(
      app.db,
      sql`select type from notifications
          where (data ->> 'proposalId' = ${id} or data ->> 'subjectId' = ${id}) and created_at > ${since}::timestamptz`,
    );
    expect(new Set(sent.map((n) => n.type))).toEqual(new Set(['PROPOSAL_ACCEPTED', 'MESSAGE_RECEIVED']));
    // The student accepts: the match is made, and the need's side may know with whom.
    await gql(app, `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`, { id }, { token: theStudent.token });
    expect(await targetFor(member, id)).toMatchObject(NAMED);
    const [made] = await app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.type, 'MATCH_MADE')));
    expect(made!.data).toMatchObject({ proposalId: id, targetTitle: 'Sanna Opiskelija' });
  });

  it('who declines after opting out is not named in what the need’s side is told', async () => {
    const { theStudent, id } = await proposal();
    await optOut(theStudent);
    await gql(app, `mutation ($id: ID!) { declineProposal(id: $id) { state } }`, { id }, { token: theStudent.token });
    const [declined] = await app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, company.owner.id), eq(notifications.type, 'PROPOSAL_DECLINED')));
    expect(declined!.data).toMatchObject({ proposalId: id, targetTitle: '', actorName: '' });
    expect(JSON.stringify(declined!.data)).not.toContain('Sanna');
    // The e-mail words them as "a student".
    const email = await lastEmailTo(app, company.owner.email);
    expect(email!.subject).toBe('Ehdotus hylätty: Kesätyöntekijä aurinkopuistoon – opiskelija');
    expect(email!.textBody).toContain(
      'Opiskelija hylkäsi yhteistyöehdotuksen: Kesätyöntekijä aurinkopuistoon ja opiskelija.',
    );
    expect(email!.textBody).not.toContain('Sanna');
  });
});
