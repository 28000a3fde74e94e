import { randomUUID } from 'node:crypto';
import { seasonOf, seasonYearOf } from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, dateIn, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { course, courseNeed, studentPool } from '../../test/proposal-factories.js';
import { notifications } from '../messaging/tables.js';
import { formPools, type PoolNeed } from './pools.js';
import { proposals } from './tables.js';

/** A course need for the pure tests: Kemi, spring 2027, three people, its own company unless told. */
function need(overrides: Partial<PoolNeed> = {}): PoolNeed {
  return {
    id: randomUUID(),
    topics: ['hot-work-card'],
    municipalityCode: '240',
    remote: false,
    periodStart: '2027-03-01',
    periodEnd: '2027-05-31',
    positions: 3,
    organisationId: randomUUID(),
    postedBy: randomUUID(),
    ...overrides,
  };
}
const ids = (list: { id: string }[]) => list.map((n) => n.id).sort();

describe('forming demand pools', () => {
  it('pools needs with a shared topic in nearby municipalities and overlapping periods, counting people and companies', () => {
    const sameCompany = randomUUID();
    const kemi = need({ positions: 6, organisationId: sameCompany });
    const tornio = need({ municipalityCode: '851', positions: 8, periodStart: '2027-04-15', periodEnd: '2027-06-15' });
    const keminmaa = need({ municipalityCode: '241', positions: 2, organisationId: sameCompany });
    const [pool, ...rest] = formPools([kemi, tornio, keminmaa]);
    expect(rest).toEqual([]);
    expect(pool).toMatchObject({
      topic: 'hot-work-card',
      municipalityCodes: ['851', '240', '241'],
      remoteNeeds: 0,
      periodStart: '2027-03-01',
      periodEnd: '2027-06-15',
      season: 'SPRING',
      people: 16,
      companyCount: 2,
    });
    expect(ids(pool!.needs)).toEqual(ids([kemi, tornio, keminmaa]));
  });

  it('counts a need posted without a company as its poster', () => {
    const person = randomUUID();
    const [pool] = formPools([
      need({ organisationId: null, postedBy: person }),
      need({ organisationId: null, postedBy: person }),
      need({ organisationId: null }),
    ]);
    expect(pool!.companyCount).toBe(2);
  });

  it('keeps needs far apart, or at different times, out of each other’s pools', () => {
    // Kemi and Inari are some 350 km apart.
    expect(formPools([need(), need({ municipalityCode: '148' })])).toEqual([]);
    // Same town, but one in spring and one in autumn.
    expect(formPools([need(), need({ periodStart: '2027-09-01', periodEnd: '2027-10-31' })])).toEqual([]);
    // Periods that only touch on one day overlap.
    expect(formPools([need(), need({ periodStart: '2027-05-31', periodEnd: '2027-08-31' })])).toHaveLength(1);
    // Two places far apart with two needs each: two pools.
    const pools = formPools([
      need(),
      need({ municipalityCode: '851' }),
      need({ municipalityCode: '148' }),
      need({ municipalityCode: '148' }),
    ]);
    expect(pools.map((p) => p.municipalityCodes)).toEqual(
      expect.arrayContaining([['148'], expect.arrayContaining(['240', '851'])]),
    );
    expect(pools).toHaveLength(2);
  });

  it('needs a shared topic: other topics make other pools, and a need with two topics may be in both', () => {
    const both = need({ topics: ['hot-work-card', 'first-aid'] });
    const pools = formPools([need(), both, need({ topics: ['first-aid'] }), need({ topics: ['biogas'] })]);
    expect(pools.map((p) => p.topic).sort()).toEqual(['first-aid', 'hot-work-card']);
    expect(pools.every((p) => p.needs.some((n) => n.id === both.id))).toBe(true);
    expect(formPools([need(), both, need({ topics: ['first-aid'] })], { topic: 'first-aid' })).toHaveLength(1);
  });

  it('links a chain of neighbours (single linkage), even when its ends are far apart', () => {
    // Kemijärvi–Rovaniemi 79 km, Rovaniemi–Tornio 102 km, Kemijärvi–Tornio 176 km.
    const chain = [
      need({ municipalityCode: '320' }),
      need({ municipalityCode: '698' }),
      need({ municipalityCode: '851' }),
    ];
    expect(formPools(chain).map((p) => p.needs.length)).toEqual([3]);
    expect(formPools([chain[0]!, chain[2]!])).toEqual([]);
  });

  it('lets a remote need join every pool of its topic it overlaps, without joining the places to each other', () => {
    const remote = need({ remote: true, municipalityCode: null, positions: 1 });
    const south = [need(), need({ municipalityCode: '851' })];
    const north = [need({ municipalityCode: '148' }), need({ municipalityCode: '148' })];
    const pools = formPools([...south, ...north, remote]);
    expect(pools).toHaveLength(2);
    for (const pool of pools) {
      expect(pool.needs.map((n) => n.id)).toContain(remote.id);
      expect(pool.remoteNeeds).toBe(1);
      expect(pool.needs).toHaveLength(3);
    }
    // One local need and one remote one make a pool; remote needs alone pool by period.
    expect(formPools([need(), remote])).toHaveLength(1);
    const [online] = formPools([remote, need({ remote: true, municipalityCode: '698' })]);
    expect(online).toMatchObject({ municipalityCodes: [], remoteNeeds: 2 });
    expect(
      formPools([
        remote,
        need({ remote: true, municipalityCode: null, periodStart: '2027-09-01', periodEnd: '2027-09-30' }),
      ]),
    ).toEqual([]);
  });

  it('keys a pool by its topic and needs: the same whatever the order, another when a need joins or leaves', () => {
    const list = [need(), need({ municipalityCode: '851' }), need({ municipalityCode: '241' })];
    const [a] = formPools(list);
    const [b] = formPools([...list].reverse());
    expect(b!.key).toBe(a!.key);
    expect(a!.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(formPools([...list, need()])[0]!.key).not.toBe(a!.key);
    expect(formPools(list.slice(1))[0]!.key).not.toBe(a!.key);
  });

  it('puts the largest pools first', () => {
    const small = [need({ topics: ['biogas'], positions: 1 }), need({ topics: ['biogas'], positions: 1 })];
    const large = [need({ topics: ['first-aid'], positions: 9 }), need({ topics: ['first-aid'], positions: 9 })];
    expect(formPools([...small, ...large]).map((p) => p.topic)).toEqual(['first-aid', 'biogas']);
  });

  it('stays fast with thousands of needs', () => {
    const codes = ['240', '241', '851', '751', '698', '320', '732', '148', '758', '273'];
    const many = Array.from({ length: 4000 }, (_, i) =>
      need({
        topics: [['hot-work-card', 'first-aid', 'biogas', 'solar-pv'][i % 4]!],
        municipalityCode: codes[i % codes.length]!,
        periodStart: `2027-${String((i % 10) + 1).padStart(2, '0')}-01`,
        periodEnd: `2027-${String((i % 10) + 2).padStart(2, '0')}-15`,
      }),
    );
    const started = performance.now();
    const pools = formPools(many);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(pools.reduce((n, p) => n + p.needs.length, 0)).toBe(4000);
  });

  it('names the season by the middle of the period', () => {
    expect(seasonOf('2027-01-10', '2027-02-20')).toBe('WINTER');
    expect(seasonOf('2027-03-01', '2027-05-31')).toBe('SPRING');
    expect(seasonOf('2027-06-01', '2027-08-31')).toBe('SUMMER');
    expect(seasonOf('2027-09-01', '2027-11-30')).toBe('AUTUMN');
    expect(seasonOf('2027-12-01', '2028-02-15')).toBe('WINTER');
  });

  it('gives a winter the year it begins in, so that it reads "winter 2026–2027"', () => {
    expect(seasonYearOf('2026-12-01', '2027-02-20')).toBe(2026);
    expect(seasonYearOf('2027-01-10', '2027-02-20')).toBe(2026);
    expect(seasonYearOf('2026-12-01', '2026-12-20')).toBe(2026);
    expect(seasonYearOf('2027-03-01', '2027-05-31')).toBe(2027);
    expect(seasonYearOf('2026-11-01', '2027-01-31')).toBe(2026);
  });
});

const POOLS = `query ($topic: String) { demandPools(topic: $topic) {
  key topic municipalityCodes remoteNeeds periodStart periodEnd needCount companyCount people
  needs { id } summary { people companies topic places remote season year } } }`;
const ANSWER = `mutation ($input: AnswerDemandPoolInput!) { answerDemandPool(input: $input) {
  skippedNeedIds proposals { id origin poolKey state need { id } target { kind offer { id } session { id } }
  needAnswer { answer } targetAnswer { answer } actions } } }`;

describe('demand pools through the API', () => {
  let app: TestApp;
  let educators: Awaited<ReturnType<typeof buildOrganisation>>;
  let otherEducators: Awaited<ReturnType<typeof buildOrganisation>>;
  let coordinator: TestUser;
  let entrepreneur: TestUser;
  let hotWork: Awaited<ReturnType<typeof course>>;
  const companies: Awaited<ReturnType<typeof buildOrganisation>>[] = [];
  const hotWorkNeeds: { id: string; owner: TestUser }[] = [];

  beforeAll(async () => {
    app = await buildTestApp();
    educators = await buildOrganisation(app, { kind: 'EDUCATIONAL', name: 'Lappia' });
    otherEducators = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    hotWork = await course(app, educators, { title: 'Tulityökorttikoulutus', topics: ['hot-work-card'] });
    // Three companies around Kemi and Tornio want hot-work cards this spring; one in Inari too.
    const spring = { periodStart: dateIn(20), periodEnd: dateIn(110), topics: ['hot-work-card'] };
    for (const [code, positions] of [
      ['240', 6],
      ['851', 8],
      ['241', 2],
      ['148', 5],
    ] as const) {
      const company = await buildOrganisation(app);
      companies.push(company);
      hotWorkNeeds.push(await courseNeed(app, company, { ...spring, municipalityCode: code, positions }));
    }
    entrepreneur = companies[0]!.owner;
  });
  afterAll(() => app.closeAndDrop());

  const as = (user: TestUser | null) => (user ? { token: user.token } : {});
  const pools = async (user: TestUser, topic = 'hot-work-card') => {
    const r = await gql(app, POOLS, { topic }, as(user));
    expect(r.errors).toBeUndefined();
    return r.data!.demandPools as {
      key: string;
      needs: { id: string }[];
      people: number;
      [k: string]: unknown;
    }[];
  };
  const answersOf = async (user: TestUser) => {
    const r = await gql(
      app,
      `query { demandPools(topic: "hot-work-card") { answers { offerId offerTitle needCount firstProposedAt } } }`,
      {},
      as(user),
    );
    expect(r.errors).toBeUndefined();
    return r.data!.demandPools[0].answers as unknown[];
  };
  const answer = (user: TestUser | null, input: Record<string, unknown>) =>
    gql(app, ANSWER, { input: { note: 'Järjestämme kurssin Kemissä.', ...input } }, as(user));

  it('shows educators and coordinators the pool and how many people it holds', async () => {
    for (const who of [educators.owner, otherEducators.owner, coordinator]) {
      const [pool, ...rest] = await pools(who);
      expect(rest).toEqual([]);
      expect(pool).toMatchObject({
        topic: 'hot-work-card',
        municipalityCodes: ['851', '240', '241'],
        remoteNeeds: 0,
        needCount: 3,
        companyCount: 3,
        people: 16,
        periodStart: dateIn(20),
        periodEnd: dateIn(110),
        summary: {
          people: 16,
          companies: 3,
          topic: 'hot-work-card',
          places: ['851', '240', '241'],
          remote: false,
          season: expect.stringMatching(/^(WINTER|SPRING|SUMMER|AUTUMN)$/),
          year: seasonYearOf(dateIn(20), dateIn(110)),
        },
      });
      expect(pool!.needs.map((n) => n.id).sort()).toEqual(
        hotWorkNeeds
          .slice(0, 3)
          .map((n) => n.id)
          .sort(),
      );
    }
    expect((await pools(coordinator, 'biogas')).length).toBe(0);
    for (const who of [entrepreneur, await buildUser(app, { roles: ['STUDENT'] })]) {
      expect(codeOf(await gql(app, POOLS, {}, as(who)))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, POOLS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, POOLS, { topic: 'no-such-topic' }, as(coordinator)))).toBe('VALIDATION');
  });

  it('leaves out needs that are no longer open or whose period has ended', async () => {
    const company = await buildOrganisation(app);
    const ended = await courseNeed(app, company, { topics: ['first-aid'], municipalityCode: '240' });
    await courseNeed(app, company, { topics: ['first-aid'], municipalityCode: '240' });
    expect(await pools(coordinator, 'first-aid')).toHaveLength(1);
    await app.db.execute(
      sql`update needs set period_start = ${dateIn(-30)}, period_end = ${dateIn(-1)} where id = ${ended.id}`,
    );
    expect(await pools(coordinator, 'first-aid')).toHaveLength(0);
  });

  it('lets an educator answer a pool with a course: a proposal to every need in it, each told', async () => {
    const [pool] = await pools(educators.owner);
    expect(await answersOf(coordinator)).toEqual([]);
    const r = await answer(educators.owner, { poolKey: pool!.key, offerId: hotWork.id });
    expect(r.errors).toBeUndefined();
    // The pool shows it has been answered, and with which course, to everyone who sees pools.
    for (const who of [coordinator, otherEducators.owner]) {
      expect(await answersOf(who)).toEqual([
        {
          offerId: hotWork.id,
          offerTitle: 'Tulityökorttikoulutus',
          needCount: 3,
          firstProposedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ]);
    }
    const made = r.data!.answerDemandPool;
    expect(made.skippedNeedIds).toEqual([]);
    expect(made.proposals).toHaveLength(3);
    expect(made.proposals.map((p: { need: { id: string } }) => p.need.id).sort()).toEqual(
      pool!.needs.map((n) => n.id).sort(),
    );
    for (const p of made.proposals) {
      expect(p).toMatchObject({
        origin: 'POOL',
        poolKey: pool!.key,
        state: 'OPEN',
        target: { kind: 'OFFER', offer: { id: hotWork.id }, session: null },
        needAnswer: { answer: null },
        targetAnswer: { answer: 'ACCEPTED' },
        actions: ['WITHDRAW'],
      });
    }
    for (const company of companies.slice(0, 3)) {
      const told = await app.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, company.owner.id), eq(notifications.type, 'PROPOSAL_RECEIVED')));
      expect(told.map((n) => n.data.actorName)).toEqual(['Lappia']);
    }
    // Answering again adds nothing: every need has an open proposal for this course…
    const again = await answer(educators.owner, { poolKey: pool!.key, offerId: hotWork.id });
    expect(again.data!.answerDemandPool).toEqual({
      proposals: [],
      skippedNeedIds: pool!.needs.map((n) => n.id),
    });
    // …and a session of the same course counts as the same course.
    const bySession = await answer(educators.owner, { poolKey: pool!.key, sessionId: hotWork.sessionId });
    expect(bySession.data!.answerDemandPool.proposals).toEqual([]);
    const open = await app.db
      .select()
      .from(proposals)
      .where(and(eq(proposals.offerId, hotWork.id), eq(proposals.state, 'OPEN')));
    expect(open).toHaveLength(3);

    // The company answers as to any proposal: accepting makes the match, and the need leaves the pool.
    const mine = made.proposals.find((p: { need: { id: string } }) => p.need.id === hotWorkNeeds[0]!.id);
    const accepted = await gql(
      app,
      `mutation ($id: ID!) { acceptProposal(id: $id) { state matchMade { minutesToMatch } } }`,
      { id: mine.id },
      as(companies[0]!.owner),
    );
    expect(accepted.data!.acceptProposal.state).toBe('ACCEPTED');
    const [smaller] = await pools(educators.owner);
    expect(smaller).toMatchObject({ needCount: 2, people: 10, municipalityCodes: ['851', '241'] });
    // The smaller pool is still answered by the course, for its two needs.
    expect(await answersOf(coordinator)).toMatchObject([{ offerId: hotWork.id, needCount: 2 }]);
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key, offerId: hotWork.id }))).toBe('POOL_CHANGED');
  });

  it('refuses a changed pool, other organisations’ courses, courses on another topic and student pools', async () => {
    const [pool] = await pools(educators.owner);
    const unrelated = await course(app, educators, { title: 'Aurinkosähkö', topics: ['solar-pv'] });
    const theirs = await course(app, otherEducators, { topics: ['hot-work-card'] });
    const students = await studentPool(app, educators);
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key, offerId: unrelated.id }))).toBe(
      'INCOMPATIBLE_MATCH',
    );
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key, offerId: students.id }))).toBe(
      'INCOMPATIBLE_MATCH',
    );
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key, offerId: theirs.id }))).toBe('FORBIDDEN');
    expect(codeOf(await answer(coordinator, { poolKey: pool!.key, offerId: hotWork.id }))).toBe('FORBIDDEN');
    expect(codeOf(await answer(entrepreneur, { poolKey: pool!.key, offerId: hotWork.id }))).toBe('FORBIDDEN');
    expect(codeOf(await answer(null, { poolKey: pool!.key, offerId: hotWork.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await answer(educators.owner, { poolKey: 'no-such-pool', offerId: hotWork.id }))).toBe(
      'POOL_CHANGED',
    );
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key }))).toBe('VALIDATION');

    // A fourth company nearby joins: the pool shown before is gone.
    const newcomer = await buildOrganisation(app);
    await courseNeed(app, newcomer, {
      topics: ['hot-work-card'],
      municipalityCode: '751',
      periodStart: dateIn(30),
      periodEnd: dateIn(90),
    });
    const [grown] = await pools(educators.owner);
    expect(grown!.key).not.toBe(pool!.key);
    expect(grown!.needs).toHaveLength(3);
    expect(codeOf(await answer(educators.owner, { poolKey: pool!.key, offerId: hotWork.id }))).toBe('POOL_CHANGED');
    const answered = await answer(educators.owner, { poolKey: grown!.key, sessionId: hotWork.sessionId });
    // Only the newcomer has no proposal for the course yet.
    expect(answered.data!.answerDemandPool.proposals).toHaveLength(1);
    expect(answered.data!.answerDemandPool.proposals[0].target).toMatchObject({
      kind: 'SESSION',
      session: { id: hotWork.sessionId },
    });
  });
});
