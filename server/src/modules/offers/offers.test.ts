import { randomUUID } from 'node:crypto';
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
import { courseSessions } from './tables.js';

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

describe('organised sessions', () => {
  const ORGANISED = `query ($days: Int) { organisedSessions(days: $days) {
    offer { id title state canEdit organisation { id } }
    session { id offerId startsAtLocal seatsTaken seatsFree waitlistCount takingRegistrations }
  } }`;
  const organised = async (who: TestUser | null, variables: Record<string, unknown> = {}) =>
    gql(app, ORGANISED, variables, who ? { token: who.token } : {});
  const sessionIdsOf = (r: Awaited<ReturnType<typeof organised>>) =>
    r.data!.organisedSessions.map((x: { session: { id: string } }) => x.session.id);
  /** A session on day `day` from now, 09:00–16:00 Helsinki time, registration open until the day before. */
  const onDay = (day: number, overrides: Record<string, unknown> = {}) =>
    sessionInput({
      startsAt: localIn(day, '09:00'),
      endsAt: localIn(day, '16:00'),
      registrationDeadline: localIn(day - 1, '12:00'),
      ...overrides,
    });
  const sessionsOf = async (offerId: string, who: TestUser) =>
    (
      await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: offerId }, { token: who.token })
    ).data!.offer.sessions.map((s: { id: string }) => s.id) as string[];

  let academy: Awaited<ReturnType<typeof buildOrganisation>>;
  let teacher: TestUser;
  let published: Awaited<ReturnType<typeof buildCourse>>;
  /** The published course's sessions: days 2 (one seat), 3 (moved to be under way), 5 (cancelled), 6, 9, 30 and 40. */
  let day2: string, underWay: string, day5: string, day6: string, day9: string, day30: string, day40: string;
  let draftDay4: string;
  let archivedDay3: string;
  let elsewhere: string;

  beforeAll(async () => {
    teacher = await buildUser(app, { roles: ['EDUCATOR'] });
    academy = await buildOrganisation(app, { kind: 'EDUCATIONAL', members: [teacher] });
    published = await buildCourse(
      app,
      { title: 'Lähiviikon kurssi' },
      {
        organisation: academy,
        sessions: [2, 3, 5, 6, 9, 30, 40].map((day) => onDay(day, day === 2 ? { seats: 1 } : {})),
      },
    );
    // Sessions come soonest first.
    const ids = await sessionsOf(published.id, teacher);
    expect(ids).toHaveLength(7);
    [day2, underWay, day5, day6, day9, day30, day40] = ids as [string, string, string, string, string, string, string];
    await app.db.execute(
      sql`update course_sessions set cancelled_at = now(), cancel_reason = 'SESSION_CANCELLED' where id = ${day5}`,
    );
    await app.db.execute(sql`update course_sessions
      set registration_deadline = now() - interval '2 hours', starts_at = now() - interval '1 hour',
          ends_at = now() + interval '2 hours'
      where id = ${underWay}`);
    const draft = await buildCourse(
      app,
      { title: 'Luonnoskurssi' },
      { organisation: academy, sessions: [onDay(4)], publish: false },
    );
    draftDay4 = (await sessionsOf(draft.id, teacher))[0]!;
    const archived = await buildCourse(
      app,
      { title: 'Arkistoitu kurssi' },
      { organisation: academy, sessions: [onDay(3)] },
    );
    archivedDay3 = (await sessionsOf(archived.id, teacher))[0]!;
    expect((await gql(app, ARCHIVE, { id: archived.id }, { token: academy.owner.token })).errors).toBeUndefined();
    // Registration open until the morning of its day: onDay's 'the day before at noon' is past after noon.
    const other = await buildCourse(
      app,
      { title: 'Toisen kurssi' },
      { sessions: [onDay(1, { registrationDeadline: localIn(1, '08:00') })] },
    );
    elsewhere = (await sessionsOf(other.id, other.org.owner))[0]!;
    // One seat taken and one waiting on the day-2 session.
    const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { state } }`;
    for (const whenShort of [null, 'JOIN_WAITLIST']) {
      const r = await gql(
        app,
        BOOK,
        { input: { sessionId: day2, idempotencyKey: randomUUID(), whenShort } },
        { token: (await buildUser(app)).token },
      );
      expect(r.errors).toBeUndefined();
    }
  });

  it("lists the next week's sessions of the viewer's organisations' courses, in any state, soonest first", async () => {
    for (const who of [academy.owner, teacher]) {
      const r = await organised(who);
      expect(r.errors).toBeUndefined();
      expect(sessionIdsOf(r)).toEqual([day2, archivedDay3, draftDay4, day6]);
      expect(r.data!.organisedSessions.map((x: { offer: { title: string } }) => x.offer.title)).toEqual([
        'Lähiviikon kurssi',
        'Arkistoitu kurssi',
        'Luonnoskurssi',
        'Lähiviikon kurssi',
      ]);
    }
    const [first] = (await organised(teacher)).data!.organisedSessions;
    expect(first).toEqual({
      offer: {
        id: published.id,
        title: 'Lähiviikon kurssi',
        state: 'PUBLISHED',
        canEdit: true,
        organisation: { id: academy.id },
      },
      session: {
        id: day2,
        offerId: published.id,
        startsAtLocal: localIn(2, '09:00'),
        seatsTaken: 1,
        seatsFree: 0,
        waitlistCount: 1,
        takingRegistrations: true,
      },
    });
    expect(
      (await organised(teacher)).data!.organisedSessions.find(
        (x: { session: { id: string } }) => x.session.id === draftDay4,
      ).offer.state,
    ).toBe('DRAFT');
  });

  it('looks as many days ahead as asked, 1 to 31, and leaves out cancelled sessions and those under way', async () => {
    expect(sessionIdsOf(await organised(teacher, { days: 10 }))).toEqual([day2, archivedDay3, draftDay4, day6, day9]);
    expect(sessionIdsOf(await organised(teacher, { days: 31 }))).toEqual([
      day2,
      archivedDay3,
      draftDay4,
      day6,
      day9,
      day30,
    ]);
    expect(sessionIdsOf(await organised(teacher, { days: 1 }))).toEqual([]);
    const all = sessionIdsOf(await organised(teacher, { days: 31 }));
    for (const id of [day5, underWay, day40]) expect(all).not.toContain(id);
  });

  it("shows nobody another organisation's sessions, and nothing to those without an organisation", async () => {
    const theirs = await organised(otherEducator, { days: 31 });
    expect(theirs.errors).toBeUndefined();
    expect(sessionIdsOf(theirs)).not.toContain(day2);
    for (const who of [academy.owner, teacher]) {
      expect(sessionIdsOf(await organised(who, { days: 31 }))).not.toContain(elsewhere);
    }
    // Coordinators too get only their own organisations' sessions here: they belong to none.
    for (const who of [student, coordinator]) {
      expect((await organised(who, { days: 31 })).data!.organisedSessions).toEqual([]);
    }
  });

  it('returns at most fifty, the soonest', async () => {
    const busy = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    const course = await buildCourse(app, {}, { organisation: busy, sessions: [onDay(6)] });
    const hour = 3_600_000;
    await app.db.insert(courseSessions).values(
      Array.from({ length: 55 }, (_, i) => {
        const startsAt = new Date(Date.now() + (i + 1) * hour);
        return {
          offerId: course.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + hour / 2),
          registrationDeadline: startsAt,
          seats: 5,
          priceCents: 0,
          language: 'fi',
        };
      }),
    );
    const list = (await organised(busy.owner)).data!.organisedSessions as { session: { startsAtLocal: string } }[];
    expect(list).toHaveLength(50);
    const starts = list.map((x) => x.session.startsAtLocal);
    expect(starts).toEqual([...starts].sort());
    // The day-6 session is later than the first fifty hourly ones.
    expect(starts.at(-1)! < localIn(6, '09:00')).toBe(true);
  });

  it('is for signed-in users, and refuses a number of days outside 1 to 31', async () => {
    expect(codeOf(await organised(null))).toBe('UNAUTHENTICATED');
    for (const [days, message] of [
      [0, 'validation.atLeastOne'],
      [-1, 'validation.atLeastOne'],
      [32, 'validation.tooLarge'],
      [1000, 'validation.tooLarge'],
    ] as const) {
      const r = await organised(teacher, { days });
      expect(codeOf(r), `days: ${days}`).toBe('VALIDATION');
      expect(r.errors![0]!.extensions.fields[0]).toMatchObject({ field: 'days', message });
    }
    // Beyond GraphQL's Int: refused before it runs, as a bad request.
    const huge = await organised(teacher, { days: 2 ** 31 });
    expect(huge.status).toBe(400);
    expect(codeOf(huge)).toBe('BAD_REQUEST');
  });
});
