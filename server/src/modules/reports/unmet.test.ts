/**
 * Unmet demand, worked out by hand: open needs that no published course with a session ahead (for
 * course needs) or published pool of the same kind (for placements) shares a topic with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNeed, buildOrganisation, buildUser, type TestOrganisation, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { course, courseNeed, placementNeed, studentPool } from '../../test/proposal-factories.js';

const UNMET = `query ($limit: Int) { unmetDemand(limit: $limit) {
  kind topic municipalityCode needs people companies waitingSince examples { id }
} }`;

let app: TestApp;
let educator: TestUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await buildTestApp();
  const school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  educator = school.owner;
  await course(app, school, { topics: ['solar-pv'] });
  await studentPool(app, school, ['INTERNSHIP']); // topics: solar-pv
  const salla: TestOrganisation = await buildOrganisation(app, { municipalityCode: '732' });
  const kemi: TestOrganisation = await buildOrganisation(app, { municipalityCode: '240' });

  ids.answered = (await courseNeed(app, salla, { topics: ['solar-pv'] })).id; // a course answers it
  ids.wind = (await courseNeed(app, salla, { topics: ['wind-power', 'air-heat-pumps'], positions: 3 })).id;
  ids.wind2 = (await courseNeed(app, kemi, { topics: ['wind-power'], positions: 2, municipalityCode: '732' })).id;
  ids.internship = (await placementNeed(app, salla, { topics: ['solar-pv'] })).id; // the pool answers it
  ids.summer = (
    await placementNeed(app, kemi, { kind: 'SUMMER_JOB', topics: ['solar-pv'], municipalityCode: '240' })
  ).id;
  await courseNeed(app, salla, { topics: ['hydrogen'] }).then(() => undefined);
  // A draft is not demand.
  await buildNeed(app, { kind: 'COURSE', topics: ['biogas'], positions: 9 }, { publish: false });
}, 60_000);

afterAll(() => app?.closeAndDrop());

describe('unmet demand', () => {
  it('groups the unanswered open needs by kind, topic and place, largest first', async () => {
    const result = await gql(app, UNMET, {}, { token: educator.token });
    expect(result.errors).toBeUndefined();
    const rows = result.data!.unmetDemand as Array<Record<string, unknown>>;
    expect(rows.map(({ waitingSince: _, examples: __, ...r }) => r)).toEqual(
      [
        // Two needs in Salla (3 + 2 people, two companies) want wind power.
        { kind: 'COURSE', topic: 'wind-power', municipalityCode: '732', needs: 2, people: 5, companies: 2 },
        { kind: 'COURSE', topic: 'air-heat-pumps', municipalityCode: '732', needs: 1, people: 3, companies: 1 },
        { kind: 'COURSE', topic: 'hydrogen', municipalityCode: '732', needs: 1, people: 4, companies: 1 },
        // The pool offers internships, not summer jobs.
        { kind: 'SUMMER_JOB', topic: 'solar-pv', municipalityCode: '240', needs: 1, people: 1, companies: 1 },
      ].sort((a, b) => b.people - a.people || b.needs - a.needs),
    );
    expect((rows[0]!.examples as { id: string }[]).map((e) => e.id)).toEqual([ids.wind, ids.wind2]);
    expect(rows.flatMap((r) => (r.examples as { id: string }[]).map((e) => e.id))).not.toContain(ids.answered);
  });

  it('bounds the limit', async () => {
    const coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    expect((await gql(app, UNMET, { limit: 1 }, { token: coordinator.token })).data!.unmetDemand).toHaveLength(1);
    for (const limit of [0, -1, 101, 1_000_000]) {
      expect(codeOf(await gql(app, UNMET, { limit }, { token: coordinator.token })), String(limit)).toBe('VALIDATION');
    }
  });
});
