/**
 * A need's positions against its accepted applications: never fewer, and equal means FILLED, as
 * when the last position is accepted. On real PostgreSQL, an edit racing an acceptance.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildApplication, buildNeed, buildUser, depsOf, needInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type TestApp } from '../../test/helper.js';
import { acceptApplication } from '../applications/index.js';

const UPDATE = `mutation ($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { state positions } }`;
const SEARCH_IDS = `query ($text: String) { search(filter: { text: $text }, first: 100) { nodes { id } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

const viewerOf = (u: TestUser) => ({ id: u.id, email: u.email, roles: u.roles, emailVerified: true });

const applicationStates = (needId: string) =>
  queryRows<{ student_id: string; state: string; reject_reason: string | null }>(
    app.db,
    sql`select student_id, state, reject_reason from applications where need_id = ${needId} order by created_at`,
  );

const setPositions = (need: { id: string; owner: TestUser }, positions: number, token = need.owner.token) =>
  gql(app, UPDATE, { id: need.id, input: needInput({ positions }) }, { token });

describe('positions and accepted applications', () => {
  it('cannot go below the accepted applications; the error names how many are accepted', async () => {
    const need = await buildNeed(app, { positions: 3 });
    await buildApplication(app, need, { state: 'ACCEPTED' });
    await buildApplication(app, need, { state: 'ACCEPTED' });
    const r = await setPositions(need, 1);
    expect(codeOf(r)).toBe('VALIDATION');
    expect(r.errors![0]!.extensions.fields).toEqual([
      { field: 'positions', message: 'validation.positionsBelowAccepted', params: { accepted: 2 } },
    ]);
    expect((await setPositions(need, 4)).data!.updateNeed).toEqual({ state: 'OPEN', positions: 4 });
  });

  it('lowered to the accepted applications, the need is FILLED and the open applications are rejected and told', async () => {
    const need = await buildNeed(app, { positions: 3 });
    await buildApplication(app, need, { state: 'ACCEPTED' });
    const shortlisted = await buildApplication(app, need, { state: 'SHORTLISTED' });
    const submitted = await buildApplication(app, need, { state: 'SUBMITTED' });
    const withdrawn = await buildApplication(app, need, { state: 'WITHDRAWN' });
    expect(await inSearch(need.id)).toBe(true);
    expect((await setPositions(need, 1)).data!.updateNeed).toEqual({ state: 'FILLED', positions: 1 });
    expect((await applicationStates(need.id)).map((a) => [a.state, a.reject_reason])).toEqual([
      ['ACCEPTED', null],
      ['REJECTED', 'NEED_FILLED'],
      ['REJECTED', 'NEED_FILLED'],
      ['WITHDRAWN', null],
    ]);
    const told = await queryRows<{ user_id: string }>(
      app.db,
      sql`select user_id from notifications where type = 'NEED_FILLED' and data ->> 'needId' = ${need.id}`,
    );
    expect(told.map((n) => n.user_id).sort()).toEqual([shortlisted.student.id, submitted.student.id].sort());
    expect(told.map((n) => n.user_id)).not.toContain(withdrawn.student.id);
    expect(await inSearch(need.id)).toBe(false);
    // Filled, it is no longer edited.
    expect(codeOf(await setPositions(need, 2))).toBe('INVALID_STATE');
  });

  it('without accepted applications, positions go down freely', async () => {
    const need = await buildNeed(app, { positions: 3 });
    await buildApplication(app, need, { state: 'OFFERED' });
    expect((await setPositions(need, 1)).data!.updateNeed).toEqual({ state: 'OPEN', positions: 1 });
  });

  it('only those who manage the need change its positions', async () => {
    const need = await buildNeed(app, { positions: 2 });
    await buildApplication(app, need, { state: 'ACCEPTED' });
    for (const roles of [['ENTREPRENEUR'], ['STUDENT'], ['EDUCATOR'], ['ADMIN']] as const) {
      const who = await buildUser(app, { roles: [...roles] });
      expect(codeOf(await setPositions(need, 1, who.token))).toBe('FORBIDDEN');
    }
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect((await setPositions(need, 1, coordinator.token)).data!.updateNeed.state).toBe('FILLED');
  });
});

const inSearch = async (id: string) =>
  ((await gql(app, SEARCH_IDS, { text: 'harjoittelija' })).data!.search.nodes as { id: string }[]).some(
    (n) => n.id === id,
  );

describe.runIf(onRealPostgres)('positions under concurrency (real PostgreSQL)', () => {
  it('an edit lowering the positions and an acceptance at the same moment never leave more accepted than positions', async () => {
    // Three positions, one accepted, one offered: the edit counts one accepted and lowers to one,
    // while the offered student accepts. Unless both count under the need's lock, both can win.
    for (let round = 0; round < 12; round++) {
      const need = await buildNeed(app, { positions: 3 });
      await buildApplication(app, need, { state: 'ACCEPTED' });
      const offered = await buildApplication(app, need, { state: 'OFFERED' });
      const [edit, accept] = await Promise.allSettled([
        setPositions(need, 1),
        acceptApplication(depsOf(app), viewerOf(offered.student), offered.id),
      ]);
      const [row] = await queryRows<{ positions: number; state: string; accepted: number }>(
        app.db,
        sql`select n.positions, n.state::text as state,
              (select count(*)::int from applications a where a.need_id = n.id and a.state = 'ACCEPTED') as accepted
            from needs n where n.id = ${need.id}`,
      );
      expect(row!.accepted).toBeLessThanOrEqual(row!.positions);
      // Exactly one of the two won: a filled need at one position, or two accepted of three.
      const editWon = edit.status === 'fulfilled' && !edit.value.errors;
      expect(editWon).toBe(accept.status === 'rejected');
      expect(row).toEqual(
        editWon ? { positions: 1, state: 'FILLED', accepted: 1 } : { positions: 3, state: 'OPEN', accepted: 2 },
      );
    }
  });
});
