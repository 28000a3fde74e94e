import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlacementKind, isValidBusinessId } from '@keskusvaraamo/shared';
import { todayInHelsinki } from '../lib/helsinki.js';
import { users } from '../modules/accounts/tables.js';
import { needs } from '../modules/needs/tables.js';
import { courseSessions, offers } from '../modules/offers/tables.js';
import { organisations } from '../modules/organisations/tables.js';
import { studentProfiles } from '../modules/profiles/tables.js';
import { searchItems } from '../modules/search/tables.js';
import { buildTestApp, gql, type TestApp } from '../test/helper.js';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, seedDemoData } from './demo.js';
import { DEMO_APPLICATIONS, DEMO_CONVERSATION } from './demo-applications.js';
import { DEMO_PROPOSALS, DEMO_WAITING } from './demo-proposals.js';
import { DEMO_STUDENTS } from './demo-students.js';
import { addDays } from './timeline.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ SEED_DEMO_DATA: 'true' });
});
afterAll(() => app.closeAndDrop());

const SEARCH = `query ($filter: SearchFilter, $first: Int) {
  search(filter: $filter, first: $first) {
    totalCount
    nodes { kind title language organisationName }
  }
}`;

async function search(filter: Record<string, unknown> = {}) {
  const r = await gql(app, SEARCH, { filter, first: 50 });
  expect(r.errors).toBeUndefined();
  return r.data!.search as {
    totalCount: number;
    nodes: { kind: string; title: string; language: string; organisationName: string }[];
  };
}

describe('demo data', () => {
  it('seeds the real educational organisations and a dozen companies with valid business IDs', async () => {
    const rows = await app.db.select().from(organisations);
    const names = rows.map((o) => o.name);
    for (const name of [
      'Lapin yliopisto',
      'Lapin ammattikorkeakoulu',
      'Lapin koulutuskeskus REDU',
      'Lappia',
      'ProAgria Lappi',
    ]) {
      expect(names).toContain(name);
    }
    const companies = rows.filter((o) => o.kind === 'COMPANY');
    expect(companies.length).toBeGreaterThanOrEqual(12);
    expect(companies.every((c) => c.businessId && isValidBusinessId(c.businessId))).toBe(true);
    expect(new Set(companies.map((c) => c.municipalityCode)).size).toBeGreaterThanOrEqual(10);
  });

  it('has an account for every role, each able to sign in', async () => {
    const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { user { roles } } }`;
    for (const [key, role] of [
      ['admin', 'ADMIN'],
      ['coordinator', 'COORDINATOR'],
      ['entrepreneur', 'ENTREPRENEUR'],
      ['educator', 'EDUCATOR'],
      ['student', 'STUDENT'],
      ['student.aile.magga', 'STUDENT'],
    ]) {
      const r = await gql(app, SIGN_IN, { input: { email: demoEmail(key!), password: DEMO_PASSWORD } });
      expect(r.data!.signIn.user.roles).toContain(role);
    }
  });

  it('keeps the five named accounts first, as the README lists them', () => {
    expect(DEMO_USERS.slice(0, 5).map((u) => u.key)).toEqual([
      'admin',
      'coordinator',
      'entrepreneur',
      'educator',
      'student',
    ]);
  });
});

describe('demo marketplace', () => {
  it('has about forty needs of every kind, mostly open, from a dozen companies', async () => {
    // Today's needs: open, drafts, and those closed as the seed ran; the demo history's
    // (demo-history.test.ts) had all ended before today.
    const hourAgo = new Date(Date.now() - 3600 * 1000);
    const rows = (await app.db.select().from(needs)).filter(
      (n) => n.state === 'OPEN' || n.state === 'DRAFT' || (n.closedAt && n.closedAt > hourAgo),
    );
    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(rows.length).toBeLessThanOrEqual(46);
    const byState = (state: string) => rows.filter((n) => n.state === state).length;
    expect(byState('OPEN')).toBeGreaterThanOrEqual(30);
    expect(byState('DRAFT')).toBeGreaterThanOrEqual(2);
    expect(byState('CLOSED')).toBeGreaterThanOrEqual(2);
    for (const kind of ['COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS']) {
      expect(rows.filter((n) => n.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(rows.map((n) => n.organisationId)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((n) => n.language))).toEqual(new Set(['fi', 'sv', 'en']));
    expect(rows.filter((n) => n.kind === 'THESIS').every((n) => n.thesisLevel)).toBe(true);
    const placements = rows.filter((n) => isPlacementKind(n.kind));
    expect(placements.some((n) => n.payKind === 'UNPAID')).toBe(true);
    expect(placements.filter((n) => n.payKind === 'PAID').every((n) => n.payAmountCents! >= 150_000)).toBe(true);
  });

  it('gives open needs deadlines ahead, counted from the day it was seeded', async () => {
    const today = todayInHelsinki();
    const open = await app.db.select().from(needs).where(eq(needs.state, 'OPEN'));
    for (const need of open.filter((n) => isPlacementKind(n.kind))) {
      expect(need.applicationDeadline! >= addDays(today, 10), need.title).toBe(true);
      expect(need.applicationDeadline! <= addDays(today, 70), need.title).toBe(true);
      expect(need.periodStart > today, need.title).toBe(true);
    }
  });

  it('has about 25 courses, all but one published with sessions ahead, and student pools', async () => {
    const rows = await app.db.select().from(offers);
    const courses = rows.filter((o) => o.kind === 'COURSE');
    const published = courses.filter((o) => o.state === 'PUBLISHED');
    expect(courses.length).toBeGreaterThanOrEqual(22);
    expect(courses.filter((o) => o.state === 'DRAFT')).toHaveLength(1);
    expect(new Set(courses.map((o) => o.organisationId)).size).toBe(5);
    expect(new Set(courses.map((o) => o.language))).toEqual(new Set(['fi', 'sv', 'en']));

    const sessions = await app.db.select().from(courseSessions);
    const now = new Date();
    const inSixMonths = new Date(now.getTime() + 186 * 24 * 3600 * 1000);
    for (const course of published) {
      const own = sessions.filter((s) => s.offerId === course.id);
      expect(own.length, course.title).toBeGreaterThanOrEqual(1);
      expect(
        own.every((s) => s.registrationDeadline > now && s.startsAt < inSixMonths),
        course.title,
      ).toBe(true);
    }
    expect(sessions.some((s) => s.onlineUrl?.startsWith('https://'))).toBe(true);

    const pools = rows.filter((o) => o.kind === 'STUDENT_POOL' && o.state === 'PUBLISHED');
    expect(pools.length).toBeGreaterThanOrEqual(3);
    expect(pools.every((p) => p.studentCount! > 0 && p.placementKinds.length > 0 && p.fieldOfStudy)).toBe(true);
  });

  it('gives thirty students a profile, about two thirds of them discoverable', async () => {
    const students = DEMO_USERS.filter((u) => u.roles.includes('STUDENT'));
    expect(students).toHaveLength(30);
    const profiles = await app.db
      .select({
        email: users.email,
        discoverable: studentProfiles.discoverable,
        institution: studentProfiles.institutionName,
      })
      .from(studentProfiles)
      .innerJoin(users, eq(users.id, studentProfiles.userId));
    expect(profiles.map((p) => p.email).sort()).toEqual(students.map((s) => demoEmail(s.key)).sort());
    const discoverable = profiles.filter((p) => p.discoverable).length;
    expect(discoverable).toBeGreaterThanOrEqual(15);
    expect(discoverable).toBeLessThanOrEqual(25);
    const names = (await app.db.select({ name: organisations.name }).from(organisations)).map((o) => o.name);
    expect(profiles.every((p) => names.includes(p.institution))).toBe(true);
    expect(DEMO_STUDENTS.every((s) => DEMO_USERS.some((u) => u.key === s.key && u.name === s.name))).toBe(true);
  });

  it('is in the search index exactly as the use cases put it there', async () => {
    const [openPlacements, publishedOffers, indexed] = await Promise.all([
      app.db.select({ kind: needs.kind }).from(needs).where(eq(needs.state, 'OPEN')),
      app.db.select({ n: count() }).from(offers).where(eq(offers.state, 'PUBLISHED')),
      app.db.select({ n: count() }).from(searchItems),
    ]);
    const expected = openPlacements.filter((n) => isPlacementKind(n.kind)).length + publishedOffers[0]!.n;
    expect(indexed[0]!.n).toBe(expected);
    expect((await search()).totalCount).toBe(expected);
  });

  it('can be searched in Finnish, Swedish and English', async () => {
    const solar = await search({ text: 'aurinkosähköjärjestelmä' });
    expect(solar.nodes).toContainEqual(
      expect.objectContaining({
        kind: 'INTERNSHIP',
        title: 'Aurinkosähköjärjestelmien asentaja harjoitteluun',
        organisationName: 'Aurinkolappi Oy',
      }),
    );
    expect(solar.nodes.some((n) => n.kind === 'COURSE' && n.organisationName === 'Lapin ammattikorkeakoulu')).toBe(
      true,
    );

    const hotWork = await search({ text: 'tulityökortti', kinds: ['COURSE'] });
    expect(hotWork.nodes.map((n) => n.organisationName)).toContain('Lappia');

    const swedish = await search({ text: 'värmecentralerna' });
    expect(swedish.nodes.map((n) => n.title)).toContain('Praktikant till våra värmecentraler i Tornedalen');

    const english = await search({ text: 'thesis bioenergy', kinds: ['STUDENT_POOL'] });
    expect(english.nodes.map((n) => n.organisationName)).toEqual(['Lapin yliopisto']);

    expect((await search({ kinds: ['STUDENT_POOL'] })).totalCount).toBeGreaterThanOrEqual(3);
    // Drafts stay out: the draft course and the draft needs.
    expect((await search({ text: 'pienvesivoimalan kunnossapito' })).totalCount).toBe(0);
    expect((await search({ text: 'energiapuun logistiikan suunnittelu' })).totalCount).toBe(0);
  });

  it("has students' applications to Tunturienergia's placements in several states, and a conversation", async () => {
    const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
    const tokenOf = async (key: string) =>
      (await gql(app, SIGN_IN, { input: { email: demoEmail(key), password: DEMO_PASSWORD } })).data!.signIn
        .accessToken as string;
    const student = await gql(
      app,
      `{ myApplications { nodes { id state need { title organisation { name } } } } }`,
      {},
      { token: await tokenOf('student') },
    );
    const mine = student.data!.myApplications.nodes as {
      id: string;
      state: string;
      need: { organisation: { name: string } };
    }[];
    expect(mine.map((a) => a.state).sort()).toEqual(['OFFERED', 'SUBMITTED']);
    expect(mine.every((a) => a.need.organisation.name === 'Tunturienergia Oy')).toBe(true);

    const entrepreneur = await tokenOf('entrepreneur');
    const myNeeds = await gql(
      app,
      `{ myNeeds(first: 50) { nodes { id kind applicationCount } } }`,
      {},
      { token: entrepreneur },
    );
    const placements = (myNeeds.data!.myNeeds.nodes as { id: string; kind: string; applicationCount: number }[]).filter(
      (n) => n.kind !== 'COURSE',
    );
    expect(placements.reduce((sum, n) => sum + n.applicationCount, 0)).toBe(DEMO_APPLICATIONS.length);
    const states = new Set<string>();
    for (const need of placements) {
      const r = await gql(
        app,
        `query ($id: ID!) { needApplications(needId: $id) { nodes { state } } }`,
        { id: need.id },
        { token: entrepreneur },
      );
      for (const a of r.data!.needApplications.nodes) states.add(a.state);
    }
    expect(states).toEqual(new Set(['SUBMITTED', 'SHORTLISTED', 'OFFERED', 'REJECTED', 'WITHDRAWN']));

    const offered = mine.find((a) => a.state === 'OFFERED')!;
    const thread = await gql(
      app,
      `query ($id: ID!) { conversation(subjectKind: APPLICATION, subjectId: $id) { messages { totalCount } } }`,
      { id: offered.id },
      { token: entrepreneur },
    );
    expect(thread.data!.conversation.messages.totalCount).toBe(DEMO_CONVERSATION.messages.length);
  });

  it("has bookings: the educator's micro-grid course is full with a waitlist, and the entrepreneur and student have their own", async () => {
    const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
    const tokenOf = async (key: string) =>
      (await gql(app, SIGN_IN, { input: { email: demoEmail(key), password: DEMO_PASSWORD } })).data!.signIn
        .accessToken as string;
    const mine = async (key: string) =>
      (
        await gql(
          app,
          `{ myBookings { nodes { state seats waitlistPosition offer { title } session { id seatsFree } } } }`,
          {},
          { token: await tokenOf(key) },
        )
      ).data!.myBookings.nodes as {
        state: string;
        seats: number;
        offer: { title: string };
        waitlistPosition: number | null;
        session: { id: string; seatsFree: number };
      }[];
    const entrepreneur = await mine('entrepreneur');
    const microgrid = entrepreneur.find((b) => b.offer.title.startsWith('Älykkäät mikroverkot'))!;
    expect(microgrid).toMatchObject({ state: 'WAITLISTED', waitlistPosition: 2, session: { seatsFree: 0 } });
    expect(entrepreneur.filter((b) => b.state === 'CONFIRMED').length).toBeGreaterThanOrEqual(2);
    expect((await mine('student')).map((b) => b.state)).toEqual(['CONFIRMED']);

    const educator = await tokenOf('educator');
    const list = await gql(
      app,
      `query ($id: ID!) { sessionBookings(sessionId: $id) { state seats participants { name } } }`,
      { id: microgrid.session.id },
      { token: educator },
    );
    const confirmed = list.data!.sessionBookings.filter((b: { state: string }) => b.state === 'CONFIRMED');
    expect(confirmed.reduce((n: number, b: { seats: number }) => n + b.seats, 0)).toBe(20);
  });

  it("shows the demo student, under 'Your data', that the coordinator opened their profile", async () => {
    const signIn = await gql(app, `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email: demoEmail('student'), password: DEMO_PASSWORD },
    });
    const log = await gql(
      app,
      `{ dataAccessLog(first: 10) { nodes { viewerName viewerRoles kind source } } }`,
      {},
      { token: signIn.data!.signIn.accessToken },
    );
    expect(log.errors).toBeUndefined();
    const coordinator = DEMO_USERS.find((u) => u.key === 'coordinator')!;
    expect(log.data!.dataAccessLog.nodes).toContainEqual({
      viewerName: coordinator.name,
      viewerRoles: coordinator.roles,
      kind: 'PROFILE',
      source: 'PROFILE_PAGE',
    });
  });

  it('never runs on a database that has data', async () => {
    const before = await app.db.select({ n: count() }).from(users);
    const needsBefore = await app.db.select({ n: count() }).from(needs);
    expect(before[0]!.n).toBe(DEMO_USERS.length);
    expect(await seedDemoData(app.db)).toBeNull();
    expect((await app.db.select({ n: count() }).from(users))[0]!.n).toBe(DEMO_USERS.length);
    expect((await app.db.select({ n: count() }).from(needs))[0]!.n).toBe(needsBefore[0]!.n);
  });
});

describe('demo brokering', () => {
  const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
  const tokenOf = async (key: string) =>
    (await gql(app, SIGN_IN, { input: { email: demoEmail(key), password: DEMO_PASSWORD } })).data!.signIn
      .accessToken as string;

  it("has the coordinator's proposals between Tunturienergia's course need and Lapin AMK's courses: one a match made, one open", async () => {
    const r = await gql(
      app,
      `{ myProposals { nodes { id state origin actions need { title organisation { name } }
        target { title organisationName } matchMade { minutesToMatch } } } }`,
      {},
      { token: await tokenOf('entrepreneur') },
    );
    expect(r.errors).toBeUndefined();
    const list = r.data!.myProposals.nodes as {
      id: string;
      state: string;
      origin: string;
      actions: string[];
      need: { organisation: { name: string } };
      target: { title: string; organisationName: string };
      matchMade: { minutesToMatch: number } | null;
    }[];
    expect(list.map((p) => p.state).sort()).toEqual(['ACCEPTED', 'OPEN']);
    expect(list.every((p) => p.origin === 'COORDINATOR' && p.need.organisation.name === 'Tunturienergia Oy')).toBe(
      true,
    );
    expect(list.every((p) => p.target.organisationName === 'Lapin ammattikorkeakoulu')).toBe(true);
    const accepted = list.find((p) => p.state === 'ACCEPTED')!;
    // Proposed when the need had waited twelve days.
    expect(accepted.matchMade!.minutesToMatch).toBeGreaterThanOrEqual(12 * 24 * 60);
    expect(accepted.matchMade!.minutesToMatch).toBeLessThan(13 * 24 * 60);
    const open = list.find((p) => p.state === 'OPEN')!;
    expect(open.actions).toEqual(['ACCEPT', 'DECLINE']);
    const thread = await gql(
      app,
      `query ($id: ID!) { conversation(subjectKind: PROPOSAL, subjectId: $id) { messages { totalCount } } }`,
      { id: open.id },
      { token: await tokenOf('educator') },
    );
    expect(thread.data!.conversation.messages.totalCount).toBe(DEMO_PROPOSALS[1]!.messages!.length);
  });

  it("fills the coordinator's queue with course needs that have waited weeks", async () => {
    const r = await gql(
      app,
      `{ brokeringQueue { nodes { daysWaiting need { topics } } } }`,
      {},
      { token: await tokenOf('coordinator') },
    );
    const waiting = r.data!.brokeringQueue.nodes as { daysWaiting: number }[];
    expect(waiting.map((n) => n.daysWaiting)).toEqual(DEMO_WAITING.map((w) => w.days));
  });

  it('has a demand pool for hot-work cards around Kemi and Tornio, and another around Salla', async () => {
    const r = await gql(
      app,
      `{ demandPools(topic: "hot-work-card") { municipalityCodes companyCount people needCount } }`,
      {},
      { token: await tokenOf('educator.lappia') },
    );
    expect(r.errors).toBeUndefined();
    const pools = r.data!.demandPools as { municipalityCodes: string[]; companyCount: number; people: number }[];
    expect(pools).toEqual([
      { municipalityCodes: ['851', '241'], companyCount: 2, people: 11, needCount: 2 },
      { municipalityCodes: ['732', '320'], companyCount: 2, people: 10, needCount: 2 },
    ]);
    const all = await gql(app, `{ demandPools { topic } }`, {}, { token: await tokenOf('coordinator') });
    expect(all.data!.demandPools.length).toBeGreaterThanOrEqual(2);
  });
});
