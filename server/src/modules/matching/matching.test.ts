import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveStudentProfile } from '../profiles/index.js';
import {
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  depsOf,
  dateIn,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { TOPICS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { explainMatch } from './explain.js';
import { topicMask } from './scoring.js';

const NEED_MATCHES = `query ($id: ID!, $kinds: [MatchKind!], $first: Int) {
  need(id: $id) { matches(kinds: $kinds, first: $first) {
    kind id itemKind title score explanation(locale: en)
    breakdown { sharedTopics relatedTopics distanceKm remoteWork seatsFree overlapDays sharedLanguages points { topics period distance language text seats } }
  } }
}`;
const LEADS = `query ($id: ID!) { offer(id: $id) { leads { kind id itemKind title score } } }`;

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let coordinator: TestUser;

/** Every statement the app sends, as text. */
const statements: string[] = [];

beforeAll(async () => {
  app = await buildTestApp({}, { onQuery: (query) => statements.push(query) });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
});
afterAll(() => app.closeAndDrop());

/** A COURSE need in Rovaniemi over the coming months. */
const courseNeed = (overrides: Record<string, unknown> = {}) =>
  buildNeed(app, {
    kind: 'COURSE',
    title: 'Koulutusta tarvitaan',
    description: 'Tarvitsemme koulutusta henkilöstölle.',
    municipalityCode: '698',
    periodStart: dateIn(20),
    periodEnd: dateIn(120),
    positions: 4,
    payKind: null,
    payAmountCents: null,
    budgetCents: 300_000,
    applicationDeadline: null,
    ...overrides,
  });

/** A published course with one session in the given municipality. */
const course = (title: string, topics: string[], municipalityCode = '698', extra: Record<string, unknown> = {}) =>
  buildCourse(
    app,
    { title, topics, municipalityCode, ...extra },
    { organisation: school, sessions: [sessionInput({ municipalityCode, ...(extra.session as object) })] },
  );

async function matchesOf(need: { id: string; owner: TestUser }, kinds: string[] = ['OFFER'], first = 50) {
  const r = await gql(app, NEED_MATCHES, { id: need.id, kinds, first }, { token: need.owner.token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.need.matches as {
    kind: string;
    id: string;
    itemKind: string;
    title: string;
    score: number;
    explanation: string;
    breakdown: {
      sharedTopics: string[];
      relatedTopics: string[];
      distanceKm: number | null;
      remoteWork: boolean;
      seatsFree: number | null;
      overlapDays: number | null;
      points: { topics: number; period: number; distance: number; language: number; text: number; seats: number };
    };
  }[];
}

describe('ranking', () => {
  it('counts topics on bits the database computes as the taxonomy orders them (a changed taxonomy needs a new topic_mask)', async () => {
    expect(TOPICS.length).toBeLessThanOrEqual(63);
    const [row] = await queryRows<{ masks: string[] }>(
      app.db,
      sql`select array(select topic_mask(array[t])::text from unnest(${sql.raw(
        `array[${TOPICS.map((t) => `'${t.id}'`).join(', ')}]::text[]`,
      )}) with ordinality u(t, i) order by i) as masks`,
    );
    expect(row!.masks).toEqual(TOPICS.map((_, i) => (1n << BigInt(i)).toString()));
    expect(topicMask(TOPICS.map((t) => t.id))).toBe((1n << BigInt(TOPICS.length)) - 1n);
    expect(topicMask(['solar-pv', 'solar-pv', 'not-a-topic'])).toBe(topicMask(['solar-pv']));
  });

  it('ranks more shared topics higher, all else equal; a same-group topic counts less than an exact one', async () => {
    const need = await courseNeed({ topics: ['wind-power', 'small-hydro', 'hydrogen'] });
    const two = await course('Tuuli ja vesi', ['wind-power', 'small-hydro']);
    const one = await course('Tuulivoima', ['wind-power']);
    const related = await course('Tuulivoima ja älyverkot', ['wind-power', 'smart-grids']);
    const list = await matchesOf(need);
    const score = (id: string) => list.find((m) => m.id === id)!.score;
    expect(score(two.id)).toBeGreaterThan(score(related.id));
    expect(score(related.id)).toBeGreaterThan(score(one.id));
    expect(list.findIndex((m) => m.id === two.id)).toBeLessThan(list.findIndex((m) => m.id === one.id));
    expect(list.find((m) => m.id === related.id)!.breakdown).toMatchObject({
      sharedTopics: ['wind-power'],
      relatedTopics: ['smart-grids'],
    });
  });

  it('ranks a nearer municipality higher, all else equal; online counts as near', async () => {
    const need = await courseNeed({ topics: ['biogas'], municipalityCode: '240' }); // Kemi
    const tornio = await course('Biokaasu Torniossa', ['biogas'], '851');
    const inari = await course('Biokaasu Inarissa', ['biogas'], '148');
    const online = await course('Biokaasu verkossa', ['biogas'], '148', {
      online: true,
      session: { onlineUrl: 'https://meet.example.fi/biokaasu', municipalityCode: null, place: null },
    });
    const list = await matchesOf(need);
    const at = (id: string) => list.find((m) => m.id === id)!;
    expect(at(tornio.id).score).toBeGreaterThan(at(inari.id).score);
    expect(at(tornio.id).breakdown.distanceKm).toBeLessThan(40);
    expect(at(inari.id).breakdown.distanceKm).toBeGreaterThan(300);
    expect(at(online.id).breakdown.distanceKm).toBe(0);
    expect(at(online.id).score).toBeGreaterThanOrEqual(at(tornio.id).score);
  });

  it('counts the travel to an on-site course even when the need would also take an online one', async () => {
    // Salla's company would take an online course; one held in Rovaniemi is still a drive away.
    const need = await courseNeed({ topics: ['ground-source-heat'], municipalityCode: '732', remote: true });
    const rovaniemi = await course('Maalämpö Rovaniemellä', ['ground-source-heat'], '698');
    const online = await course('Maalämpö verkossa', ['ground-source-heat'], '698', {
      online: true,
      session: { onlineUrl: 'https://meet.example.fi/maalampo', municipalityCode: null, place: null },
    });
    const list = await matchesOf(need, ['OFFER', 'SESSION']);
    const onSite = list.find((m) => m.id === rovaniemi.id)!;
    expect(onSite.breakdown.remoteWork).toBe(false);
    expect(onSite.breakdown.distanceKm).toBeGreaterThan(100);
    expect(onSite.explanation).toContain(`${onSite.breakdown.distanceKm} km away`);
    expect(onSite.explanation).not.toContain('remote');
    const viaNet = list.find((m) => m.id === online.id)!;
    expect(viaNet.breakdown).toMatchObject({ remoteWork: true, distanceKm: 0 });
    expect(viaNet.explanation).toContain('remote or online, no travel');
    expect(viaNet.score).toBeGreaterThan(onSite.score);
  });

  it('ranks a session with room for the need’s people above one with fewer seats, and says how few', async () => {
    const need = await courseNeed({ topics: ['air-heat-pumps'], positions: 6 });
    const small = await course('Lämpöpumput pienryhmälle', ['air-heat-pumps'], '698', { session: { seats: 2 } });
    const roomy = await course('Lämpöpumput isolle ryhmälle', ['air-heat-pumps'], '698', { session: { seats: 12 } });
    const all = await matchesOf(need, ['SESSION']);
    // A session's match carries its course's title.
    const ofCourse = (title: string) => all.find((m) => m.title === title)!;
    const two = ofCourse(small.title);
    const twelve = ofCourse(roomy.title);
    expect(all.indexOf(twelve)).toBeLessThan(all.indexOf(two));
    expect(two.breakdown.seatsFree).toBe(2);
    expect(two.breakdown.points.seats).toBeLessThan(0);
    expect(twelve.breakdown.points.seats).toBe(0);
    // The score is still the sum of its parts.
    const sum = (p: typeof two.breakdown.points) => p.topics + p.period + p.distance + p.language + p.text + p.seats;
    expect(Math.abs(sum(two.breakdown.points) - two.score)).toBeLessThan(0.5);
    expect(two.explanation).toContain('room for only 2');
    expect(twelve.explanation).not.toContain('room for');
  });

  it('never matches incompatible kinds, nor students who are not discoverable', async () => {
    const owner = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const internship = await buildNeed(app, { kind: 'INTERNSHIP', topics: ['firewood'] }, { owner });
    const firewoodCourse = await course('Polttopuukurssi', ['firewood']);
    const shy = await buildUser(app, { roles: ['STUDENT'], displayName: 'Ujo Opiskelija' });
    const open = await buildUser(app, { roles: ['STUDENT'], displayName: 'Avoin Opiskelija' });
    for (const [student, discoverable] of [
      [shy, false],
      [open, true],
    ] as const) {
      await saveStudentProfile(
        depsOf(app),
        { ...student, emailVerified: true },
        {
          institutionName: 'Lapin AMK',
          fieldOfStudy: 'Metsätalous',
          studyLevel: 'BACHELOR',
          topics: ['firewood'],
          languages: ['fi'],
          homeMunicipalityCode: '698',
          discoverable,
        },
      );
    }
    const forInternship = await matchesOf(internship, ['OFFER', 'STUDENT', 'SESSION']);
    expect(forInternship.map((m) => m.id)).toContain(open.id);
    expect(forInternship.map((m) => m.id)).not.toContain(shy.id);
    expect(forInternship.some((m) => m.itemKind === 'COURSE' || m.kind === 'SESSION')).toBe(false);

    const courseNeedForFirewood = await courseNeed({ topics: ['firewood'] });
    const forCourse = await matchesOf(courseNeedForFirewood, ['OFFER', 'SESSION', 'STUDENT']);
    expect(forCourse.map((m) => m.id)).toContain(firewoodCourse.id);
    expect(forCourse.some((m) => m.kind === 'STUDENT' || m.itemKind === 'STUDENT_POOL')).toBe(false);
  });

  it('explains a match in plain words', async () => {
    const need = await courseNeed({ topics: ['pellets', 'first-aid'], municipalityCode: '698', languages: ['fi'] });
    const match = await course('Pellettilämmitys', ['pellets', 'wood-chips'], '698');
    const found = (await matchesOf(need)).find((m) => m.id === match.id)!;
    expect(found.explanation).toBe(
      'Shared topic: Pellets; related: Wood chips and chip heating, in the same municipality, 1 day within your dates, in Finnish.',
    );
    expect(
      explainMatch(
        {
          breakdown: {
            sharedTopics: ['solar-pv', 'energy-storage', 'smart-grids'],
            relatedTopics: [],
            distanceKm: 42,
            remoteWork: false,
            seatsFree: 3,
            overlapDays: 42,
            sharedLanguages: ['fi', 'sv'],
            points: { topics: 45, period: 20, distance: 18.6, language: 10, text: 0, seats: -10 },
          },
        },
        'fi',
      ),
    ).toBe(
      'Yhteiset aiheet: Aurinkosähkö, Energian varastointi, Älykkäät sähköverkot ja mikroverkot, 42 km:n päässä, 6 viikkoa toivotulla ajalla, suomeksi ja ruotsiksi, tilaa vain 3 hengelle.',
    );
  });
});

describe('statements', () => {
  it('ranks with one statement text per source whatever the subject has, so that each is prepared once', async () => {
    const rankings = async (need: { id: string; owner: TestUser }) => {
      statements.length = 0;
      await matchesOf(need, ['OFFER', 'SESSION']);
      return statements.filter((q) => q.includes('stage as'));
    };
    const near = await rankings(await courseNeed({ topics: ['solar-pv'] }));
    const remote = await rankings(
      await courseNeed({
        title: 'Kurssi',
        topics: ['heat', 'wind-power', 'first-aid'],
        municipalityCode: null,
        remote: true,
        languages: ['sv', 'en'],
      }),
    );
    expect(near).toHaveLength(2);
    expect(remote).toEqual(near);
  });
});

describe('as data changes', () => {
  it('shows a new course at once, and drops it when archived or full', async () => {
    const need = await courseNeed({ topics: ['district-heating'] });
    expect((await matchesOf(need, ['OFFER', 'SESSION'])).length).toBe(0);
    const heating = await buildCourse(
      app,
      { title: 'Kaukolämpö', topics: ['district-heating'] },
      { organisation: school, sessions: [sessionInput({ seats: 1, priceCents: 0 })] },
    );
    const found = await matchesOf(need, ['OFFER', 'SESSION']);
    expect(found.map((m) => m.kind).sort()).toEqual(['OFFER', 'SESSION']);
    expect(found.find((m) => m.kind === 'OFFER')!.id).toBe(heating.id);

    // The only seat taken: the session is full and the course has nothing to book.
    const booker = await buildUser(app);
    const sessionId = found.find((m) => m.kind === 'SESSION')!.id;
    const booked = await gql(
      app,
      `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { state } }`,
      { input: { sessionId, idempotencyKey: 'matching-full-1' } },
      { token: booker.token },
    );
    expect(booked.data!.bookSeats.state).toBe('CONFIRMED');
    expect(await matchesOf(need, ['OFFER', 'SESSION'])).toEqual([]);

    const another = await course('Kaukolämpö 2', ['district-heating']);
    expect((await matchesOf(need)).map((m) => m.id)).toEqual([another.id]);
    const archived = await gql(
      app,
      `mutation ($id: ID!) { archiveOffer(id: $id) { state } }`,
      { id: another.id },
      { token: school.owner.token },
    );
    expect(archived.errors).toBeUndefined();
    expect(await matchesOf(need)).toEqual([]);
  });

  it('leads show open needs of the right kinds, and drop closed ones', async () => {
    const offer = await course('Aurinkolämpö', ['solar-thermal']);
    const wanted = await courseNeed({ topics: ['solar-thermal'] });
    const internship = await buildNeed(app, { kind: 'INTERNSHIP', topics: ['solar-thermal'] });
    const leads = async () =>
      (await gql(app, LEADS, { id: offer.id }, { token: school.owner.token })).data!.offer.leads.map(
        (l: { id: string }) => l.id,
      );
    expect(await leads()).toContain(wanted.id);
    expect(await leads()).not.toContain(internship.id);
    await gql(
      app,
      `mutation ($id: ID!) { closeNeed(id: $id) { state } }`,
      { id: wanted.id },
      { token: wanted.owner.token },
    );
    expect(await leads()).not.toContain(wanted.id);
  });

  it("a pool's leads are open placements of its kinds, with the poster's name where there is no company", async () => {
    const { createOffer, publishOffer } = await import('../offers/index.js');
    const educator = { ...school.owner, emailVerified: true };
    const draft = await createOffer(
      depsOf(app),
      educator,
      {
        kind: 'STUDENT_POOL',
        organisationId: school.id,
        title: 'Biokaasun opinnäytetyöntekijät',
        description: 'Insinööriopiskelijat etsivät opinnäytetyön aiheita.',
        language: 'fi',
        topics: ['biogas'],
        municipalityCode: '698',
        online: false,
        languages: ['fi'],
        studentCount: 5,
        periodStart: dateIn(30),
        periodEnd: dateIn(150),
        placementKinds: ['THESIS'],
        studyLevel: 'BACHELOR',
        fieldOfStudy: 'Energiatekniikka',
      },
      null,
    );
    const pool = await publishOffer(depsOf(app), educator, draft.id);
    const farmer = await buildUser(app, { roles: ['ENTREPRENEUR'], displayName: 'Biokaasutila Niemi' });
    const thesis = await buildNeed(
      app,
      { kind: 'THESIS', topics: ['biogas'], thesisLevel: 'BACHELOR' },
      { owner: farmer },
    );
    const internship = await buildNeed(app, { kind: 'INTERNSHIP', topics: ['biogas'] });
    const courseWanted = await courseNeed({ topics: ['biogas'] });
    const leads = async () => {
      const r = await gql(
        app,
        `query ($id: ID!) { offer(id: $id) { leads { id itemKind subtitle } } }`,
        { id: pool.id },
        { token: school.owner.token },
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data!.offer.leads as { id: string; itemKind: string; subtitle: string | null }[];
    };
    const found = await leads();
    expect(found).toContainEqual({ id: thesis.id, itemKind: 'THESIS', subtitle: 'Biokaasutila Niemi' });
    expect(found.map((l) => l.id)).not.toContain(internship.id);
    expect(found.map((l) => l.id)).not.toContain(courseWanted.id);
    await gql(app, `mutation ($id: ID!) { closeNeed(id: $id) { state } }`, { id: thesis.id }, { token: farmer.token });
    expect((await leads()).map((l) => l.id)).not.toContain(thesis.id);
  });
});

describe('who sees matches', () => {
  it("only the need's side and coordinators; the offer's organisation and coordinators", async () => {
    const need = await courseNeed({ topics: ['hvac'] });
    const offer = await course('Ilmanvaihto', ['hvac']);
    const stranger = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(codeOf(await gql(app, NEED_MATCHES, { id: need.id }, { token: stranger.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, NEED_MATCHES, { id: need.id }))).toBe('UNAUTHENTICATED');
    const asCoordinator = await gql(app, NEED_MATCHES, { id: need.id }, { token: coordinator.token });
    expect(asCoordinator.data!.need.matches.map((m: { id: string }) => m.id)).toContain(offer.id);
    expect(codeOf(await gql(app, LEADS, { id: offer.id }, { token: stranger.token }))).toBe('FORBIDDEN');
    expect((await gql(app, LEADS, { id: offer.id }, { token: coordinator.token })).errors).toBeUndefined();
    expect(codeOf(await gql(app, NEED_MATCHES, { id: need.id, first: 500 }, { token: coordinator.token }))).toBe(
      'VALIDATION',
    );
  });

  it('gives a student placements from their profile', async () => {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    await saveStudentProfile(
      depsOf(app),
      { ...student, emailVerified: true },
      {
        institutionName: 'Lapin yliopisto',
        fieldOfStudy: 'Energiaoikeus',
        studyLevel: 'MASTER',
        topics: ['permits-law'],
        languages: ['fi', 'en'],
        homeMunicipalityCode: '698',
        discoverable: false,
      },
    );
    const thesis = await buildNeed(app, {
      kind: 'THESIS',
      topics: ['permits-law'],
      thesisLevel: 'MASTER',
      payKind: 'PAID',
    });
    const r = await gql(app, `{ placementsForMe { id kind itemKind explanation } }`, {}, { token: student.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.placementsForMe).toContainEqual(
      expect.objectContaining({ id: thesis.id, kind: 'NEED', itemKind: 'THESIS' }),
    );
    const entrepreneur = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(codeOf(await gql(app, `{ placementsForMe { id } }`, {}, { token: entrepreneur.token }))).toBe('FORBIDDEN');
  });
});

describe("explanations in the asking page's language", () => {
  const MATCHES = `query ($id: ID!) { need(id: $id) { matches { id explanation inEnglish: explanation(locale: en) } } }`;

  it('follow Accept-Language unless the query names a language; without a known one, the account language', async () => {
    const need = await courseNeed({ topics: ['hvac'] });
    const offer = await course('Ilmanvaihdon perusteet', ['hvac']);
    const swedishCoordinator = await buildUser(app, { roles: ['COORDINATOR'], locale: 'sv' });
    const ask = async (headers: Record<string, string>, token = coordinator.token) => {
      const r = await gql(app, MATCHES, { id: need.id }, { token, headers });
      expect(r.errors).toBeUndefined();
      const match = r.data!.need.matches.find((m: { id: string }) => m.id === offer.id);
      expect(match).toBeDefined();
      return match as { explanation: string; inEnglish: string };
    };

    const fi = await ask({ 'accept-language': 'fi' });
    const sv = await ask({ 'accept-language': 'sv' });
    const en = await ask({ 'accept-language': 'en-GB,en;q=0.9' });
    expect(new Set([fi.explanation, sv.explanation, en.explanation]).size).toBe(3);
    // The argument wins over the header.
    expect(fi.inEnglish).toBe(en.explanation);
    expect(sv.inEnglish).toBe(en.explanation);
    // The Finnish page asks in Finnish even for a Swedish account (the page decides).
    expect((await ask({ 'accept-language': 'fi' }, swedishCoordinator.token)).explanation).toBe(fi.explanation);
    // An unknown language, or none, falls back to the account's language.
    expect((await ask({ 'accept-language': 'de' }, swedishCoordinator.token)).explanation).toBe(sv.explanation);
    expect((await ask({}, swedishCoordinator.token)).explanation).toBe(sv.explanation);
    expect((await ask({ 'accept-language': 'x'.repeat(2000) })).explanation).toBe(fi.explanation);
  });
});
