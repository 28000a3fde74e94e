import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCourse,
  buildOrganisation,
  buildUser,
  courseInput,
  dateIn,
  localIn,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';

const FIELDS = `id kind state canEdit organisation { id } sessions { id startsAt startsAtLocal endsAtLocal registrationDeadline seats seatsFree priceCents takingRegistrations }`;
const CREATE = `mutation ($input: OfferInput!, $sessions: [SessionInput!]) { createOffer(input: $input, sessions: $sessions) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: OfferInput!) { updateOffer(id: $id, input: $input) { id title } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { state } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveOffer(id: $id) { state } }`;
const ADD = `mutation ($id: ID!, $input: SessionInput!) { addSession(offerId: $id, input: $input) { id seats } }`;
const UPDATE_SESSION = `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id seats } }`;
const REMOVE_SESSION = `mutation ($id: ID!) { removeSession(id: $id) }`;
const READ = `query ($id: ID!) { offer(id: $id) { ${FIELDS} } }`;
const SEARCH = `query ($text: String!) { search(filter: { text: $text }) { nodes { id priceCents seatsFree nextStartsAt } } }`;

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let colleague: TestUser;
let otherEducator: TestUser;
let entrepreneur: TestUser;
let coordinator: TestUser;
let student: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  colleague = await buildUser(app, { roles: ['EDUCATOR'] });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL', members: [colleague] });
  otherEducator = (await buildOrganisation(app, { kind: 'TRAINING_BODY' })).owner;
  entrepreneur = (await buildOrganisation(app)).owner;
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  student = await buildUser(app, { roles: ['STUDENT'] });
});
afterAll(() => app.closeAndDrop());

async function draftCourse(
  sessions = [
    sessionInput(),
    sessionInput({
      startsAt: localIn(70),
      endsAt: localIn(70, '15:00'),
      registrationDeadline: localIn(65),
      priceCents: 8_000,
      seats: 10,
    }),
  ],
) {
  const r = await gql(
    app,
    CREATE,
    { input: courseInput(school.id, { title: 'Tulityökorttikoulutus' }), sessions },
    { token: school.owner.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createOffer;
}

describe('courses', () => {
  it('publishes a course with two sessions into search, with its cheapest price and free seats', async () => {
    const course = await draftCourse();
    expect(course).toMatchObject({ kind: 'COURSE', state: 'DRAFT', canEdit: true });
    expect(course.sessions).toHaveLength(2);
    expect(course.sessions[0].startsAtLocal).toBe(localIn(40, '09:00'));
    expect((await gql(app, SEARCH, { text: 'tulityökortti' })).data!.search.nodes).toEqual([]);
    expect((await gql(app, PUBLISH, { id: course.id }, { token: colleague.token })).data!.publishOffer.state).toBe(
      'PUBLISHED',
    );
    const [hit] = (await gql(app, SEARCH, { text: 'tulityökortti' })).data!.search.nodes;
    expect(hit).toMatchObject({
      id: course.id,
      priceCents: 8_000,
      seatsFree: 30,
      nextStartsAt: course.sessions[0].startsAt,
    });
  });

  it('stores session times as Helsinki wall-clock times, across daylight saving', async () => {
    const y = new Date().getFullYear() + 1;
    const course = await draftCourse([
      sessionInput({
        startsAt: `${y}-06-15T09:00`,
        endsAt: `${y}-06-15T16:00`,
        registrationDeadline: `${y}-06-10T12:00`,
      }),
      sessionInput({
        startsAt: `${y}-12-15T09:00`,
        endsAt: `${y}-12-15T16:00`,
        registrationDeadline: `${y}-12-10T12:00`,
      }),
    ]);
    // Summer time is UTC+3, winter time UTC+2.
    expect(course.sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      `${y}-06-15T06:00:00.000Z`,
      `${y}-12-15T07:00:00.000Z`,
    ]);
  });

  it('needs a session before publishing, and refuses sessions whose registration has closed', async () => {
    const empty = await draftCourse([]);
    const r = await gql(app, PUBLISH, { id: empty.id }, { token: school.owner.token });
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: 'sessions', message: 'validation.sessionsRequired' }]);
    const past = await gql(
      app,
      ADD,
      {
        id: empty.id,
        input: sessionInput({ startsAt: localIn(-1), endsAt: localIn(-1, '12:00'), registrationDeadline: localIn(-2) }),
      },
      { token: school.owner.token },
    );
    expect(past.errors![0]!.extensions.fields).toEqual([
      { field: 'registrationDeadline', message: 'validation.inPast' },
    ]);
    const bad = await gql(
      app,
      ADD,
      {
        id: empty.id,
        input: sessionInput({
          endsAt: localIn(40, '08:00'),
          registrationDeadline: localIn(41),
          municipalityCode: null,
          onlineUrl: null,
        }),
      },
      { token: school.owner.token },
    );
    const fields = bad
      .errors![0]!.extensions.fields.map((f: { field: string; message: string }) => `${f.field}:${f.message}`)
      .sort();
    expect(fields).toEqual([
      'endsAt:validation.endBeforeStart',
      'municipalityCode:validation.placeOrOnline',
      'registrationDeadline:validation.deadlineAfterStart',
    ]);
  });

  it('never lets capacity fall below the seats taken', async () => {
    const course = await draftCourse();
    const session = course.sessions[0];
    await app.db.execute(sql`update course_sessions set seats_taken = 15 where id = ${session.id}`);
    const r = await gql(
      app,
      UPDATE_SESSION,
      { id: session.id, input: sessionInput({ seats: 10 }) },
      { token: school.owner.token },
    );
    expect(r.errors![0]!.extensions.fields[0]).toMatchObject({ field: 'seats', message: 'validation.seatsBelowTaken' });
    expect(
      (
        await gql(
          app,
          UPDATE_SESSION,
          { id: session.id, input: sessionInput({ seats: 15 }) },
          { token: school.owner.token },
        )
      ).data!.updateSession.seats,
    ).toBe(15);
    expect(codeOf(await gql(app, REMOVE_SESSION, { id: session.id }, { token: school.owner.token }))).toBe(
      'SESSION_IN_USE',
    );
  });

  it('keeps the last session of a published course', async () => {
    const course = await buildCourse(app, {}, { organisation: school });
    const [only] = (await gql(app, READ, { id: course.id })).data!.offer.sessions;
    const r = await gql(app, REMOVE_SESSION, { id: only.id }, { token: school.owner.token });
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: 'sessions', message: 'validation.lastSession' }]);
  });

  it('archives a course out of search; archived offers change no more', async () => {
    const course = await buildCourse(app, { title: 'Arkistoitava biokaasukurssi' }, { organisation: school });
    expect((await gql(app, ARCHIVE, { id: course.id }, { token: school.owner.token })).data!.archiveOffer.state).toBe(
      'ARCHIVED',
    );
    expect((await gql(app, SEARCH, { text: 'arkistoitava' })).data!.search.nodes).toEqual([]);
    expect(codeOf(await gql(app, PUBLISH, { id: course.id }, { token: school.owner.token }))).toBe('INVALID_STATE');
    expect(codeOf(await gql(app, ADD, { id: course.id, input: sessionInput() }, { token: school.owner.token }))).toBe(
      'INVALID_STATE',
    );
    expect(
      codeOf(await gql(app, UPDATE, { id: course.id, input: courseInput(school.id) }, { token: school.owner.token })),
    ).toBe('INVALID_STATE');
  });
});

describe('student pools', () => {
  const pool = (overrides: Record<string, unknown> = {}) => ({
    kind: 'STUDENT_POOL',
    organisationId: school.id,
    title: '12 energiatekniikan opiskelijaa etsii harjoittelupaikkaa',
    description: 'Toisen vuoden opiskelijat, kesä–elokuu.',
    language: 'fi',
    topics: ['energy-audits'],
    municipalityCode: '698',
    languages: ['fi', 'en'],
    studentCount: 12,
    periodStart: dateIn(100),
    periodEnd: dateIn(190),
    placementKinds: ['INTERNSHIP', 'SUMMER_JOB'],
    studyLevel: 'BACHELOR',
    fieldOfStudy: 'Energiatekniikka',
    ...overrides,
  });

  it('publishes a pool with its count, period and placement kinds', async () => {
    const r = await gql(app, CREATE, { input: pool() }, { token: colleague.token });
    const id = r.data!.createOffer.id;
    await gql(app, PUBLISH, { id }, { token: colleague.token });
    const found = await gql(app, `{ search(filter: { kinds: [STUDENT_POOL] }) { nodes { id periodStart } } }`);
    expect(found.data!.search.nodes).toEqual([{ id, periodStart: dateIn(100) }]);
  });

  it('requires what a pool is about', async () => {
    const r = await gql(
      app,
      CREATE,
      { input: pool({ studentCount: null, placementKinds: [], periodStart: null }) },
      { token: colleague.token },
    );
    expect(r.errors![0]!.extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'periodStart',
      'placementKinds',
      'studentCount',
    ]);
  });
});

describe('authorisation matrix', () => {
  it('lets only members of an educational organisation publish its offers', async () => {
    for (const who of [otherEducator, entrepreneur, student, coordinator]) {
      expect(
        codeOf(
          await gql(app, CREATE, { input: courseInput(school.id), sessions: [sessionInput()] }, { token: who.token }),
        ),
      ).toBe('FORBIDDEN');
    }
    const company = await buildOrganisation(app);
    expect(
      codeOf(await gql(app, CREATE, { input: courseInput(company.id), sessions: [] }, { token: company.owner.token })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, CREATE, { input: courseInput(school.id) }))).toBe('UNAUTHENTICATED');
  });

  it('shows drafts only to the organisation and staff, published offers to all', async () => {
    const draft = await draftCourse();
    const sees = async (who?: TestUser) => (await gql(app, READ, { id: draft.id }, { token: who?.token })).data!.offer;
    for (const who of [undefined, otherEducator, entrepreneur, student]) expect(await sees(who)).toBeNull();
    expect(await sees(colleague)).toMatchObject({ canEdit: true });
    expect(await sees(coordinator)).toMatchObject({ canEdit: true });
    await gql(app, PUBLISH, { id: draft.id }, { token: school.owner.token });
    for (const who of [undefined, otherEducator, entrepreneur, student])
      expect(await sees(who)).toMatchObject({ canEdit: false });
  });

  it('lets only the organisation and coordinators change an offer and its sessions', async () => {
    const course = await buildCourse(app, {}, { organisation: school });
    const [session] = (await gql(app, READ, { id: course.id })).data!.offer.sessions;
    for (const who of [otherEducator, entrepreneur, student]) {
      expect(
        codeOf(await gql(app, UPDATE, { id: course.id, input: courseInput(school.id) }, { token: who.token })),
      ).toBe('FORBIDDEN');
      expect(codeOf(await gql(app, ADD, { id: course.id, input: sessionInput() }, { token: who.token }))).toBe(
        'FORBIDDEN',
      );
      expect(
        codeOf(await gql(app, UPDATE_SESSION, { id: session.id, input: sessionInput() }, { token: who.token })),
      ).toBe('FORBIDDEN');
      expect(codeOf(await gql(app, ARCHIVE, { id: course.id }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(
      (
        await gql(
          app,
          UPDATE,
          { id: course.id, input: courseInput(school.id, { title: 'Koordinaattorin korjaama' }) },
          { token: coordinator.token },
        )
      ).data!.updateOffer.title,
    ).toBe('Koordinaattorin korjaama');
    const moved = await gql(
      app,
      UPDATE,
      { id: course.id, input: courseInput(entrepreneur.id) },
      { token: school.owner.token },
    );
    expect(codeOf(moved)).toBe('VALIDATION');
  });

  it("lists in My offers only the viewer's organisations' offers", async () => {
    const mine = await draftCourse();
    const theirs = await buildCourse(app);
    const ids = (
      await gql(app, `{ myOffers(first: 100) { nodes { id } } }`, {}, { token: colleague.token })
    ).data!.myOffers.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
  });
});

describe('keeping search fresh', () => {
  it("drops a session from the course's price and seats once its registration closes", async () => {
    const { refreshStaleCourses } = await import('./jobs.js');
    const course = await buildCourse(
      app,
      { title: 'Tuoreena pysyvä lämpöpumppukurssi' },
      {
        organisation: school,
        sessions: [
          sessionInput({ priceCents: 1_000, seats: 5 }),
          sessionInput({
            startsAt: localIn(80),
            endsAt: localIn(80, '15:00'),
            registrationDeadline: localIn(75),
            priceCents: 9_000,
            seats: 7,
          }),
        ],
      },
    );
    const first = async () => (await gql(app, SEARCH, { text: 'tuoreena' })).data!.search.nodes[0];
    expect(await first()).toMatchObject({ priceCents: 1_000, seatsFree: 12 });
    // The cheaper session's registration closes.
    await app.db.execute(
      sql`update course_sessions set registration_deadline = now() - interval '1 minute', starts_at = now() + interval '1 day', ends_at = now() + interval '2 days' where offer_id = ${course.id} and price_cents = 1000`,
    );
    await app.db.execute(sql`update search_items set refresh_at = now() - interval '1 minute' where id = ${course.id}`);
    expect(await refreshStaleCourses(app.db)).toBeGreaterThanOrEqual(1);
    expect(await first()).toMatchObject({ priceCents: 9_000, seatsFree: 7 });
  });
});
