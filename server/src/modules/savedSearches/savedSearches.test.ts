import { MAX_SAVED_SEARCHES } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../messaging/tables.js';
import { buildNeed, buildUser, depsOf, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type TestApp } from '../../test/helper.js';
import { checkSavedSearches } from './jobs.js';
import { savedSearches } from './tables.js';

const SAVE = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id name path alert } }`;
const LIST = `{ savedSearches { id name alert } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

const solar = (alert = 'IMMEDIATE', name = 'Aurinkosähkö Rovaniemellä') => ({
  name,
  path: '/search?text=aurinkovoimala&kinds=INTERNSHIP',
  filter: { text: 'aurinkovoimala', kinds: ['INTERNSHIP'] },
  alert,
});

async function save(user: TestUser, input = solar()) {
  const r = await gql(app, SAVE, { input }, { token: user.token });
  expect(r.errors).toBeUndefined();
  return r.data!.saveSearch as { id: string };
}

/** Makes a saved search due now, as if it had last looked long ago. */
const backdate = (id: string) =>
  app.db
    .update(savedSearches)
    .set({ checkedAt: sql`now() - interval '8 days'` })
    .where(eq(savedSearches.id, id));

const alertsOf = (user: TestUser) => app.db.select().from(notifications).where(eq(notifications.userId, user.id));

describe('saved searches', () => {
  it('belong to their owner only', async () => {
    const owner = await buildUser(app, { roles: ['STUDENT'] });
    const other = await buildUser(app, { roles: ['STUDENT'] });
    const saved = await save(owner);
    expect((await gql(app, LIST, {}, { token: owner.token })).data!.savedSearches).toMatchObject([
      { id: saved.id, alert: 'IMMEDIATE' },
    ]);
    expect((await gql(app, LIST, {}, { token: other.token })).data!.savedSearches).toEqual([]);
    const rename = `mutation ($id: ID!) { updateSavedSearch(id: $id, input: { name: "Minun", alert: DAILY }) { name alert } }`;
    expect(codeOf(await gql(app, rename, { id: saved.id }, { token: other.token }))).toBe('NOT_FOUND');
    const remove = `mutation ($id: ID!) { deleteSavedSearch(id: $id) }`;
    expect(codeOf(await gql(app, remove, { id: saved.id }, { token: other.token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(app, LIST))).toBe('UNAUTHENTICATED');
    expect((await gql(app, rename, { id: saved.id }, { token: owner.token })).data!.updateSavedSearch).toEqual({
      name: 'Minun',
      alert: 'DAILY',
    });
    expect((await gql(app, remove, { id: saved.id }, { token: owner.token })).data).toEqual({
      deleteSavedSearch: true,
    });
    expect((await gql(app, LIST, {}, { token: owner.token })).data!.savedSearches).toEqual([]);
  });

  it('refuses a foreign link, a bad filter and an empty name, naming the field', async () => {
    const user = await buildUser(app);
    const foreign = await gql(
      app,
      SAVE,
      { input: { ...solar(), path: 'https://evil.example/search' } },
      { token: user.token },
    );
    expect(codeOf(foreign)).toBe('VALIDATION');
    expect(foreign.errors![0]!.extensions.fields).toMatchObject([{ field: 'path' }]);
    const badPlace = await gql(
      app,
      SAVE,
      { input: { ...solar(), filter: { municipalityCodes: ['999'] } } },
      { token: user.token },
    );
    expect(codeOf(badPlace)).toBe('VALIDATION');
    expect(codeOf(await gql(app, SAVE, { input: { ...solar(), name: '  ' } }, { token: user.token }))).toBe(
      'VALIDATION',
    );
    expect((await gql(app, LIST, {}, { token: user.token })).data!.savedSearches).toEqual([]);
  });

  it(`keeps at most ${MAX_SAVED_SEARCHES} per person`, async () => {
    const user = await buildUser(app);
    await app.db.insert(savedSearches).values(
      Array.from({ length: MAX_SAVED_SEARCHES }, (_, i) => ({
        userId: user.id,
        name: `Haku ${i}`,
        path: '/search',
        filter: {},
        alert: 'NONE' as const,
      })),
    );
    const over = await gql(app, SAVE, { input: solar() }, { token: user.token });
    expect(codeOf(over)).toBe('LIMIT_REACHED');
    expect(over.errors![0]!.extensions.limit).toBe(MAX_SAVED_SEARCHES);
  });
});

describe('alerts', () => {
  it('tell of what was published since the last look, once, with its count and titles', async () => {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const saved = await save(student);
    await backdate(saved.id);
    await buildNeed(app, { title: 'Aurinkovoimalan huoltoharjoittelija' });
    // Tagged as what it is: the factory's default topic (solar PV) would match "aurinkovoimala" by its name.
    await buildNeed(app, {
      title: 'Tuulivoimalan harjoittelija',
      description: 'Tuulivoimaa Pohjois-Lapissa.',
      topics: ['wind-power'],
    });
    expect(await checkSavedSearches(depsOf(app))).toBeGreaterThanOrEqual(1);
    const [alert] = await alertsOf(student);
    expect(alert).toMatchObject({ type: 'SAVED_SEARCH_RESULTS', channel: 'EMAIL' });
    expect(alert!.data).toMatchObject({
      savedSearchId: saved.id,
      count: 1,
      titles: ['Aurinkovoimalan huoltoharjoittelija'],
      path: '/search?text=aurinkovoimala&kinds=INTERNSHIP',
    });

    // Checked just now: not due again until a minute has passed.
    await checkSavedSearches(depsOf(app));
    expect(await alertsOf(student)).toHaveLength(1);
  });

  it('DAILY goes into the digest; NONE never alerts', async () => {
    const daily = await buildUser(app);
    const none = await buildUser(app);
    const a = await save(daily, solar('DAILY'));
    const b = await save(none, solar('NONE'));
    await backdate(a.id);
    await backdate(b.id);
    await buildNeed(app, { title: 'Aurinkovoimalan kesätyö' });
    await checkSavedSearches(depsOf(app));
    expect(await alertsOf(daily)).toMatchObject([{ type: 'SAVED_SEARCH_RESULTS', channel: 'DIGEST' }]);
    expect(await alertsOf(none)).toEqual([]);
  });

  it.runIf(onRealPostgres)('two instances checking at once alert once', async () => {
    const user = await buildUser(app);
    const saved = await save(user);
    await backdate(saved.id);
    await buildNeed(app, { title: 'Aurinkovoimalan asentaja' });
    await Promise.all([
      checkSavedSearches(depsOf(app)),
      checkSavedSearches(depsOf(app)),
      checkSavedSearches(depsOf(app)),
    ]);
    expect(await alertsOf(user)).toHaveLength(1);
  });
});
