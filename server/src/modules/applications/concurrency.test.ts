/**
 * Applications under concurrency, on real PostgreSQL (PGlite runs one query at a time, so a race
 * there proves nothing): these run when TEST_DATABASE_URL is set, as in CI.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildNeed, buildOrganisation, buildUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type TestApp } from '../../test/helper.js';
import { needs } from '../needs/tables.js';
import { notifications } from '../messaging/tables.js';
import { applicationEvents, applications } from './tables.js';

const ACCEPT = `mutation ($id: ID!) { acceptApplication(id: $id) { state } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawApplication(id: $id) { state } }`;
const REJECT = `mutation ($id: ID!) { rejectApplication(id: $id) { state } }`;
const OFFER = `mutation ($id: ID!) { offerApplication(id: $id) { state } }`;
const APPLY = `mutation ($input: ApplyInput!) { applyToNeed(input: $input) { id } }`;

describe.runIf(onRealPostgres)('applications under concurrency (real PostgreSQL)', () => {
  let app: TestApp;
  let company: Awaited<ReturnType<typeof buildOrganisation>>;
  beforeAll(async () => {
    app = await buildTestApp();
    company = await buildOrganisation(app);
  });
  afterAll(() => app?.closeAndDrop());

  const placement = (positions: number) =>
    buildNeed(app, { organisationId: company.id, positions }, { owner: company.owner });
  const stateOfNeed = async (id: string) => (await app.db.select().from(needs).where(eq(needs.id, id)))[0]!.state;
  const statesOf = async (needId: string) =>
    (await app.db.select().from(applications).where(eq(applications.needId, needId))).map((a) => a.state).sort();

  it('two students accepting the one position at once: exactly one gets it, the other is turned down', async () => {
    for (let round = 0; round < 5; round++) {
      const need = await placement(1);
      const a = await buildApplication(app, need, { state: 'OFFERED' });
      const b = await buildApplication(app, need, { state: 'OFFERED' });
      const results = await Promise.all([
        gql(app, ACCEPT, { id: a.id }, { token: a.student.token }),
        gql(app, ACCEPT, { id: b.id }, { token: b.student.token }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual(['POSITIONS_FILLED']);
      expect(await statesOf(need.id)).toEqual(['ACCEPTED', 'REJECTED']);
      expect(await stateOfNeed(need.id)).toBe('FILLED');
      const loser = results[0]!.errors ? a : b;
      const told = await app.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, loser.student.id), eq(notifications.type, 'NEED_FILLED')));
      expect(told).toHaveLength(1);
    }
  });

  it('ten offered students accepting three positions at once: exactly three accepted, the need filled', async () => {
    const need = await placement(3);
    const offered = await Promise.all(
      Array.from({ length: 10 }, () => buildApplication(app, need, { state: 'OFFERED' })),
    );
    const results = await Promise.all(offered.map((o) => gql(app, ACCEPT, { id: o.id }, { token: o.student.token })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(new Set(results.map(codeOf).filter(Boolean))).toEqual(new Set(['POSITIONS_FILLED']));
    const states = await statesOf(need.id);
    expect(states.filter((s) => s === 'ACCEPTED')).toHaveLength(3);
    expect(states.filter((s) => s === 'REJECTED')).toHaveLength(7);
    expect(await stateOfNeed(need.id)).toBe('FILLED');
  });

  it('two transitions of one application at once: one wins, the other gets INVALID_STATE', async () => {
    const need = await placement(50);
    for (let round = 0; round < 10; round++) {
      const application = await buildApplication(app, need, { state: 'SHORTLISTED' });
      const results = await Promise.all([
        gql(app, WITHDRAW, { id: application.id }, { token: application.student.token }),
        gql(app, REJECT, { id: application.id }, { token: company.owner.token }),
        gql(app, OFFER, { id: application.id }, { token: company.owner.token }),
      ]);
      const [row] = await app.db.select().from(applications).where(eq(applications.id, application.id));
      const events = await app.db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, application.id));
      const won = results.filter((r) => !r.errors);
      // Offering first still leaves withdrawing and rejecting possible: then two moves win in turn.
      expect(won.length).toBeGreaterThanOrEqual(1);
      expect(results.filter((r) => r.errors).every((r) => codeOf(r) === 'INVALID_STATE')).toBe(true);
      // Every move that won is in the timeline, each from the state the one before left.
      expect(events).toHaveLength(2 + won.length);
      const byFrom = new Map(events.map((e) => [e.fromState, e]));
      let state: string | null = null;
      for (let i = 0; i < events.length; i++) state = byFrom.get(state as never)!.toState;
      expect(state).toBe(row!.state);
    }
  });

  it('withdrawing and rejecting at once: exactly one wins', async () => {
    const need = await placement(50);
    for (let round = 0; round < 10; round++) {
      const application = await buildApplication(app, need, { state: 'SUBMITTED' });
      const results = await Promise.all([
        gql(app, WITHDRAW, { id: application.id }, { token: application.student.token }),
        gql(app, REJECT, { id: application.id }, { token: company.owner.token }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual(['INVALID_STATE']);
    }
  });

  it('the same student applying ten times at once: one application', async () => {
    const need = await placement(1);
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql(app, APPLY, { input: { needId: need.id, coverLetter: 'Hei!' } }, { token: student.token }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(new Set(results.map(codeOf).filter(Boolean))).toEqual(new Set(['ALREADY_APPLIED']));
    expect(await statesOf(need.id)).toEqual(['SUBMITTED']);
  });

  it('an application racing the last acceptance is either turned down with the rest or refused', async () => {
    const need = await placement(1);
    const offered = await buildApplication(app, need, { state: 'OFFERED' });
    const students = await Promise.all(Array.from({ length: 8 }, () => buildUser(app, { roles: ['STUDENT'] })));
    const results = await Promise.all([
      gql(app, ACCEPT, { id: offered.id }, { token: offered.student.token }),
      ...students.map((s) => gql(app, APPLY, { input: { needId: need.id, coverLetter: 'Hei!' } }, { token: s.token })),
    ]);
    expect(results[0]!.errors).toBeUndefined();
    expect(results.slice(1).every((r) => !r.errors || codeOf(r) === 'APPLICATIONS_CLOSED')).toBe(true);
    // Nothing is left waiting on a filled need.
    const states = await statesOf(need.id);
    expect(states.filter((s) => s === 'ACCEPTED')).toHaveLength(1);
    expect(states.every((s) => s === 'ACCEPTED' || s === 'REJECTED')).toBe(true);
  });
});
