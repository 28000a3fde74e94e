/**
 * Input hygiene through the API (issue 12, section 6): text with control characters, bidirectional
 * overrides or broken surrogates, forged cursors, impossible dates and lists longer or other than
 * the shared data allows are all VALIDATION errors naming the field, never INTERNAL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  courseInput,
  needInput,
  type TestUser,
} from './test/factories.js';
import { buildTestApp, gql, type GqlResult, type TestApp } from './test/helper.js';

let app: TestApp;
let admin: TestUser;
let coordinator: TestUser;
let student: TestUser;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let need: Awaited<ReturnType<typeof buildNeed>>;
let applicationId: string;
let sessionId: string;

beforeAll(async () => {
  app = await buildTestApp();
  admin = await buildUser(app, { roles: ['ADMIN'] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  student = await buildUser(app, { roles: ['STUDENT'] });
  company = await buildOrganisation(app, { kind: 'COMPANY' });
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  need = await buildNeed(app, {}, { owner: company.owner });
  applicationId = (await buildApplication(app, need, { student })).id;
  const course = await buildCourse(app, {}, { organisation: school });
  const read = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  if (!read.data) throw new Error(read.body);
  sessionId = read.data.offer.sessions[0].id;
});
afterAll(() => app.closeAndDrop());

/** The fields a VALIDATION error names, or the error code when it is something else. */
function invalidFields(result: GqlResult): string[] | string {
  const error = result.errors?.[0];
  if (!error) return 'no error';
  if (error.extensions.code !== 'VALIDATION') return error.extensions.code;
  return (error.extensions.fields as { field: string }[]).map((f) => f.field);
}

const BAD_TEXT = {
  NUL: 'Teksti\u0000jatkuu',
  BEL: 'Teksti\u0007jatkuu',
  ESC: 'Teksti\u001b[2Jjatkuu',
  'C1 control': 'Teksti\u0085jatkuu',
  'right-to-left override': 'Lasku\u202efdp.exe',
  'lone surrogate': 'Teksti\ud800jatkuu',
};

/** Real mutations (and searches), each putting `value` into one text field. */
const TEXT_INPUTS: {
  name: string;
  field: string;
  multiLine?: boolean;
  send: (value: string) => Promise<GqlResult>;
}[] = [
  {
    name: 'sign-up name',
    field: 'displayName',
    send: (value) =>
      gql(app, `mutation ($input: SignUpInput!) { signUp(input: $input) }`, {
        input: {
          email: `new-${randomUUID()}@example.fi`,
          password: 'hyvä salasana 1',
          displayName: value,
          role: 'STUDENT',
          locale: 'fi',
        },
      }),
  },
  {
    name: 'profile name',
    field: 'displayName',
    send: (value) =>
      gql(
        app,
        `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`,
        { input: { displayName: value, locale: 'fi' } },
        { token: student.token },
      ),
  },
  {
    name: 'organisation name',
    field: 'name',
    send: (value) =>
      gql(
        app,
        `mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { id } }`,
        { input: { name: value, kind: 'EDUCATIONAL', municipalityCode: '698' } },
        { token: (company.owner as TestUser).token },
      ),
  },
  {
    name: 'organisation description',
    field: 'description',
    multiLine: true,
    send: (value) =>
      gql(
        app,
        `mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { id } }`,
        { input: { name: 'Kurssitalo', kind: 'EDUCATIONAL', municipalityCode: '698', description: value } },
        { token: (company.owner as TestUser).token },
      ),
  },
  {
    name: 'need title',
    field: 'title',
    send: (value) =>
      gql(
        app,
        `mutation ($input: NeedInput!) { createNeed(input: $input) { id } }`,
        { input: needInput({ title: value }) },
        { token: company.owner.token },
      ),
  },
  {
    name: 'need description',
    field: 'description',
    multiLine: true,
    send: (value) =>
      gql(
        app,
        `mutation ($input: NeedInput!) { createNeed(input: $input) { id } }`,
        { input: needInput({ description: value }) },
        { token: company.owner.token },
      ),
  },
  {
    name: 'offer title',
    field: 'title',
    send: (value) =>
      gql(
        app,
        `mutation ($input: OfferInput!) { createOffer(input: $input) { id } }`,
        { input: courseInput(school.id, { title: value }) },
        { token: school.owner.token },
      ),
  },
  {
    name: 'offer description',
    field: 'description',
    multiLine: true,
    send: (value) =>
      gql(
        app,
        `mutation ($input: OfferInput!) { createOffer(input: $input) { id } }`,
        { input: courseInput(school.id, { description: value }) },
        { token: school.owner.token },
      ),
  },
  {
    name: 'student profile introduction',
    field: 'introduction',
    multiLine: true,
    send: (value) =>
      gql(
        app,
        `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId } }`,
        {
          input: {
            institutionName: 'Lapin ammattikorkeakoulu',
            fieldOfStudy: 'Energiatekniikka',
            studyLevel: 'BACHELOR',
            topics: ['solar-pv'],
            languages: ['fi'],
            homeMunicipalityCode: '698',
            introduction: value,
            discoverable: false,
          },
        },
        { token: student.token },
      ),
  },
  {
    name: 'student profile institution',
    field: 'institutionName',
    send: (value) =>
      gql(
        app,
        `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId } }`,
        {
          input: {
            institutionName: value,
            fieldOfStudy: 'Energiatekniikka',
            studyLevel: 'BACHELOR',
            topics: ['solar-pv'],
            languages: ['fi'],
            discoverable: false,
          },
        },
        { token: student.token },
      ),
  },
  {
    name: 'cover letter',
    field: 'coverLetter',
    multiLine: true,
    send: async (value) => {
      const other = await buildNeed(app, {}, { owner: company.owner });
      return gql(
        app,
        `mutation ($input: ApplyInput!) { applyToNeed(input: $input) { id } }`,
        { input: { needId: other.id, coverLetter: value } },
        { token: student.token },
      );
    },
  },
  {
    name: 'message',
    field: 'body',
    multiLine: true,
    send: (value) =>
      gql(
        app,
        `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: APPLICATION, subjectId: $id, body: $body) { id } }`,
        { id: applicationId, body: value },
        { token: student.token },
      ),
  },
  {
    name: 'booking participant name',
    field: 'participants.0.name',
    send: (value) =>
      gql(
        app,
        `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
        {
          input: {
            sessionId,
            idempotencyKey: randomUUID(),
            participants: [{ name: value, email: 'osallistuja@example.fi' }],
          },
        },
        { token: student.token },
      ),
  },
  {
    name: 'saved search name',
    field: 'name',
    send: (value) =>
      gql(
        app,
        `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`,
        { input: { name: value, path: '/search', filter: {}, alert: 'NONE' } },
        { token: student.token },
      ),
  },
  {
    name: 'search words',
    field: 'text',
    send: (value) =>
      gql(app, `query ($text: String) { search(filter: { text: $text }) { totalCount } }`, { text: value }),
  },
  {
    name: "admin's user search",
    field: 'search',
    send: (value) =>
      gql(app, `query ($s: String) { users(search: $s) { totalCount } }`, { s: value }, { token: admin.token }),
  },
  {
    name: 'organisation search',
    field: 'search',
    send: (value) =>
      gql(
        app,
        `query ($s: String) { organisations(search: $s) { totalCount } }`,
        { s: value },
        { token: coordinator.token },
      ),
  },
];

describe('text inputs', () => {
  for (const input of TEXT_INPUTS) {
    it.each(Object.entries(BAD_TEXT))(`${input.name}: refuses %s`, async (_what, value) => {
      expect(invalidFields(await input.send(value))).toEqual([input.field]);
    });
  }

  it.each(TEXT_INPUTS.filter((i) => !i.multiLine))('$name: refuses a line break in one line', async (input) => {
    expect(invalidFields(await input.send('Ensimmäinen\nToinen'))).toEqual([input.field]);
  });

  it('keeps line breaks and tabs in a multi-line text, as \\n', async () => {
    const body = 'Hei,\r\n\r\n\tkiitos hakemuksesta!\rTerveisin';
    const r = await gql(
      app,
      `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: APPLICATION, subjectId: $id, body: $body) { body } }`,
      { id: applicationId, body },
      { token: student.token },
    );
    expect(r.data?.sendMessage.body).toBe('Hei,\n\n\tkiitos hakemuksesta!\nTerveisin');
  });
});

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const ID = randomUUID();
const WHEN = '2026-03-01T10:00:00.000Z';

/** Cursors no list made: not base64url, not JSON, the wrong shape, or the right shape with wrong values. */
const FORGED_SHAPE = {
  'not base64url': 'not a cursor!',
  'not JSON': b64('{"oops'),
  'an object': b64({ id: ID }),
  'too long a key': b64([WHEN, ID, ID]),
  'numbers for strings': b64([1, 2]),
  'an id that is no UUID': b64([WHEN, "x' or 1=1 --"]),
  'far too long': 'A'.repeat(2000),
};
/** Lists ordered by a time and an id (and search, whose first key is a time or a number). */
const FORGED_TIMESTAMP = {
  ...FORGED_SHAPE,
  'February 30th': b64(['2026-02-30T10:00:00.000Z', ID]),
  'month 13': b64(['2026-13-01T10:00:00.000Z', ID]),
  'hour 25': b64(['2026-03-01T25:00:00.000Z', ID]),
  'a date that is words': b64(['yesterday', ID]),
};
/** Organisations, ordered by name and id. */
const FORGED_TEXT = {
  ...FORGED_SHAPE,
  'NUL in the name': b64(['\u0000', ID]),
  'a broken surrogate': b64(['\ud800', ID]),
};
const FORGED_ID = {
  'not base64url': 'not a cursor!',
  'an id that is no UUID': b64(['not-a-uuid']),
  'a number': b64([42]),
  'two keys': b64([ID, ID]),
};

const LISTS: { name: string; query: string; who: () => TestUser | null; variables?: () => Record<string, unknown> }[] =
  [
    { name: 'users', query: `query ($after: String) { users(after: $after) { totalCount } }`, who: () => admin },
    {
      name: 'organisations',
      query: `query ($after: String) { organisations(after: $after) { totalCount } }`,
      who: () => coordinator,
    },
    {
      name: 'my needs',
      query: `query ($after: String) { myNeeds(after: $after) { totalCount } }`,
      who: () => company.owner,
    },
    {
      name: 'my offers',
      query: `query ($after: String) { myOffers(after: $after) { totalCount } }`,
      who: () => school.owner,
    },
    {
      name: 'my bookings',
      query: `query ($after: String) { myBookings(after: $after) { totalCount } }`,
      who: () => student,
    },
    {
      name: 'notifications',
      query: `query ($after: String) { notifications(after: $after) { totalCount } }`,
      who: () => company.owner,
    },
    {
      name: 'my applications',
      query: `query ($after: String) { myApplications(after: $after) { totalCount } }`,
      who: () => student,
    },
    {
      name: "a need's applications",
      query: `query ($id: ID!, $after: String) { needApplications(needId: $id, after: $after) { totalCount } }`,
      who: () => company.owner,
      variables: () => ({ id: need.id }),
    },
    {
      name: 'my conversations',
      query: `query ($after: String) { myConversations(after: $after) { totalCount } }`,
      who: () => student,
    },
    {
      name: "a conversation's messages",
      query: `query ($id: ID!, $after: String) { conversation(subjectKind: APPLICATION, subjectId: $id) { messages(after: $after) { totalCount } } }`,
      who: () => student,
      variables: () => ({ id: applicationId }),
    },
    {
      name: 'my proposals',
      query: `query ($after: String) { myProposals(after: $after) { totalCount } }`,
      who: () => coordinator,
    },
    {
      name: 'brokering queue',
      query: `query ($after: String) { brokeringQueue(after: $after) { totalCount } }`,
      who: () => coordinator,
    },
    ...(['RELEVANCE', 'NEWEST', 'SOONEST', 'NEAREST'] as const).map((sort) => ({
      name: `search by ${sort}`,
      query: `query ($after: String, $sort: SearchSort) { search(filter: { text: "aurinko", near: "698" }, sort: $sort, after: $after) { totalCount } }`,
      who: () => null,
      variables: () => ({ sort }),
    })),
  ];

describe('cursors', () => {
  for (const list of LISTS) {
    const forged =
      list.name === 'organisations'
        ? FORGED_TEXT
        : /users|my needs|my offers|my bookings|notifications|search/.test(list.name)
          ? FORGED_TIMESTAMP
          : FORGED_ID;
    it.each(Object.entries(forged))(`${list.name}: a cursor with %s is VALIDATION`, async (_what, after) => {
      const who = list.who();
      const r = await gql(app, list.query, { ...list.variables?.(), after }, who ? { token: who.token } : {});
      expect(invalidFields(r)).toEqual(['after']);
    });
  }

  it('takes the cursors the lists make, page after page', async () => {
    for (let i = 0; i < 3; i++) await buildNeed(app, { title: `Sivutettava tarve ${i}` }, { owner: company.owner });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GqlResult = await gql(
        app,
        `query ($after: String) { myNeeds(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token: company.owner.token },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.myNeeds.nodes.map((n: { id: string }) => n.id));
      after = page.data!.myNeeds.pageInfo.hasNextPage ? page.data!.myNeeds.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it.each(['RELEVANCE', 'NEWEST', 'SOONEST', 'NEAREST'])('search by %s pages with its own cursors', async (sort) => {
    for (let i = 0; i < 2; i++) await buildCourse(app, { title: `Aurinkokurssi ${i}` }, { organisation: school });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GqlResult = await gql(
        app,
        `query ($after: String, $sort: SearchSort) { search(filter: { text: "aurinko", near: "698" }, sort: $sort, first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after, sort },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.search.nodes.map((n: { id: string }) => n.id));
      after = page.data!.search.pageInfo.hasNextPage ? page.data!.search.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it("a cursor of one search order is refused by another's", async () => {
    const first = await gql(
      app,
      `{ search(filter: { text: "aurinko" }, sort: RELEVANCE, first: 1) { pageInfo { endCursor } } }`,
    );
    const cursor = first.data!.search.pageInfo.endCursor as string;
    const r = await gql(app, `query ($after: String) { search(sort: NEWEST, after: $after) { totalCount } }`, {
      after: cursor,
    });
    expect(invalidFields(r)).toEqual(['after']);
  });
});

describe('dates', () => {
  const IMPOSSIBLE = ['2026-02-30', '2026-13-01', '2026-04-31', '2026-00-01'];

  it.each(IMPOSSIBLE)('a need period starting %s is VALIDATION', async (day) => {
    const r = await gql(
      app,
      `mutation ($input: NeedInput!) { createNeed(input: $input) { id } }`,
      { input: needInput({ periodStart: day }) },
      { token: company.owner.token },
    );
    expect(invalidFields(r)).toContain('periodStart');
  });

  it.each(IMPOSSIBLE)('a session starting %s is VALIDATION', async (day) => {
    const r = await gql(
      app,
      `mutation ($id: ID!, $input: SessionInput!) { addSession(offerId: $id, input: $input) { id } }`,
      {
        id: (await buildCourse(app, {}, { organisation: school, publish: false })).id,
        input: {
          startsAt: `${day}T09:00`,
          endsAt: `${day}T16:00`,
          registrationDeadline: `${day}T08:00`,
          municipalityCode: '698',
          seats: 10,
          priceCents: 0,
          language: 'fi',
        },
      },
      { token: school.owner.token },
    );
    expect(invalidFields(r)).toEqual(expect.arrayContaining(['startsAt', 'endsAt', 'registrationDeadline']));
  });

  it.each(IMPOSSIBLE)('a profile available from %s is VALIDATION', async (day) => {
    const r = await gql(
      app,
      `mutation ($input: StudentProfileInput!) { saveStudentProfile(input: $input) { userId } }`,
      {
        input: {
          institutionName: 'Lapin AMK',
          fieldOfStudy: 'Energiatekniikka',
          studyLevel: 'BACHELOR',
          topics: [],
          languages: ['fi'],
          availableFrom: day,
          discoverable: false,
        },
      },
      { token: student.token },
    );
    expect(invalidFields(r)).toEqual(['availableFrom']);
  });

  it.each(IMPOSSIBLE)('a search from %s is VALIDATION', async (day) => {
    const r = await gql(
      app,
      `query ($day: String) { search(filter: { periodFrom: $day, periodTo: $day }) { totalCount } }`,
      {
        day,
      },
    );
    expect(invalidFields(r)).toEqual(['periodFrom', 'periodTo']);
  });
});

describe('lists', () => {
  it('search filters take only topics and municipalities that exist, and no more of them than exist', async () => {
    const r = await gql(app, `query ($filter: SearchFilter) { search(filter: $filter) { totalCount } }`, {
      filter: {
        topics: ['solar-pv', 'no-such-topic'],
        municipalityCodes: ['698', '091'],
        kinds: ['COURSE', 'COURSE', 'COURSE', 'COURSE', 'COURSE', 'COURSE'],
        languages: ['fi', 'fi', 'fi', 'fi'],
      },
    });
    expect(invalidFields(r)).toEqual(['kinds', 'topics', 'municipalityCodes', 'languages']);
    const many = await gql(app, `query ($filter: SearchFilter) { search(filter: $filter) { totalCount } }`, {
      filter: { topics: Array(51).fill('solar-pv'), municipalityCodes: Array(22).fill('698') },
    });
    expect(invalidFields(many)).toEqual(['topics', 'municipalityCodes']);
  });

  it('a saved search is checked the same way', async () => {
    const r = await gql(
      app,
      `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`,
      { input: { name: 'Aurinko', path: '/search', filter: { topics: ['no-such-topic'] }, alert: 'NONE' } },
      { token: student.token },
    );
    expect(invalidFields(r)).toEqual(['topics']);
  });

  it('needs, offers and profiles take only topics and municipalities that exist, and a bounded number', async () => {
    const need = await gql(
      app,
      `mutation ($input: NeedInput!) { createNeed(input: $input) { id } }`,
      { input: needInput({ topics: ['solar-pv', 'no-such-topic'], municipalityCode: '091' }) },
      { token: company.owner.token },
    );
    expect(invalidFields(need)).toEqual(['topics.1', 'municipalityCode']);
    const offer = await gql(
      app,
      `mutation ($input: OfferInput!) { createOffer(input: $input) { id } }`,
      { input: courseInput(school.id, { topics: Array(11).fill('solar-pv') }) },
      { token: school.owner.token },
    );
    expect(invalidFields(offer)).toEqual(['topics']);
  });

  it('a course is created with at most 100 sessions at once', async () => {
    const session = {
      startsAt: '2027-03-01T09:00',
      endsAt: '2027-03-01T16:00',
      registrationDeadline: '2027-02-20T12:00',
      municipalityCode: '698',
      seats: 10,
      priceCents: 0,
      language: 'fi',
    };
    const r = await gql(
      app,
      `mutation ($input: OfferInput!, $sessions: [SessionInput!]) { createOffer(input: $input, sessions: $sessions) { id } }`,
      { input: courseInput(school.id), sessions: Array(101).fill(session) },
      { token: school.owner.token },
    );
    expect(invalidFields(r)).toEqual(['sessions']);
  });

  it('marking notifications read takes at most a page of ids', async () => {
    const r = await gql(
      app,
      `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids: Array.from({ length: 101 }, () => randomUUID()) },
      { token: student.token },
    );
    expect(invalidFields(r)).toEqual(['ids']);
  });
});
