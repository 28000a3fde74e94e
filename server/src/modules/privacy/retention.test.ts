/**
 * Retention, by itself: each job anonymises or deletes exactly what is due and nothing else, a
 * second run changes nothing, the report's figures stay as they were, and (on real PostgreSQL)
 * instances running the jobs at once warn every inactive account exactly once.
 */
import { randomUUID } from 'node:crypto';
import { presetPeriod } from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { users } from '../accounts/tables.js';
import { applications } from '../applications/tables.js';
import { auditEvents, dataAccessEvents } from '../audit/tables.js';
import { participants } from '../bookings/tables.js';
import { emailOutbox } from '../messaging/tables.js';
import { courseSessions } from '../offers/tables.js';
import { computeReport } from '../reports/index.js';
import {
  buildApplication,
  buildCourse,
  buildUser,
  depsOf,
  lastEmailTo,
  localIn,
  PASSWORD,
  sessionInput,
  type TestUser,
} from '../../test/factories.js';
import {
  buildTestApp,
  buildTwoInstances,
  gql,
  onRealPostgres,
  TEST_DATABASE_URL,
  type App,
  type TestApp,
} from '../../test/helper.js';
import { RETENTION_LOCK_KEY, runRetention, warnInactiveAccounts, type RetentionCounts } from './retention.js';
import { withBilling } from '../../test/billing.js';

const BOOK = `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const NOTHING: RetentionCounts = {
  applicationsAnonymised: 0,
  participantsAnonymised: 0,
  accountsWarned: 0,
  accountsErased: 0,
  dataAccessEventsDeleted: 0,
  auditEventsDeleted: 0,
  sentMailDeleted: 0,
};

/** An instant `months` (and `days`) before now, as SQL. */
const ago = (months: number, days = 0) => sql`now() - make_interval(months => ${months}::int, days => ${days}::int)`;

const inactiveEmails = (app: App, userIds: string[]) =>
  app.db
    .select({ userId: emailOutbox.userId })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, 'account-inactive'), inArray(emailOutbox.userId, userIds)));

async function inactiveUser(app: App, months: number, overrides: Partial<typeof users.$inferInsert> = {}) {
  const user = await buildUser(app, { roles: ['STUDENT'], ...overrides });
  await app.db
    .update(users)
    .set({ lastActiveAt: ago(months) })
    .where(eq(users.id, user.id));
  return user;
}

describe('retention jobs', () => {
  let app: TestApp;
  const applicationIds: Record<string, string> = {};
  const participantIds: Record<string, string[]> = {};
  let people: Record<'old37' | 'old35' | 'signsIn' | 'deactivated', TestUser>;
  const logIds: Record<string, string> = {};
  const mailIds: Record<string, string> = {};
  let reportBefore: unknown[];

  const periods = () => {
    const today = todayInHelsinki();
    const from = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    return [presetPeriod('LAST_12_MONTHS', today), { from, to: today }];
  };
  const report = async () => Promise.all(periods().map((period) => computeReport(depsOf(app), period)));

  beforeAll(async () => {
    app = await buildTestApp();

    // Applications: rejected 13 and 11 months ago, withdrawn 13, accepted 13, rejected today.
    const cases = {
      rejected13: 'REJECTED',
      rejected11: 'REJECTED',
      withdrawn13: 'WITHDRAWN',
      accepted13: 'ACCEPTED',
    } as const;
    for (const [name, state] of Object.entries(cases)) {
      const application = await buildApplication(app, undefined, {
        state,
        coverLetter: `Hakemus ${name} ja sen kirje.`,
      });
      applicationIds[name] = application.id;
    }
    const months = { rejected13: 13, rejected11: 11, withdrawn13: 13, accepted13: 13 } as const;
    for (const [name, m] of Object.entries(months)) {
      await app.db
        .update(applications)
        .set({ updatedAt: ago(m) })
        .where(eq(applications.id, applicationIds[name]!));
    }

    // Participants: sessions that ended 25 and 23 months ago, and one still ahead.
    const course = await buildCourse(
      app,
      {},
      {
        sessions: [
          sessionInput({ startsAt: localIn(40, '09:00'), endsAt: localIn(40, '16:00') }),
          sessionInput({ startsAt: localIn(41, '09:00'), endsAt: localIn(41, '16:00') }),
          sessionInput({ startsAt: localIn(42, '09:00'), endsAt: localIn(42, '16:00') }),
        ],
      },
    );
    const sessions = await app.db
      .select({ id: courseSessions.id })
      .from(courseSessions)
      .where(eq(courseSessions.offerId, course.id))
      .orderBy(courseSessions.startsAt);
    const booker = await buildUser(app);
    const names = ['ended25', 'ended23', 'ahead'] as const;
    for (const [i, name] of names.entries()) {
      const booked = await gql(
        app,
        BOOK,
        {
          input: withBilling({
            sessionId: sessions[i]!.id,
            idempotencyKey: randomUUID(),
            participants: [
              { name: `Osallistuja ${name}`, email: `${name}.a@example.fi` },
              { name: `Toinen ${name}`, email: `${name}.b@example.fi` },
            ],
          }),
        },
        { token: booker.token },
      );
      expect(booked.errors).toBeUndefined();
      const rows = await app.db
        .select({ id: participants.id })
        .from(participants)
        .where(eq(participants.bookingId, booked.data!.bookSeats.id));
      participantIds[name] = rows.map((r) => r.id);
    }
    for (const [i, m] of [
      [0, 25],
      [1, 23],
    ] as const) {
      await app.db
        .update(courseSessions)
        .set({
          startsAt: sql`${ago(m)} - interval '7 hours'`,
          endsAt: ago(m),
          registrationDeadline: sql`${ago(m)} - interval '2 days'`,
        })
        .where(eq(courseSessions.id, sessions[i]!.id));
    }

    // Accounts unused 37 and 35 months, one that will sign in, one deactivated.
    people = {
      old37: await inactiveUser(app, 37),
      old35: await inactiveUser(app, 35),
      signsIn: await inactiveUser(app, 37),
      deactivated: await inactiveUser(app, 37, { deactivatedAt: new Date(), deactivationReason: 'Testi' }),
    };

    // The logs: past and within their months (24 and 60 by default).
    const viewer = await buildUser(app, { roles: ['COORDINATOR'] });
    for (const [name, m] of [
      ['views25', 25],
      ['views23', 23],
    ] as const) {
      const [row] = await app.db
        .insert(dataAccessEvents)
        .values({
          subjectUserId: people.old35.id,
          viewerId: viewer.id,
          kind: 'PROFILE',
          source: 'PROFILE_PAGE',
          at: ago(m),
        })
        .returning({ id: dataAccessEvents.id });
      logIds[name] = row!.id;
    }
    for (const [name, m] of [
      ['audit61', 61],
      ['audit59', 59],
    ] as const) {
      const [row] = await app.db
        .insert(auditEvents)
        .values({
          actorId: viewer.id,
          action: 'ROLES_CHANGED',
          subjectKind: 'USER',
          subjectId: people.old35.id,
          at: ago(m),
        })
        .returning({ id: auditEvents.id });
      logIds[name] = row!.id;
    }

    // Sent mail 91 and 89 days ago (90 by default), an old one never sent (still waiting), one failed 91 days ago.
    for (const [name, days, sent] of [
      ['sent91', 91, true],
      ['sent89', 89, true],
      ['waiting100', 100, false],
      ['failed91', 91, null],
    ] as const) {
      const [row] = await app.db
        .insert(emailOutbox)
        .values({
          toAddress: `${name}@example.fi`,
          template: 'verify-email',
          locale: 'fi',
          params: { name: 'x', link: 'y' },
          createdAt: ago(0, days),
          sentAt: sent ? ago(0, days) : null,
          // Given up on for good (null here): as good as sent, nothing will send it.
          failedAt: sent === null ? ago(0, days) : null,
        })
        .returning({ id: emailOutbox.id });
      mailIds[name] = row!.id;
    }
    reportBefore = await report();
  });

  afterAll(async () => {
    await app?.closeAndDrop();
  });

  it('anonymises exactly what is due, and a second run changes nothing', async () => {
    const first = await runRetention(depsOf(app));
    expect(first).toMatchObject({
      applicationsAnonymised: 2,
      participantsAnonymised: 2,
      dataAccessEventsDeleted: 1,
      auditEventsDeleted: 1,
      sentMailDeleted: 2,
      accountsErased: 0,
    });
    // Accounts unused 37 months: old37 and signsIn (other tests' users are new).
    expect(first!.accountsWarned).toBe(2);
    expect(await runRetention(depsOf(app))).toEqual(NOTHING);
  });

  it('removes the letters of applications rejected or withdrawn 12 months ago, and no others', async () => {
    const rows = await app.db
      .select()
      .from(applications)
      .where(inArray(applications.id, Object.values(applicationIds)));
    const byName = Object.fromEntries(
      Object.entries(applicationIds).map(([name, id]) => [name, rows.find((r) => r.id === id)!]),
    );
    for (const name of ['rejected13', 'withdrawn13']) {
      expect(byName[name]).toMatchObject({
        coverLetter: '[removed]',
        rejectReason: null,
        anonymisedAt: expect.any(Date),
      });
    }
    expect(byName.rejected13!.state).toBe('REJECTED');
    for (const name of ['rejected11', 'accepted13']) {
      expect(byName[name]).toMatchObject({ coverLetter: `Hakemus ${name} ja sen kirje.`, anonymisedAt: null });
    }
  });

  it('removes the names and addresses of participants of sessions that ended 24 months ago, and no others', async () => {
    const rows = await app.db
      .select()
      .from(participants)
      .where(inArray(participants.id, Object.values(participantIds).flat()));
    const of = (name: string) => rows.filter((r) => participantIds[name]!.includes(r.id));
    for (const row of of('ended25')) {
      expect(row.name).toBe('[removed]');
      expect(row.email).toMatch(/@erased\.invalid$/);
      expect(row.anonymisedAt).toBeInstanceOf(Date);
    }
    for (const name of ['ended23', 'ahead']) {
      expect(of(name).map((r) => r.name)).toEqual([`Osallistuja ${name}`, `Toinen ${name}`]);
      expect(of(name).every((r) => r.anonymisedAt === null)).toBe(true);
    }
  });

  it('deletes log rows and sent mail past their time, and nothing newer or unsent', async () => {
    const views = await app.db.select({ id: dataAccessEvents.id }).from(dataAccessEvents);
    expect(views.map((r) => r.id)).toEqual([logIds.views23]);
    const audit = await app.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, people.old35.id));
    expect(audit.map((r) => r.id)).toEqual([logIds.audit59]);
    const mail = await app.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, Object.values(mailIds)));
    expect(mail.map((r) => r.id).sort()).toEqual([mailIds.sent89, mailIds.waiting100].sort());
  });

  it('warns each account unused 36 months once, in its language, with the sign-in link and the day of removal', async () => {
    const warned = await inactiveEmails(
      app,
      Object.values(people).map((p) => p.id),
    );
    expect(warned.map((r) => r.userId).sort()).toEqual([people.old37.id, people.signsIn.id].sort());
    const [account] = await app.db.select().from(users).where(eq(users.id, people.old37.id));
    expect(account!.inactivityWarnedAt).toBeInstanceOf(Date);
    const email = await lastEmailTo(app, people.old37.email);
    expect(email!.subject).toBe('Tilisi poistetaan, ellet kirjaudu sisään');
    expect(email!.textBody).toContain(`${app.config.publicUrl}/sign-in`);
    const removal = new Date(account!.inactivityWarnedAt!.getTime() + 30 * 86_400_000);
    expect(email!.textBody).toContain(
      new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', dateStyle: 'long' }).format(removal),
    );
    // Neither the account unused 35 months nor a deactivated one.
    for (const person of [people.old35, people.deactivated]) {
      const [row] = await app.db.select().from(users).where(eq(users.id, person.id));
      expect(row!.inactivityWarnedAt).toBeNull();
    }
  });

  it('erases a warned account only after the notice period, and not one that signed in meanwhile', async () => {
    const signIn = await gql(app, SIGN_IN, { input: { email: people.signsIn.email, password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
    // 29 days after the warning: not yet.
    await app.db
      .update(users)
      .set({ inactivityWarnedAt: ago(0, 29) })
      .where(eq(users.id, people.old37.id));
    expect(await runRetention(depsOf(app))).toEqual(NOTHING);
    // 31 days after: erased, once. The one that signed in is kept, and not warned again.
    await app.db
      .update(users)
      .set({ inactivityWarnedAt: ago(0, 31) })
      .where(eq(users.id, people.old37.id));
    expect(await runRetention(depsOf(app))).toEqual({ ...NOTHING, accountsErased: 1 });
    expect(await runRetention(depsOf(app))).toEqual(NOTHING);
    const rows = await app.db
      .select()
      .from(users)
      .where(inArray(users.id, [people.old37.id, people.signsIn.id]));
    const erased = rows.find((r) => r.id === people.old37.id)!;
    const kept = rows.find((r) => r.id === people.signsIn.id)!;
    expect(erased).toMatchObject({ displayName: '[removed]', anonymisedAt: expect.any(Date) });
    expect(erased.email).toMatch(/@erased\.invalid$/);
    expect(kept).toMatchObject({ email: people.signsIn.email, anonymisedAt: null, inactivityWarnedAt: null });
    const audit = await app.db.select().from(auditEvents).where(eq(auditEvents.subjectId, people.old37.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'ACCOUNT_EXPIRED', actorId: null })]);
    // The erased person is told, at the address they had.
    expect((await lastEmailTo(app, people.old37.email))!.template).toBe('account-deleted');
  });

  it('keeps an account used after its warning even if the warning was not cleared', async () => {
    const person = await inactiveUser(app, 37);
    expect((await runRetention(depsOf(app)))!.accountsWarned).toBe(1);
    await app.db
      .update(users)
      .set({ inactivityWarnedAt: ago(0, 40), lastActiveAt: ago(0, 1) })
      .where(eq(users.id, person.id));
    expect(await runRetention(depsOf(app))).toEqual(NOTHING);
    const [row] = await app.db.select().from(users).where(eq(users.id, person.id));
    expect(row!.anonymisedAt).toBeNull();
  });

  it('leaves the report’s figures as they were', async () => {
    expect(await report()).toEqual(reportBefore);
  });
});

describe('retention with its periods configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ APPLICATION_RETENTION_MONTHS: '6', INACTIVE_ACCOUNT_MONTHS: '12' });
  });
  afterAll(async () => {
    await app?.closeAndDrop();
  });

  it('takes the months from configuration', async () => {
    const application = await buildApplication(app, undefined, { state: 'REJECTED' });
    await app.db
      .update(applications)
      .set({ updatedAt: ago(7) })
      .where(eq(applications.id, application.id));
    const person = await inactiveUser(app, 13);
    expect(await runRetention(depsOf(app))).toMatchObject({ applicationsAnonymised: 1, accountsWarned: 1 });
    expect(await inactiveEmails(app, [person.id])).toHaveLength(1);
  });
});

describe('the retention jobs in the running server', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await app?.closeAndDrop();
    app = undefined;
  });

  for (const jobs of [true, false]) {
    it(`${jobs ? 'run hourly by themselves' : 'do not run with RETENTION_JOBS=false'}`, async () => {
      // The server's timers only are faked (and move with real time too), so that an hour passes at once.
      vi.useFakeTimers({ toFake: ['setInterval', 'setTimeout'], shouldAdvanceTime: true });
      app = await buildTestApp({ RETENTION_JOBS: String(jobs) });
      const person = await inactiveUser(app, 40);
      await vi.advanceTimersByTimeAsync(61 * 60_000);
      const warned = async () => {
        const [row] = await app!.db.select().from(users).where(eq(users.id, person.id));
        return row!.inactivityWarnedAt !== null;
      };
      if (jobs) {
        await vi.waitFor(async () => expect(await warned()).toBe(true), { timeout: 5000 });
      } else {
        // As long as the other case needs, and more: nothing happens.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(await warned()).toBe(false);
      }
    });
  }
});

describe.runIf(onRealPostgres)('retention on several instances (real PostgreSQL)', () => {
  let first: App;
  let second: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ first, second, close } = await buildTwoInstances());
  });
  afterAll(async () => {
    await close?.();
  });

  it('two instances running the jobs at once warn every account exactly once', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => inactiveUser(first, 40)));
    const runs = await Promise.all([runRetention(first.deps()), runRetention(second.deps())]);
    // Whichever ran (one, or both one after the other), the accounts were warned once in all.
    expect(runs.reduce((n, run) => n + (run?.accountsWarned ?? 0), 0)).toBe(8);
    const emails = await inactiveEmails(
      first,
      people.map((p) => p.id),
    );
    expect(emails.map((e) => e.userId).sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('even without the lock, two warning jobs at once queue one e-mail per account', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => inactiveUser(first, 40)));
    const counts = await Promise.all(
      [first, second].map((instance) =>
        instance.db.transaction((tx) => warnInactiveAccounts({ ...instance.deps(), db: tx })),
      ),
    );
    expect(counts[0]! + counts[1]!).toBe(8);
    const emails = await inactiveEmails(
      first,
      people.map((p) => p.id),
    );
    expect(emails.map((e) => e.userId).sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('skips a run while another instance holds the lock', async () => {
    const client = new pg.Client({ connectionString: await databaseUrlOf(first) });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [RETENTION_LOCK_KEY]);
      await inactiveUser(first, 40);
      expect(await runRetention(second.deps())).toBeNull();
      await client.query('commit');
      expect((await runRetention(second.deps()))!.accountsWarned).toBe(1);
    } finally {
      await client.end();
    }
  });
});

/** The test database's URL: the server of TEST_DATABASE_URL, the database the app is on. */
async function databaseUrlOf(app: App): Promise<string> {
  const result = await app.db.execute(sql`select current_database() as name`);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
  return url.toString();
}
