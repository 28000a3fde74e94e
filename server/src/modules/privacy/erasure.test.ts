/**
 * Deleting an account and an admin's erasure: what happens to the person's data and to everyone
 * else's, what blocks it, who may do it, and that the cluster's figures stay. On PGlite by default,
 * on real PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { ERASED_TEXT, erasedEmail, presetPeriod } from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import {
  buildApplication,
  buildCourse,
  buildNeed,
  buildOrganisation,
  buildUser,
  depsOf,
  lastEmailTo,
  PASSWORD,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';
import { student as buildStudent } from '../../test/proposal-factories.js';
import { users } from '../accounts/tables.js';
import { anonymiseClosedApplications } from '../applications/index.js';
import { anonymisePastParticipants } from '../bookings/index.js';
import { computeReport } from '../reports/index.js';
import { eraseAccount } from './index.js';

const DELETE = `mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) }`;
const ERASE = `mutation ($input: EraseUserInput!) { eraseUser(input: $input) }`;
const PREVIEW = `query ($userId: ID) { erasurePreview(userId: $userId) {
  blockers { reason organisationId organisationName }
  bookingsToCancel applicationsToWithdraw needsToClose organisationsToLeave messagesToErase } }`;
const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id state } }`;
const SEND = `mutation ($id: ID!, $body: String!) { sendMessage(subjectKind: APPLICATION, subjectId: $id, body: $body) { id } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const ME = `{ me { id } }`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
}, 60_000);
afterAll(() => app?.closeAndDrop());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(app.db, query);
const userRow = async (id: string) => (await app.db.select().from(users).where(eq(users.id, id)))[0]!;

async function sessionOf(courseId: string) {
  const [row] = await rows<{ id: string }>(sql`select id from course_sessions where offer_id = ${courseId}`);
  return row!.id;
}

const book = (who: TestUser, sessionId: string, extra: Record<string, unknown> = {}) =>
  gql(app, BOOK, { input: { sessionId, idempotencyKey: randomUUID(), ...extra } }, { token: who.token });

/** Everything of another person that erasure must leave alone, to compare before and after. */
async function footprintOf(user: TestUser) {
  return {
    user: await rows(
      sql`select email, display_name, password_hash, roles, token_version, anonymised_at from users where id = ${user.id}`,
    ),
    profile: await rows(sql`select * from student_profiles where user_id = ${user.id}`),
    applications: await rows(
      sql`select id, cover_letter, state, anonymised_at from applications where student_id = ${user.id} order by id`,
    ),
    bookings: await rows(sql`select id, state from bookings where booked_by = ${user.id} order by id`),
    participants: await rows(
      sql`select name, email, anonymised_at from booking_participants where email = ${user.email} order by id`,
    ),
    messages: await rows(sql`select id, body from messages where author_id = ${user.id} order by id`),
    memberships: await rows(sql`select * from memberships where user_id = ${user.id} order by organisation_id`),
    refreshTokens: await rows(sql`select id from refresh_tokens where user_id = ${user.id} order by id`),
  };
}

describe('a student deletes their account', () => {
  let student: TestUser;
  let other: TestUser;
  let waiting: TestUser;
  let colleague: TestUser;
  let need: Awaited<ReturnType<typeof buildNeed>>;
  let applicationId: string;
  let sessionId: string;
  let studentBookingId: string;
  let waitingBookingId: string;
  let colleagueBookingId: string;
  let otherBefore: Awaited<ReturnType<typeof footprintOf>>;
  let studentEmail: string;
  let coordinator: TestUser;
  let proposalOfStudent: string;
  let proposalOfOther: string;

  beforeAll(async () => {
    student = await buildStudent(app, true, 'Saga Studerande');
    await app.db.update(users).set({ locale: 'sv' }).where(eq(users.id, student.id));
    studentEmail = student.email;
    other = await buildStudent(app, true, 'Olli Opiskelija');
    need = await buildNeed(app);
    const application = await buildApplication(app, need, { student, state: 'SHORTLISTED' });
    applicationId = application.id;
    const otherApplication = await buildApplication(app, need, { student: other });
    expect(
      (await gql(app, SEND, { id: applicationId, body: 'Kiitos, haastattelu sopii.' }, { token: student.token }))
        .errors,
    ).toBeUndefined();
    expect(
      (await gql(app, SEND, { id: applicationId, body: 'Hienoa, nähdään!' }, { token: need.owner.token })).errors,
    ).toBeUndefined();
    expect(
      (await gql(app, SEND, { id: otherApplication.id, body: 'Olen kiinnostunut.' }, { token: other.token })).errors,
    ).toBeUndefined();

    // A free course with one seat: the student holds it, another person waits for it.
    const course = await buildCourse(app, {}, { sessions: [sessionInput({ seats: 2, priceCents: 0 })] });
    sessionId = await sessionOf(course.id);
    const mine = await book(student, sessionId);
    expect(mine.data!.bookSeats.state).toBe('CONFIRMED');
    studentBookingId = mine.data!.bookSeats.id;
    // A colleague booked the last seat for the student and the other student by name.
    colleague = await buildUser(app);
    const theirs = await book(colleague, sessionId, {
      participants: [{ name: 'Olli Opiskelija', email: other.email }],
    });
    colleagueBookingId = theirs.data!.bookSeats.id;
    waiting = await buildUser(app);
    const queued = await book(waiting, sessionId, { whenShort: 'JOIN_WAITLIST' });
    expect(queued.data!.bookSeats.state).toBe('WAITLISTED');
    waitingBookingId = queued.data!.bookSeats.id;
    // The student is named on another booking, of another session, by someone else.
    const otherCourse = await buildCourse(app);
    await book(colleague, await sessionOf(otherCourse.id), {
      participants: [{ name: 'Saga Studerande', email: student.email }],
    });
    await app.db.execute(sql`insert into saved_searches (user_id, name, filter, path, alert)
      values (${student.id}, 'Aurinko', '{}'::jsonb, '/search', 'DAILY')`);
    await app.db.execute(sql`insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      values (${student.id}, gen_random_uuid(), ${randomUUID()}, now() + interval '1 day')`);
    // A coordinator proposes both students for the need.
    coordinator = await buildUser(app, { roles: ['COORDINATOR'], displayName: 'Kaisa Koordinaattori' });
    const propose = async (studentId: string, note: string) => {
      const result = await gql(
        app,
        PROPOSE,
        { input: { needId: need.id, targetKind: 'STUDENT', studentId, note } },
        { token: coordinator.token },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.proposeMatch.id as string;
    };
    proposalOfStudent = await propose(student.id, 'Sopiva opiskelija.');
    proposalOfOther = await propose(other.id, 'Toinen sopiva.');
    otherBefore = await footprintOf(other);
  }, 60_000);

  it('previews what will happen', async () => {
    const preview = await gql(app, PREVIEW, {}, { token: student.token });
    expect(preview.data!.erasurePreview).toEqual({
      blockers: [],
      bookingsToCancel: 1,
      applicationsToWithdraw: 1,
      needsToClose: 0,
      organisationsToLeave: 0,
      messagesToErase: 1,
    });
  });

  it('refuses a wrong password and changes nothing', async () => {
    const before = await footprintOf(student);
    const result = await gql(app, DELETE, { input: { password: 'not-my-password' } }, { token: student.token });
    expect(codeOf(result)).toBe('INVALID_CREDENTIALS');
    expect(await footprintOf(student)).toEqual(before);
  });

  it('refuses without a signed-in person', async () => {
    expect(codeOf(await gql(app, DELETE, { input: { password: PASSWORD } }))).toBe('UNAUTHENTICATED');
  });

  it('deletes the account with the right password and clears the refresh cookie', async () => {
    const result = await gql(app, DELETE, { input: { password: PASSWORD } }, { token: student.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteAccount).toBe(true);
    expect(result.refresh).toBe('');
  });

  it('anonymises the account and ends every session', async () => {
    const row = await userRow(student.id);
    expect(row).toMatchObject({ email: erasedEmail(student.id), displayName: ERASED_TEXT, roles: [] });
    expect(row.anonymisedAt).not.toBeNull();
    expect(row.tokenVersion).toBe(student.tokenVersion + 1);
    expect(await rows(sql`select 1 from refresh_tokens where user_id = ${student.id}`)).toEqual([]);
    // The old access token is refused, and the old address and password sign nobody in.
    expect((await gql(app, ME, {}, { token: student.token })).data?.me ?? null).toBeNull();
    expect(codeOf(await gql(app, PREVIEW, {}, { token: student.token }))).toBe('UNAUTHENTICATED');
    const signIn = await gql(app, SIGN_IN, { input: { email: studentEmail, password: PASSWORD } });
    expect(codeOf(signIn)).toBe('INVALID_CREDENTIALS');
  });

  it('cancels the future booking, and the waiting person gets the seat and is told', async () => {
    const [mine] = await rows<{ state: string }>(sql`select state from bookings where id = ${studentBookingId}`);
    expect(mine!.state).toBe('CANCELLED');
    const [promoted] = await rows<{ state: string }>(sql`select state from bookings where id = ${waitingBookingId}`);
    expect(promoted!.state).toBe('CONFIRMED');
    const told = await rows<{ type: string }>(sql`select type from notifications where user_id = ${waiting.id}`);
    expect(told.map((n) => n.type)).toContain('BOOKING_PROMOTED');
    const [colleagues] = await rows<{ state: string }>(
      sql`select state from bookings where id = ${colleagueBookingId}`,
    );
    expect(colleagues!.state).toBe('CONFIRMED');
  });

  it('withdraws the open application (the company is told) and removes its letter', async () => {
    const [application] = await rows<{ state: string; cover_letter: string; anonymised_at: Date | null }>(
      sql`select state, cover_letter, anonymised_at from applications where id = ${applicationId}`,
    );
    expect(application).toMatchObject({ state: 'WITHDRAWN', cover_letter: ERASED_TEXT });
    expect(application!.anonymised_at).not.toBeNull();
    const told = await rows<{ type: string }>(sql`select type from notifications where user_id = ${need.owner.id}`);
    expect(told.map((n) => n.type)).toContain('APPLICATION_WITHDRAWN');
  });

  it('removes the profile, participants’ details, message texts, saved searches, notifications and e-mails', async () => {
    expect(await rows(sql`select 1 from student_profiles where user_id = ${student.id}`)).toEqual([]);
    expect(await rows(sql`select 1 from booking_participants where email = ${studentEmail}`)).toEqual([]);
    const named = await rows<{ name: string; email: string }>(sql`
      select p.name, p.email from booking_participants p join bookings b on b.id = p.booking_id
      where b.booked_by = ${student.id} or p.name = 'Saga Studerande' or p.name = ${ERASED_TEXT}`);
    expect(named.length).toBe(2);
    for (const participant of named) {
      expect(participant.name).toBe(ERASED_TEXT);
      expect(participant.email).toMatch(/^erased-.+@erased\.invalid$/);
    }
    const mine = await rows<{ body: string }>(sql`select body from messages where author_id = ${student.id}`);
    expect(mine).toEqual([{ body: ERASED_TEXT }]);
    const reply = await rows<{ body: string }>(sql`select body from messages where author_id = ${need.owner.id}`);
    expect(reply).toEqual([{ body: 'Hienoa, nähdään!' }]);
    for (const table of [
      'saved_searches',
      'notifications',
      'notification_preferences',
      'conversation_reads',
      'calendar_feeds',
    ]) {
      expect(await rows(sql`select 1 from ${sql.identifier(table)} where user_id = ${student.id}`), table).toEqual([]);
    }
  });

  it('declines the open proposal of the student (the need’s side is told), not the other’s', async () => {
    const states = await rows<{ id: string; state: string; target_answer: string | null }>(
      sql`select id, state, target_answer from proposals where id in (${proposalOfStudent}, ${proposalOfOther})`,
    );
    expect(Object.fromEntries(states.map((p) => [p.id, [p.state, p.target_answer]]))).toEqual({
      [proposalOfStudent]: ['DECLINED', 'DECLINED'],
      [proposalOfOther]: ['OPEN', null],
    });
    const told = await rows<{ type: string }>(sql`select type from notifications where user_id = ${need.owner.id}`);
    expect(told.map((n) => n.type)).toContain('PROPOSAL_DECLINED');
  });

  it('removes the notes of the proposals an erased coordinator made, and nobody else’s text', async () => {
    const kept = await rows<{ id: string; note: string }>(
      sql`select id, note from proposals where proposed_by <> ${coordinator.id}`,
    );
    expect(await eraseAccount(depsOf(app), coordinator.id, { by: null, action: 'ACCOUNT_EXPIRED' })).toBe(true);
    expect(
      await rows(sql`select note from proposals where proposed_by = ${coordinator.id} and note <> ${ERASED_TEXT}`),
    ).toEqual([]);
    expect(await rows(sql`select id, note from proposals where proposed_by <> ${coordinator.id}`)).toEqual(kept);
    // Their name and notes are gone from the need's side's notifications too.
    const told = JSON.stringify(await rows(sql`select data from notifications where user_id = ${need.owner.id}`));
    expect(told).toContain('proposalId');
    for (const text of ['Kaisa Koordinaattori', 'Sopiva opiskelija.', 'Toinen sopiva.'])
      expect(told).not.toContain(text);
  });

  it('removes their name and message excerpts from others’ notifications, not anyone else’s', async () => {
    const told = await rows<{ type: string; data: Record<string, string> }>(
      sql`select type, data from notifications where user_id = ${need.owner.id}`,
    );
    expect(JSON.stringify(told)).not.toContain('Saga Studerande');
    expect(JSON.stringify(told)).not.toContain('haastattelu');
    const messages = told.filter((n) => n.type === 'MESSAGE_RECEIVED').map((n) => [n.data.authorName, n.data.excerpt]);
    expect(messages).toEqual(
      expect.arrayContaining([
        [ERASED_TEXT, ERASED_TEXT],
        ['Olli Opiskelija', 'Olen kiinnostunut.'],
      ]),
    );
    expect(told.some((n) => n.data.studentName === 'Olli Opiskelija')).toBe(true);
  });

  it('leaves every other person’s data as it was', async () => {
    expect(await footprintOf(other)).toEqual(otherBefore);
  });

  it('queues one last e-mail, in the person’s language, to the address they had', async () => {
    const outbox = await rows<{ template: string; user_id: string | null; locale: string }>(
      sql`select template, user_id, locale from email_outbox where to_address = ${studentEmail} or user_id = ${student.id}`,
    );
    expect(outbox).toEqual([{ template: 'account-deleted', user_id: null, locale: 'sv' }]);
    const email = await lastEmailTo(app, studentEmail);
    expect(email!.subject).toBe('Ditt konto har raderats');
    expect(email!.textBody).toContain('Du har raderat ditt konto');
  });

  it('records the deletion in the audit log, with the person as the actor and no reason', async () => {
    const audit = await rows<{ actor_id: string; action: string; details: unknown }>(
      sql`select actor_id, action, details from audit_events where subject_id = ${student.id}`,
    );
    expect(audit).toEqual([{ actor_id: student.id, action: 'ACCOUNT_DELETED', details: {} }]);
  });

  it('does nothing twice', async () => {
    expect(await eraseAccount(depsOf(app), student.id, { by: null, action: 'ACCOUNT_EXPIRED' })).toBe(false);
    expect(await rows(sql`select 1 from audit_events where subject_id = ${student.id}`)).toHaveLength(1);
  });
});

describe('an entrepreneur who owns organisations', () => {
  it('closes their open needs, leaves, and is blocked while the only owner of a company with others', async () => {
    const colleague = await buildUser(app);
    const company = await buildOrganisation(app, { members: [colleague] });
    const owner = company.owner;
    const alone = await buildOrganisation(app, { owner });
    const shared = await buildNeed(app, { organisationId: company.id }, { owner });
    const draft = await buildNeed(app, {}, { owner, publish: false });
    const otherNeed = await buildNeed(app, { organisationId: company.id }, { owner: colleague });
    await app.db.execute(sql`insert into organisation_invitations (organisation_id, email, role, token_hash, expires_at)
      values (${alone.id}, ${owner.email}, 'MEMBER', ${randomUUID()}, now() + interval '1 day')`);

    const preview = await gql(app, PREVIEW, {}, { token: owner.token });
    expect(preview.data!.erasurePreview).toMatchObject({
      blockers: [{ reason: 'LAST_OWNER', organisationId: company.id, organisationName: company.name }],
      needsToClose: 2,
      organisationsToLeave: 2,
    });
    const blocked = await gql(app, DELETE, { input: { password: PASSWORD } }, { token: owner.token });
    expect(codeOf(blocked)).toBe('ERASURE_BLOCKED');
    expect(blocked.errors![0]!.extensions.blockers).toEqual([
      { reason: 'LAST_OWNER', organisationId: company.id, organisationName: company.name },
    ]);
    expect((await userRow(owner.id)).anonymisedAt).toBeNull();
    const [stillOpen] = await rows<{ state: string }>(sql`select state from needs where id = ${shared.id}`);
    expect(stillOpen!.state).toBe('OPEN');

    // Ownership transferred, deletion goes through.
    const transfer = await gql(
      app,
      `mutation ($o: ID!, $u: ID!) { changeMemberRole(organisationId: $o, userId: $u, role: OWNER) { role } }`,
      { o: company.id, u: colleague.id },
      { token: owner.token },
    );
    expect(transfer.errors).toBeUndefined();
    const done = await gql(app, DELETE, { input: { password: PASSWORD } }, { token: owner.token });
    expect(done.errors).toBeUndefined();

    const states = await rows<{ id: string; state: string }>(
      sql`select id, state from needs where id in (${shared.id}, ${draft.id}, ${otherNeed.id})`,
    );
    expect(Object.fromEntries(states.map((n) => [n.id, n.state]))).toEqual({
      [shared.id]: 'CLOSED',
      [draft.id]: 'CLOSED',
      [otherNeed.id]: 'OPEN',
    });
    expect(await rows(sql`select 1 from search_items where id = ${shared.id}`)).toEqual([]);
    expect(await rows(sql`select 1 from memberships where user_id = ${owner.id}`)).toEqual([]);
    expect(await rows(sql`select 1 from organisation_invitations where email = ${owner.email}`)).toEqual([]);
    // The company keeps its new owner; the organisation they ran alone stays, without members.
    expect(await rows(sql`select user_id, role from memberships where organisation_id = ${company.id}`)).toEqual([
      { user_id: colleague.id, role: 'OWNER' },
    ]);
    expect(await rows(sql`select 1 from organisations where id = ${alone.id}`)).toHaveLength(1);
  }, 30_000);

  it('for the retention job, leaves a company with others without an owner instead of blocking', async () => {
    const colleague = await buildUser(app);
    const company = await buildOrganisation(app, { members: [colleague] });
    expect(await eraseAccount(depsOf(app), company.owner.id, { by: null, action: 'ACCOUNT_EXPIRED' })).toBe(true);
    expect(await rows(sql`select user_id, role from memberships where organisation_id = ${company.id}`)).toEqual([
      { user_id: colleague.id, role: 'MEMBER' },
    ]);
    const [audit] = await rows<{ actor_id: string | null; action: string }>(
      sql`select actor_id, action from audit_events where subject_id = ${company.owner.id}`,
    );
    expect(audit).toEqual({ actor_id: null, action: 'ACCOUNT_EXPIRED' });
    const email = await lastEmailTo(app, company.owner.email);
    expect(email!.subject).toBe('Tilisi on poistettu');
  });
});

describe('who may erase whom', () => {
  it('lets an admin erase another person, with the reason in the audit log', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const target = await buildUser(app, { roles: ['STUDENT'] });
    const result = await gql(
      app,
      ERASE,
      { input: { userId: target.id, reason: 'Pyyntö 2026-12-01' } },
      { token: admin.token },
    );
    expect(result.errors).toBeUndefined();
    expect((await userRow(target.id)).anonymisedAt).not.toBeNull();
    const audit = await rows<{ actor_id: string; action: string; details: unknown }>(
      sql`select actor_id, action, details from audit_events where subject_id = ${target.id}`,
    );
    expect(audit).toEqual([{ actor_id: admin.id, action: 'USER_ERASED', details: { reason: 'Pyyntö 2026-12-01' } }]);
    expect((await lastEmailTo(app, target.email))!.template).toBe('account-deleted');
  });

  it('lets an admin preview anyone’s deletion', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const target = await buildUser(app, { roles: ['STUDENT'] });
    const preview = await gql(app, PREVIEW, { userId: target.id }, { token: admin.token });
    expect(preview.data!.erasurePreview.blockers).toEqual([]);
  });

  it('refuses an admin erasing themselves', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const result = await gql(app, ERASE, { input: { userId: admin.id, reason: 'Itse' } }, { token: admin.token });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect((await userRow(admin.id)).anonymisedAt).toBeNull();
  });

  it.each([['STUDENT'], ['ENTREPRENEUR'], ['EDUCATOR'], ['COORDINATOR']] as const)(
    'refuses a %s erasing or previewing another person, and changes nothing',
    async (role) => {
      const someone = await buildUser(app, { roles: [role] });
      const target = await buildUser(app, { roles: ['STUDENT'] });
      const erase = await gql(app, ERASE, { input: { userId: target.id, reason: 'Ei' } }, { token: someone.token });
      expect(codeOf(erase)).toBe('FORBIDDEN');
      expect(codeOf(await gql(app, PREVIEW, { userId: target.id }, { token: someone.token }))).toBe('FORBIDDEN');
      expect((await userRow(target.id)).anonymisedAt).toBeNull();
    },
  );

  it('refuses anyone not signed in', async () => {
    const target = await buildUser(app);
    expect(codeOf(await gql(app, ERASE, { input: { userId: target.id, reason: 'Ei' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, PREVIEW, { userId: target.id }))).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const admin = await buildUser(app, { roles: ['ADMIN'] });
    const result = await gql(app, ERASE, { input: { userId: randomUUID(), reason: 'Ei' } }, { token: admin.token });
    expect(codeOf(result)).toBe('NOT_FOUND');
  });
});

describe('the cluster’s figures', () => {
  it('are the same for a period before and after people are erased', async () => {
    // A placement filled by a student's accepted application, and a company's person on a course held.
    const company = await buildOrganisation(app);
    const placement = await buildNeed(app, { organisationId: company.id, positions: 1 }, { owner: company.owner });
    const accepted = await buildApplication(app, placement, { state: 'ACCEPTED' });
    const booker = await buildUser(app);
    await app.db.execute(
      sql`insert into memberships (organisation_id, user_id, role) values (${company.id}, ${booker.id}, 'MEMBER')`,
    );
    const course = await buildCourse(app, {}, { sessions: [sessionInput({ priceCents: 0 })] });
    const held = await sessionOf(course.id);
    const booked = await book(booker, held);
    expect(booked.errors).toBeUndefined();
    await app.db.execute(sql`
      update course_sessions set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '6 hours',
        registration_deadline = now() - interval '3 days'
      where id = ${held}`);
    await app.db.execute(sql`update booking_participants set attended = true
      where booking_id = ${booked.data!.bookSeats.id}`);

    const period = presetPeriod('LAST_12_MONTHS', todayInHelsinki());
    const before = await computeReport(depsOf(app), period);
    expect(before.placements.filled.current).toBeGreaterThan(0);
    expect(before.courses.participantsAttended.current).toBeGreaterThan(0);
    for (const person of [accepted.student, booker]) {
      expect(await eraseAccount(depsOf(app), person.id, { by: null, action: 'ACCOUNT_EXPIRED' })).toBe(true);
    }
    expect(await computeReport(depsOf(app), period)).toEqual(before);
  }, 30_000);
});

describe('the retention primitives', () => {
  it('anonymise rejected and withdrawn applications closed longer ago than the period, and nothing else', async () => {
    const need = await buildNeed(app);
    const made = {
      oldRejected: await buildApplication(app, need, { state: 'REJECTED' }),
      oldWithdrawn: await buildApplication(app, need, { state: 'WITHDRAWN' }),
      recentRejected: await buildApplication(app, need, { state: 'REJECTED' }),
      oldOpen: await buildApplication(app, need, { state: 'SUBMITTED' }),
    };
    await app.db
      .execute(sql`update applications set reject_reason = 'Ei kokemusta', updated_at = now() - interval '13 months'
      where id = ${made.oldRejected.id}`);
    await app.db
      .execute(sql`update application_events set reason = 'Ei kokemusta' where application_id = ${made.oldRejected.id}
      and to_state = 'REJECTED'`);
    await app.db.execute(sql`update applications set updated_at = now() - interval '13 months'
      where id in (${made.oldWithdrawn.id}, ${made.oldOpen.id})`);
    await app.db.execute(sql`update applications set updated_at = now() - interval '11 months'
      where id = ${made.recentRejected.id}`);

    expect(await anonymiseClosedApplications(app.db, 12)).toBe(2);
    const after = await rows<{ id: string; cover_letter: string; reject_reason: string | null; anonymised: boolean }>(
      sql`select id, cover_letter, reject_reason, anonymised_at is not null as anonymised from applications
          where need_id = ${need.id}`,
    );
    const byId = Object.fromEntries(after.map((a) => [a.id, a]));
    expect(byId[made.oldRejected.id]).toMatchObject({
      cover_letter: ERASED_TEXT,
      reject_reason: null,
      anonymised: true,
    });
    expect(byId[made.oldWithdrawn.id]).toMatchObject({ cover_letter: ERASED_TEXT, anonymised: true });
    for (const kept of [made.recentRejected, made.oldOpen]) {
      expect(byId[kept.id]).toMatchObject({ cover_letter: kept.coverLetter, anonymised: false });
    }
    expect(
      await rows(
        sql`select reason from application_events where application_id = ${made.oldRejected.id} and reason is not null`,
      ),
    ).toEqual([]);
    // Done once: a second run finds nothing due.
    expect(await anonymiseClosedApplications(app.db, 12)).toBe(0);
  }, 30_000);

  it('anonymise the participants of sessions that ended longer ago than the period, keeping attendance', async () => {
    const booker = await buildUser(app);
    const sessions = { old: '', recent: '' };
    for (const key of ['old', 'recent'] as const) {
      const course = await buildCourse(app, {}, { sessions: [sessionInput({ priceCents: 0 })] });
      sessions[key] = await sessionOf(course.id);
      const booked = await book(booker, sessions[key], {
        participants: [{ name: `Osallistuja ${key}`, email: `${key}-${randomUUID()}@example.fi` }],
      });
      expect(booked.errors).toBeUndefined();
      const ago = key === 'old' ? sql`interval '25 months'` : sql`interval '23 months'`;
      await app.db
        .execute(sql`update course_sessions set starts_at = now() - ${ago}, ends_at = now() - ${ago} + interval '6 hours',
        registration_deadline = now() - ${ago} - interval '1 day' where id = ${sessions[key]}`);
      await app.db.execute(
        sql`update booking_participants set attended = true where booking_id = ${booked.data!.bookSeats.id}`,
      );
    }
    expect(await anonymisePastParticipants(app.db, 24)).toBeGreaterThanOrEqual(1);
    const of = (sessionId: string) =>
      rows<{ name: string; email: string; attended: boolean; anonymised: boolean }>(sql`
        select p.name, p.email, p.attended, p.anonymised_at is not null as anonymised
        from booking_participants p join bookings b on b.id = p.booking_id where b.session_id = ${sessionId}`);
    const [old] = await of(sessions.old);
    expect(old).toMatchObject({ name: ERASED_TEXT, attended: true, anonymised: true });
    expect(old!.email).toMatch(/^erased-.+@erased\.invalid$/);
    const [recent] = await of(sessions.recent);
    expect(recent).toMatchObject({ name: 'Osallistuja recent', attended: true, anonymised: false });
  }, 30_000);
});
