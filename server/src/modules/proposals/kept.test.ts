/**
 * The cluster is evaluated on bookings, proposals and matches: what they refer to is never deleted
 * under them, neither by the app (a session is cancelled instead of removed) nor by a cascade.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForeignKeyViolation } from '../../db/client.js';
import { buildOrganisation, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { course, courseNeed } from '../../test/proposal-factories.js';
import { matches, proposals } from './tables.js';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptProposal(id: $id) { state } }`;
const ADD_SESSION = `mutation ($id: ID!, $input: SessionInput!) { addSession(offerId: $id, input: $input) { id } }`;
const REMOVE_SESSION = `mutation ($id: ID!) { removeSession(id: $id) }`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(id: $id) { state } }`;

let app: TestApp;
let company: Awaited<ReturnType<typeof buildOrganisation>>;
let school: Awaited<ReturnType<typeof buildOrganisation>>;
let coordinator: TestUser;

beforeAll(async () => {
  app = await buildTestApp();
  company = await buildOrganisation(app);
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
  coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
});
afterAll(() => app.closeAndDrop());

/** A course with a second session (so that either may be removed), and the session a proposal names. */
async function courseWithTwoSessions() {
  const theCourse = await course(app, school);
  await gql(app, ADD_SESSION, { id: theCourse.id, input: sessionInput() }, { token: school.owner.token });
  return theCourse;
}

async function sessionProposal(theCourse: Awaited<ReturnType<typeof course>>) {
  const need = await courseNeed(app, company);
  const r = await gql(
    app,
    PROPOSE,
    { input: { needId: need.id, targetKind: 'SESSION', sessionId: theCourse.sessionId, note: 'Tämä toteutus sopii.' } },
    { token: coordinator.token },
  );
  expect(r.errors).toBeUndefined();
  return { need, id: r.data!.proposeMatch.id as string };
}

const removeSession = (id: string) => gql(app, REMOVE_SESSION, { id }, { token: school.owner.token });

/** Runs a delete straight in the database, as a cascade from anywhere would; the error it gets. */
async function deleteError(statement: SQL): Promise<unknown> {
  try {
    await app.db.execute(statement);
    return null;
  } catch (error) {
    return error;
  }
}

describe('records the cluster is evaluated on', () => {
  it('a session with a match cannot be removed, and no delete anywhere takes the match with it', async () => {
    const theCourse = await courseWithTwoSessions();
    const { need, id } = await sessionProposal(theCourse);
    await gql(app, ACCEPT, { id }, { token: company.owner.token });
    expect((await gql(app, ACCEPT, { id }, { token: school.owner.token })).data!.acceptProposal.state).toBe('ACCEPTED');
    const [match] = await app.db.select().from(matches).where(eq(matches.proposalId, id));
    expect(match).toBeDefined();

    const removed = await removeSession(theCourse.sessionId);
    expect(codeOf(removed)).toBe('SESSION_IN_USE');

    for (const statement of [
      sql`delete from course_sessions where id = ${theCourse.sessionId}`,
      sql`delete from offers where id = ${theCourse.id}`,
      sql`delete from needs where id = ${need.id}`,
      sql`delete from organisations where id = ${company.id}`,
      sql`delete from organisations where id = ${school.id}`,
      sql`delete from users where id = ${company.owner.id}`,
      sql`delete from users where id = ${coordinator.id}`,
      sql`delete from proposals where id = ${id}`,
    ]) {
      expect(isForeignKeyViolation(await deleteError(statement))).toBe(true);
    }
    expect(await app.db.select().from(matches).where(eq(matches.proposalId, id))).toEqual([match]);
    expect(await app.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, id))).toEqual([{ id }]);
  });

  it('a session with an open proposal, or with bookings even if cancelled, is cancelled rather than removed', async () => {
    const proposed = await courseWithTwoSessions();
    await sessionProposal(proposed);
    expect(codeOf(await removeSession(proposed.sessionId))).toBe('SESSION_IN_USE');

    const booked = await courseWithTwoSessions();
    const booker = await buildUser(app);
    const booking = await gql(
      app,
      BOOK,
      { input: { sessionId: booked.sessionId, idempotencyKey: randomUUID() } },
      { token: booker.token },
    );
    await gql(app, CANCEL, { id: booking.data!.bookSeats.id }, { token: booker.token });
    const refused = await removeSession(booked.sessionId);
    expect(codeOf(refused)).toBe('SESSION_IN_USE');
    expect(refused.errors![0]!.message).toMatch(/cancel the session instead/);

    const untouched = await courseWithTwoSessions();
    expect((await removeSession(untouched.sessionId)).data!.removeSession).toBe(true);
  });
});
