/**
 * Proposals under concurrency, on real PostgreSQL (PGlite runs one query at a time, so a race
 * there proves nothing): these run when TEST_DATABASE_URL is set, as in CI.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, dateIn, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type TestApp } from '../../test/helper.js';
import { course, courseNeed } from '../../test/proposal-factories.js';
import { notifications } from '../messaging/tables.js';
import { matches, proposals } from './tables.js';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id state } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`;
const DECLINE = `mutation ($id: ID!) { declineProposal(id: $id) { state } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawProposal(id: $id) { state } }`;
const POOLS = `{ demandPools(topic: "hot-work-card") { key needs { id } } }`;
const ANSWER = `mutation ($input: AnswerDemandPoolInput!) { answerDemandPool(input: $input) { proposals { id } skippedNeedIds } }`;

describe.runIf(onRealPostgres)('proposals under concurrency (real PostgreSQL)', () => {
  let app: TestApp;
  let company: Awaited<ReturnType<typeof buildOrganisation>>;
  let school: Awaited<ReturnType<typeof buildOrganisation>>;
  let coordinator: TestUser;
  let theCourse: Awaited<ReturnType<typeof course>>;
  beforeAll(async () => {
    app = await buildTestApp();
    company = await buildOrganisation(app);
    school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    theCourse = await course(app, school, { topics: ['hot-work-card'] });
  });
  afterAll(() => app?.closeAndDrop());

  const as = (user: TestUser) => ({ token: user.token });
  async function openProposal() {
    const need = await courseNeed(app, company, { topics: ['solar-pv'] });
    const r = await gql(
      app,
      PROPOSE,
      { input: { needId: need.id, targetKind: 'OFFER', offerId: theCourse.id, note: 'Sopisiko tämä?' } },
      as(coordinator),
    );
    return r.data!.proposeMatch.id as string;
  }

  it('both sides accepting at the same moment: ACCEPTED, and exactly one match made', async () => {
    for (let round = 0; round < 10; round++) {
      const id = await openProposal();
      const results = await Promise.all([
        gql(app, ACCEPT, { id }, as(company.owner)),
        gql(app, ACCEPT, { id }, as(school.owner)),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      // One of them saw the other's answer and made the match.
      expect(results.map((r) => r.data!.acceptProposal.state).sort()).toEqual(['ACCEPTED', 'OPEN']);
      const [row] = await app.db.select().from(proposals).where(eq(proposals.id, id));
      expect(row).toMatchObject({ state: 'ACCEPTED', needAnswer: 'ACCEPTED', targetAnswer: 'ACCEPTED' });
      expect(await app.db.select().from(matches).where(eq(matches.proposalId, id))).toHaveLength(1);
      const told = await app.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, coordinator.id), eq(notifications.type, 'MATCH_MADE')));
      expect(told.filter((n) => n.data.proposalId === id)).toHaveLength(1);
    }
  });

  it('accepting, declining and withdrawing at once: one outcome, the others refused, a match only if accepted', async () => {
    for (let round = 0; round < 10; round++) {
      const id = await openProposal();
      const results = await Promise.all([
        gql(app, ACCEPT, { id }, as(company.owner)),
        gql(app, DECLINE, { id }, as(school.owner)),
        gql(app, WITHDRAW, { id }, as(coordinator)),
      ]);
      expect(results.filter((r) => r.errors).every((r) => codeOf(r) === 'INVALID_STATE')).toBe(true);
      const [row] = await app.db.select().from(proposals).where(eq(proposals.id, id));
      expect(['DECLINED', 'WITHDRAWN']).toContain(row!.state);
      expect(await app.db.select().from(matches).where(eq(matches.proposalId, id))).toEqual([]);
    }
  });

  it('one side answering twice at once: one answer counts, the other is ALREADY_ANSWERED', async () => {
    const id = await openProposal();
    const results = await Promise.all([
      gql(app, ACCEPT, { id }, as(company.owner)),
      gql(app, DECLINE, { id }, as(company.owner)),
      gql(app, ACCEPT, { id }, as(company.owner)),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(results.map(codeOf).filter(Boolean)).size).toBe(1);
    expect(['ALREADY_ANSWERED', 'INVALID_STATE']).toContain(results.map(codeOf).find(Boolean));
  });

  it('the same match proposed ten times at once: one proposal', async () => {
    const need = await courseNeed(app, company, { topics: ['solar-pv'] });
    const input = { needId: need.id, targetKind: 'SESSION', sessionId: theCourse.sessionId, note: 'Yhtä aikaa' };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql(app, PROPOSE, { input }, as(i % 2 ? coordinator : school.owner))),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(new Set(results.map((r) => r.data!.proposeMatch.id)).size).toBe(1);
    expect(await app.db.select().from(proposals).where(eq(proposals.needId, need.id))).toHaveLength(1);
  });

  it('a pool answered twice at once (with the course and with its session): no need gets two proposals', async () => {
    const spring = { topics: ['hot-work-card'], periodStart: dateIn(20), periodEnd: dateIn(100) };
    for (const code of ['240', '851', '241', '751']) {
      const other = await buildOrganisation(app);
      await courseNeed(app, other, { ...spring, municipalityCode: code });
    }
    const [pool] = (await gql(app, POOLS, {}, as(school.owner))).data!.demandPools;
    const note = 'Järjestämme kurssin Kemissä.';
    const results = await Promise.all([
      gql(app, ANSWER, { input: { poolKey: pool.key, offerId: theCourse.id, note } }, as(school.owner)),
      gql(app, ANSWER, { input: { poolKey: pool.key, sessionId: theCourse.sessionId, note } }, as(school.owner)),
      gql(app, ANSWER, { input: { poolKey: pool.key, offerId: theCourse.id, note } }, as(school.owner)),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const made = results.flatMap((r) => r.data!.answerDemandPool.proposals);
    expect(made).toHaveLength(4);
    const rows = await app.db.select().from(proposals).where(eq(proposals.offerId, theCourse.id));
    const perNeed = new Map<string, number>();
    for (const r of rows.filter((r) => r.origin === 'POOL')) perNeed.set(r.needId, (perNeed.get(r.needId) ?? 0) + 1);
    expect([...perNeed.values()]).toEqual([1, 1, 1, 1]);
    expect(new Set(rows.filter((r) => r.origin === 'POOL').map((r) => r.needId))).toEqual(
      new Set(pool.needs.map((n: { id: string }) => n.id)),
    );
  });
});
