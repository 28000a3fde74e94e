import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNeed, buildOrganisation, buildUser, dateIn, needInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, pageOneByOne, type TestApp } from '../../test/helper.js';
import { expireNeeds } from './jobs.js';
import { needs } from './tables.js';

const FIELDS = `id kind state title canEdit organisation { id name } payKind payAmountCents budgetCents thesisLevel applicationDeadline publishedAt`;
const CREATE = `mutation ($input: NeedInput!) { createNeed(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation ($id: ID!) { publishNeed(id: $id) { state publishedAt } }`;
const CLOSE = `mutation ($id: ID!) { closeNeed(id: $id) { state closedAt } }`;
const DELETE = `mutation ($id: ID!) { deleteNeed(id: $id) }`;
const READ = `query ($id: ID!) { need(id: $id) { id state canEdit } }`;
const SEARCH_IDS = `query ($text: String) { search(filter: { text: $text }, first: 100) { nodes { id } } }`;

let app: TestApp;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let colleague: TestUser;
let otherEntrepreneur: TestUser;
let student: TestUser;
let educator: TestUser;
let coordinator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  colleague = await buildUser(app, { roles: ['ENTREPRENEUR'] });
  company = await buildOrganisation(app, { members: [colleague] });
  otherEntrepreneur = (await buildOrganisation(app)).owner;
  student = await buildUser(app, { roles: ['STUDENT'] });
  educator = await buildUser(app, { roles: ['EDUCATOR'] });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
  admin = await buildUser(app, { roles: ['ADMIN'] });
});
afterAll(() => app.closeAndDrop());

const inSearch = async (id: string, text = 'harjoittelija') =>
  ((await gql(app, SEARCH_IDS, { text })).data!.search.nodes as { id: string }[]).some((n) => n.id === id);

async function companyDraft(overrides: Record<string, unknown> = {}) {
  const r = await gql(
    app,
    CREATE,
    { input: needInput({ organisationId: company.id, ...overrides }) },
    { token: company.owner.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createNeed;
}

describe('posting', () => {
  it('saves a draft for the company, publishes it into search, and closes it out of search', async () => {
    const draft = await companyDraft();
    expect(draft).toMatchObject({ state: 'DRAFT', canEdit: true, organisation: { id: company.id }, publishedAt: null });
    expect(await inSearch(draft.id)).toBe(false);
    expect((await gql(app, PUBLISH, { id: draft.id }, { token: company.owner.token })).data!.publishNeed.state).toBe(
      'OPEN',
    );
    expect(await inSearch(draft.id)).toBe(true);
    expect((await gql(app, CLOSE, { id: draft.id }, { token: colleague.token })).data!.closeNeed.state).toBe('CLOSED');
    expect(await inSearch(draft.id)).toBe(false);
  });

  it('lets a would-be entrepreneur without a company post as a person', async () => {
    const person = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const r = await gql(
      app,
      CREATE,
      { input: needInput({ kind: 'COURSE', payKind: null, budgetCents: 150_000 }) },
      { token: person.token },
    );
    expect(r.data!.createNeed).toMatchObject({
      kind: 'COURSE',
      organisation: null,
      budgetCents: 150_000,
      payKind: null,
    });
  });

  it('keeps only the fields of the kind', async () => {
    const thesis = await companyDraft({
      kind: 'THESIS',
      thesisLevel: 'MASTER',
      budgetCents: 99,
      payKind: 'UNPAID',
      payAmountCents: 5,
    });
    expect(thesis).toMatchObject({ thesisLevel: 'MASTER', budgetCents: null, payKind: 'UNPAID', payAmountCents: null });
  });

  it('explains what is missing or wrong, field by field, and saves nothing', async () => {
    const r = await gql(
      app,
      CREATE,
      {
        input: needInput({
          topics: ['not-a-topic'],
          municipalityCode: null,
          remote: false,
          periodEnd: dateIn(1),
          applicationDeadline: null,
          payKind: null,
          title: ' ',
        }),
      },
      { token: company.owner.token },
    );
    expect(codeOf(r)).toBe('VALIDATION');
    const fields = Object.fromEntries(
      r.errors![0]!.extensions.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(fields).toMatchObject({
      title: 'validation.required',
      'topics.0': 'validation.topic',
    });
    const thesis = await gql(
      app,
      CREATE,
      {
        input: needInput({
          kind: 'THESIS',
          periodEnd: dateIn(1),
          municipalityCode: null,
          payKind: null,
          applicationDeadline: null,
        }),
      },
      { token: company.owner.token },
    );
    const thesisFields = Object.fromEntries(
      thesis.errors![0]!.extensions.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
    );
    expect(thesisFields).toEqual({
      municipalityCode: 'validation.placeOrRemote',
      periodEnd: 'validation.periodOrder',
      payKind: 'validation.required',
      applicationDeadline: 'validation.required',
      thesisLevel: 'validation.required',
    });
    const mine = await gql(app, `{ myNeeds(state: DRAFT) { nodes { title } } }`, {}, { token: company.owner.token });
    expect(mine.data!.myNeeds.nodes.every((n: { title: string }) => n.title.trim() !== '')).toBe(true);
  });

  it('posts only for a company the poster belongs to', async () => {
    const r = await gql(
      app,
      CREATE,
      { input: needInput({ organisationId: company.id }) },
      { token: otherEntrepreneur.token },
    );
    expect(r.errors![0]!.extensions.fields).toEqual([
      { field: 'organisationId', message: 'validation.notYourCompany' },
    ]);
    const school = await buildOrganisation(app, {
      kind: 'EDUCATIONAL',
      owner: await buildUser(app, { roles: ['ENTREPRENEUR', 'EDUCATOR'] }),
    });
    const viaSchool = await gql(
      app,
      CREATE,
      { input: needInput({ organisationId: school.id }) },
      { token: school.owner.token },
    );
    expect(codeOf(viaSchool)).toBe('VALIDATION');
  });

  it('lets only entrepreneurs post', async () => {
    for (const who of [student, educator, coordinator, admin]) {
      expect(codeOf(await gql(app, CREATE, { input: needInput() }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, CREATE, { input: needInput() }))).toBe('UNAUTHENTICATED');
  });
});

describe('state machine', () => {
  it('allows each transition only from its states', async () => {
    const need = await companyDraft();
    const as = { token: company.owner.token };
    expect(codeOf(await gql(app, PUBLISH, { id: need.id }, as))).toBeUndefined();
    expect(codeOf(await gql(app, PUBLISH, { id: need.id }, as))).toBe('INVALID_STATE');
    expect(codeOf(await gql(app, DELETE, { id: need.id }, as))).toBe('INVALID_STATE');
    expect(
      codeOf(
        await gql(
          app,
          UPDATE,
          { id: need.id, input: needInput({ organisationId: company.id, title: 'Muokattu harjoittelija' }) },
          as,
        ),
      ),
    ).toBeUndefined();
    expect(codeOf(await gql(app, CLOSE, { id: need.id }, as))).toBeUndefined();
    expect(codeOf(await gql(app, CLOSE, { id: need.id }, as))).toBe('INVALID_STATE');
    expect(codeOf(await gql(app, PUBLISH, { id: need.id }, as))).toBe('INVALID_STATE');
    expect(codeOf(await gql(app, UPDATE, { id: need.id, input: needInput({ organisationId: company.id }) }, as))).toBe(
      'INVALID_STATE',
    );
  });

  it('deletes drafts only', async () => {
    const need = await companyDraft();
    expect((await gql(app, DELETE, { id: need.id }, { token: colleague.token })).data).toEqual({ deleteNeed: true });
    expect((await gql(app, READ, { id: need.id }, { token: coordinator.token })).data!.need).toBeNull();
  });

  it('refuses to publish or move the deadline into the past, and to change the kind', async () => {
    const need = await companyDraft();
    await app.db.execute(
      sql`update needs set application_deadline = current_date - 2, period_start = current_date - 3 where id = ${need.id}`,
    );
    const r = await gql(app, PUBLISH, { id: need.id }, { token: company.owner.token });
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: 'applicationDeadline', message: 'validation.inPast' }]);
    const kind = await gql(
      app,
      UPDATE,
      { id: need.id, input: needInput({ organisationId: company.id, kind: 'SUMMER_JOB' }) },
      { token: company.owner.token },
    );
    expect(kind.errors![0]!.extensions.fields).toEqual([{ field: 'kind', message: 'validation.kindLocked' }]);
  });

  it('expires open needs after their deadline day, by itself, and takes them out of search', async () => {
    const need = await buildNeed(app, { title: 'Vanheneva harjoittelija', applicationDeadline: dateIn(3) });
    expect(await inSearch(need.id, 'vanheneva')).toBe(true);
    // The deadline day passes: the search hides it at once, the job marks it expired.
    await app.db.execute(
      sql`update search_items set visible_until = now() - interval '1 minute' where id = ${need.id}`,
    );
    expect(await inSearch(need.id, 'vanheneva')).toBe(false);
    expect(await expireNeeds(app.db, dateIn(2))).toBe(0);
    expect(await expireNeeds(app.db, dateIn(4))).toBeGreaterThanOrEqual(1);
    expect((await gql(app, READ, { id: need.id })).data!.need.state).toBe('EXPIRED');
    expect(await expireNeeds(app.db, dateIn(4))).toBe(0);
  });
});

describe('authorisation matrix', () => {
  it('shows drafts only to those who manage them and to staff', async () => {
    const draft = await companyDraft();
    const sees = async (who?: TestUser) => (await gql(app, READ, { id: draft.id }, { token: who?.token })).data!.need;
    expect(await sees()).toBeNull();
    expect(await sees(student)).toBeNull();
    expect(await sees(educator)).toBeNull();
    expect(await sees(otherEntrepreneur)).toBeNull();
    expect(await sees(company.owner)).toMatchObject({ canEdit: true });
    expect(await sees(colleague)).toMatchObject({ canEdit: true });
    expect(await sees(coordinator)).toMatchObject({ canEdit: true });
    expect(await sees(admin)).toMatchObject({ canEdit: false });
  });

  it('shows open needs to everyone, and lets only managers change them', async () => {
    const need = await companyDraft();
    await gql(app, PUBLISH, { id: need.id }, { token: company.owner.token });
    for (const who of [undefined, student, educator, otherEntrepreneur, admin]) {
      expect((await gql(app, READ, { id: need.id }, { token: who?.token })).data!.need).toMatchObject({
        state: 'OPEN',
        canEdit: false,
      });
      const update = await gql(
        app,
        UPDATE,
        { id: need.id, input: needInput({ organisationId: company.id }) },
        { token: who?.token },
      );
      expect(codeOf(update)).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      expect(codeOf(await gql(app, CLOSE, { id: need.id }, { token: who?.token }))).toBe(
        who ? 'FORBIDDEN' : 'UNAUTHENTICATED',
      );
    }
  });

  it("lists in My needs the viewer's own and their companies' needs only", async () => {
    const own = await companyDraft({ title: 'Oma tarve listaan' });
    const foreign = await buildNeed(app, { title: 'Vieras tarve' });
    const MINE = `{ myNeeds(first: 100) { totalCount nodes { id } } }`;
    const colleagues = (await gql(app, MINE, {}, { token: colleague.token })).data!.myNeeds.nodes.map(
      (n: { id: string }) => n.id,
    );
    expect(colleagues).toContain(own.id);
    expect(colleagues).not.toContain(foreign.id);
    expect((await gql(app, MINE, {}, { token: student.token })).data!.myNeeds.totalCount).toBe(0);
  });
});

describe('paging My needs', () => {
  it('pages one need at a time, without loss or repetition, when they were written in one transaction', async () => {
    const poster = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const input = needInput();
    // One transaction: every row has the same updated_at (now()), so only the full key orders them.
    const written = await app.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const [row] = await tx
          .insert(needs)
          .values({ ...input, title: `Samassa transaktiossa ${i}`, organisationId: null, postedBy: poster.id })
          .returning({ id: needs.id });
        ids.push(row!.id);
      }
      return ids;
    });
    const PAGE = `query ($after: String) { myNeeds(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const { ids: seen, totalCounts } = await pageOneByOne(app, PAGE, (d) => d.myNeeds, { token: poster.token });
    expect(new Set(totalCounts)).toEqual(new Set([5]));
    // The most recently changed first, the id breaking the tie.
    expect(seen).toEqual([...written].sort().reverse());
  });
});

describe('closing a draft', () => {
  it('closes a draft that was never published', async () => {
    const draft = await companyDraft();
    const r = await gql(app, CLOSE, { id: draft.id }, { token: company.owner.token });
    expect(r.data!.closeNeed.state).toBe('CLOSED');
  });
});
