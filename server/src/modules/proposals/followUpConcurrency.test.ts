/**
 * What follows a match, under concurrency, on real PostgreSQL (PGlite runs one query at a time):
 * a student applying while the match is made gets one application, and matches holding seats on one
 * session at once never hold more than its free seats. Run when TEST_DATABASE_URL is set, as in CI.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildOrganisation, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, onRealPostgres, type TestApp } from '../../test/helper.js';
import { courseNeed, placementNeed, student } from '../../test/proposal-factories.js';
import { applications } from '../applications/tables.js';
import { bookings } from '../bookings/tables.js';
import { courseSessions } from '../offers/tables.js';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`;
const APPLY = `mutation ($input: ApplyInput!) { applyToNeed(input: $input) { id } }`;

describe.runIf(onRealPostgres)('what follows a match, under concurrency (real PostgreSQL)', () => {
  let app: TestApp;
  let company: Awaited<ReturnType<typeof buildOrganisation>>;
  let school: Awaited<ReturnType<typeof buildOrganisation>>;
  let coordinator: TestUser;
  beforeAll(async () => {
    app = await buildTestApp();
    company = await buildOrganisation(app);
    school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  });
  afterAll(() => app?.closeAndDrop());

  const as = (user: TestUser) => ({ token: user.token });
  const propose = async (input: Record<string, unknown>) =>
    (await gql(app, PROPOSE, { input: { note: 'Sopisiko tämä?', ...input } }, as(coordinator))).data!.proposeMatch
      .id as string;

  it('a student applying while the match is made: one application', async () => {
    for (let round = 0; round < 5; round++) {
      const theStudent = await student(app, true, `Opiskelija ${round}`);
      const need = await placementNeed(app, company);
      const id = await propose({ needId: need.id, targetKind: 'STUDENT', studentId: theStudent.id });
      await gql(app, ACCEPT, { id }, as(theStudent));
      const [matched] = await Promise.all([
        gql(app, ACCEPT, { id }, as(company.owner)),
        gql(app, APPLY, { input: { needId: need.id, coverLetter: 'Haen tätä paikkaa.' } }, as(theStudent)),
      ]);
      expect(matched.errors).toBeUndefined();
      expect(await app.db.select().from(applications).where(eq(applications.needId, need.id))).toHaveLength(1);
    }
  });

  it('matches holding seats on one session at once: never beyond its free seats', async () => {
    const offer = await buildCourse(app, {}, { organisation: school, sessions: [sessionInput({ seats: 5 })] });
    const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: offer.id });
    const sessionId = r.data!.offer.sessions[0].id as string;
    const needs = await Promise.all(
      [1, 2, 3].map(() => courseNeed(app, company, { positions: 2, title: randomUUID() })),
    );
    const ids = [];
    for (const need of needs) {
      const id = await propose({ needId: need.id, targetKind: 'SESSION', sessionId });
      await gql(app, ACCEPT, { id }, as(school.owner));
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => gql(app, ACCEPT, { id }, as(company.owner))));
    expect(results.map((x) => x.data?.acceptProposal.state)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    const held = await app.db
      .select()
      .from(bookings)
      .where(
        inArray(
          bookings.needId,
          needs.map((n) => n.id),
        ),
      );
    expect(held.reduce((sum, b) => sum + b.seats, 0)).toBe(5);
    const [session] = await app.db.select().from(courseSessions).where(eq(courseSessions.id, sessionId));
    expect(session!.seatsTaken).toBe(5);
  });
});
